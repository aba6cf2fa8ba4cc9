package org.vendinghub.xmlvend;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.vendinghub.api.StrictJson;
import org.vendinghub.ledger.vendor.VendorService;
import org.vendinghub.ledger.vendor.VendorView;
import org.vendinghub.security.UserAdministration;

import java.security.Principal;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Registration of XMLVend vending clients for hub users: a client (its clientID, usually an EAN) sells on one vendor's
 * float, with its terminals and the operators who sign requests (authCred; the password is stored as bcrypt only).
 * Changes need MANAGE_VENDORS and are audited; a vendor-group user reaches only the group's vendors.
 */
@RestController
@RequestMapping("/api/v1/vendors/{vendorId}/xmlvend-clients")
@Tag(name = "xmlvend-clients", description = "A vendor's XMLVend 2.1 clients, their terminals and operators (the SOAP service is /services/xmlvend)")
class XmlVendAdminController {

    static final String READ = "hasAnyAuthority('MANAGE_VENDORS', 'REQUEST_ADJUSTMENTS', 'APPROVE_ADJUSTMENTS', 'VIEW_REPORTS')";
    static final String MANAGE = "hasAuthority('MANAGE_VENDORS')";

    @StrictJson
    @Schema(description = "A client: clientID as it sends it (13-digit EAN or an id), a name, optionally the only operations it may "
            + "use (empty: all) and the TLS client certificate subject it must call with")
    record ClientRequest(@Schema(example = "6001234500017") String clientId, @Schema(example = "Bank gateway") String name,
                         Set<String> allowedOperations, String certSubject) {
    }

    @StrictJson
    record Password(@Schema(description = "8 to 40 characters", example = "op-password-1") String password) {
    }

    @Schema(description = "A client with its terminals and operators (never passwords)")
    record ClientResponse(XmlVendClients.Client client, List<XmlVendClients.Member> terminals, List<XmlVendClients.Member> operators) {
    }

    private final XmlVendClients clients;
    private final XmlVendClientChanges changes;
    private final VendorService vendors;
    private final UserAdministration users;

    XmlVendAdminController(XmlVendClients clients, XmlVendClientChanges changes, VendorService vendors, UserAdministration users) {
        this.clients = clients;
        this.changes = changes;
        this.vendors = vendors;
        this.users = users;
    }

    @GetMapping
    @PreAuthorize(READ)
    @Operation(summary = "The vendor's XMLVend clients with their terminals and operators")
    List<ClientResponse> list(@PathVariable long vendorId, Principal user) {
        inScope(user, vendorId);
        return clients.clientsOfVendor(vendorId).stream().map(this::response).toList();
    }

    @GetMapping("/{clientId}")
    @PreAuthorize(READ)
    @Operation(summary = "One client of the vendor")
    ClientResponse get(@PathVariable long vendorId, @PathVariable String clientId, Principal user) {
        return response(clientOf(user, vendorId, clientId));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(MANAGE)
    @Transactional
    @Operation(summary = "Register a client selling on this vendor's float (409 when the clientID is taken; audited)")
    ClientResponse register(@PathVariable long vendorId, @RequestBody ClientRequest r, Principal user) {
        inScope(user, vendorId);
        return response(changes.register(vendorId, r.clientId(), r.name(), r.allowedOperations(),
                r.certSubject() == null || r.certSubject().isBlank() ? null : r.certSubject().trim(), user.getName()));
    }

    @PostMapping("/{clientId}/disable")
    @PreAuthorize(MANAGE)
    @Transactional
    @Operation(summary = "Disable the client: every request is refused with ClientIDAuthorisationEx")
    ClientResponse disable(@PathVariable long vendorId, @PathVariable String clientId, Principal user) {
        return enabled(vendorId, clientId, false, user);
    }

    @PostMapping("/{clientId}/enable")
    @PreAuthorize(MANAGE)
    @Transactional
    @Operation(summary = "Enable the client again")
    ClientResponse enable(@PathVariable long vendorId, @PathVariable String clientId, Principal user) {
        return enabled(vendorId, clientId, true, user);
    }

    @PutMapping("/{clientId}/terminals/{terminalId}")
    @PreAuthorize(MANAGE)
    @Transactional
    @Operation(summary = "Add a terminal (the terminalID the client sends) or enable it again")
    ClientResponse addTerminal(@PathVariable long vendorId, @PathVariable String clientId, @PathVariable String terminalId, Principal user) {
        inScope(user, vendorId);
        changes.enableTerminal(vendorId, clientId, terminalId, user.getName());
        return response(clients.client(clientId));
    }

    @PostMapping("/{clientId}/terminals/{terminalId}/disable")
    @PreAuthorize(MANAGE)
    @Transactional
    @Operation(summary = "Disable one terminal of the client")
    ClientResponse disableTerminal(@PathVariable long vendorId, @PathVariable String clientId, @PathVariable String terminalId,
                                   Principal user) {
        inScope(user, vendorId);
        changes.disableTerminal(vendorId, clientId, terminalId, user.getName());
        return response(clients.client(clientId));
    }

    @PutMapping("/{clientId}/operators/{opName}")
    @PreAuthorize(MANAGE)
    @Transactional
    @Operation(summary = "Add an operator (authCred opName) or set a new password; only the bcrypt hash is kept (audited)")
    ClientResponse setOperator(@PathVariable long vendorId, @PathVariable String clientId, @PathVariable String opName,
                               @RequestBody Password body, Principal user) {
        inScope(user, vendorId);
        changes.setOperator(vendorId, clientId, opName, body.password(), user.getName());
        return response(clients.client(clientId));
    }

    @PostMapping("/{clientId}/operators/{opName}/disable")
    @PreAuthorize(MANAGE)
    @Transactional
    @Operation(summary = "Disable one operator of the client")
    ClientResponse disableOperator(@PathVariable long vendorId, @PathVariable String clientId, @PathVariable String opName,
                                   Principal user) {
        inScope(user, vendorId);
        changes.disableOperator(vendorId, clientId, opName, user.getName());
        return response(clients.client(clientId));
    }

    private ClientResponse enabled(long vendorId, String clientId, boolean enabled, Principal user) {
        inScope(user, vendorId);
        changes.setEnabled(vendorId, clientId, enabled, user.getName());
        return response(clients.client(clientId));
    }

    /** The client, if it belongs to this vendor (404 otherwise, as for an unknown client). */
    private XmlVendClients.Client clientOf(Principal user, long vendorId, String clientId) {
        inScope(user, vendorId);
        return clients.clientOfVendor(vendorId, clientId);
    }

    /** A vendor-group user reaches only the group's vendors. */
    private void inScope(Principal user, long vendorId) {
        VendorView vendor = vendors.vendor(vendorId);
        Long group = users.vendorGroupOf(user.getName());
        if (group != null && !Objects.equals(group, vendor.groupId())) {
            throw new AccessDeniedException("vendor " + vendorId + " is outside your vendor group");
        }
    }

    private ClientResponse response(XmlVendClients.Client client) {
        return new ClientResponse(client, clients.terminals(client.clientId()), clients.operators(client.clientId()));
    }
}
