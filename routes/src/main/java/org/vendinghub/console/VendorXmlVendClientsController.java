package org.vendinghub.console;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.vendinghub.domain.ValidationException;
import org.vendinghub.ledger.LedgerRejection;
import org.vendinghub.ledger.vendor.VendorService;
import org.vendinghub.ledger.vendor.VendorView;
import org.vendinghub.xmlvend.XmlVendClientChanges;
import org.vendinghub.xmlvend.XmlVendClients;

import java.security.Principal;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A vendor's XMLVend clients with their terminals and operators: register a client (optionally limited to some
 * operations, optionally bound to a TLS certificate subject), disable or enable it, add, enable or disable a terminal,
 * set an operator's password (which adds or re-enables the operator) or disable it. Passwords are never shown: the hub
 * keeps only their bcrypt hash. Reading needs a vendor permission, changing MANAGE_VENDORS; a vendor-group user
 * reaches only the group's vendors. Changes go through {@link XmlVendClientChanges}, which the administration API
 * uses too, so both audit alike.
 */
@Controller
@RequestMapping("/console/vendors/{vendorId}/xmlvend-clients")
class VendorXmlVendClientsController {

    private static final Set<String> CLIENT_FIELDS = Set.of("clientId", "name", "certSubject", "allowedOperations");

    /** What the new-client form sends; unticked operation boxes send nothing, so the set may be null. */
    record ClientForm(String clientId, String name, String certSubject, Set<String> allowedOperations) {
        static ClientForm blank() {
            return new ClientForm("", "", "", Set.of());
        }

        public Set<String> operations() {
            return allowedOperations == null ? Set.of() : allowedOperations;
        }
    }

    /** A terminal or an operator as the forms under a client send it; the password is never sent back to the page. */
    record MemberForm(String terminalId, String opName, String password) {
    }

    /** One row of the page: the client and its members, never a password or hash. */
    record ClientRow(XmlVendClients.Client client, List<XmlVendClients.Member> terminals, List<XmlVendClients.Member> operators) {
        public String operations() {
            return client.allowedOperations().isEmpty() ? "all" : String.join(", ", new TreeSet<>(client.allowedOperations()));
        }
    }

    private final VendorService vendors;
    private final VendorScope scope;
    private final XmlVendClients clients;
    private final XmlVendClientChanges changes;

    VendorXmlVendClientsController(VendorService vendors, VendorScope scope, XmlVendClients clients, XmlVendClientChanges changes) {
        this.vendors = vendors;
        this.scope = scope;
        this.clients = clients;
        this.changes = changes;
    }

    @GetMapping
    @PreAuthorize(VendorsController.VIEW)
    String page(@PathVariable long vendorId, Principal principal, Model model) {
        return page(model, vendor(principal, vendorId), ClientForm.blank(), new FormErrors());
    }

    @PostMapping
    @PreAuthorize(VendorsController.MANAGE)
    String register(@PathVariable long vendorId, ClientForm form, Principal principal, Model model, RedirectAttributes flash) {
        VendorView vendor = vendor(principal, vendorId);
        FormErrors errors = new FormErrors();
        try {
            XmlVendClients.Client client = changes.register(vendorId, Input.optional(form.clientId()), Input.optional(form.name()),
                    form.operations(), Input.optional(form.certSubject()), principal.getName());
            flash.addFlashAttribute("notice", "XMLVend client " + client.clientId() + " registered. Add its terminals and operators.");
            return redirect(vendorId);
        } catch (ValidationException e) {
            errors.add(e, CLIENT_FIELDS);
        } catch (LedgerRejection e) {
            errors.add("clientId", e.getMessage());
        }
        return page(model, vendor, form, errors);
    }

    @PostMapping("/{clientId}/disable")
    @PreAuthorize(VendorsController.MANAGE)
    String disable(@PathVariable long vendorId, @PathVariable String clientId, Principal principal, Model model, RedirectAttributes flash) {
        return change(vendorId, principal, model, flash, "XMLVend client " + clientId + " disabled; every request it sends is refused.",
                () -> changes.setEnabled(vendorId, clientId, false, principal.getName()));
    }

    @PostMapping("/{clientId}/enable")
    @PreAuthorize(VendorsController.MANAGE)
    String enable(@PathVariable long vendorId, @PathVariable String clientId, Principal principal, Model model, RedirectAttributes flash) {
        return change(vendorId, principal, model, flash, "XMLVend client " + clientId + " enabled.",
                () -> changes.setEnabled(vendorId, clientId, true, principal.getName()));
    }

    @PostMapping("/{clientId}/terminals")
    @PreAuthorize(VendorsController.MANAGE)
    String addTerminal(@PathVariable long vendorId, @PathVariable String clientId, MemberForm form, Principal principal, Model model,
                       RedirectAttributes flash) {
        String terminalId = Input.optional(form.terminalId());
        return change(vendorId, principal, model, flash, "Terminal " + terminalId + " of " + clientId + " enabled.",
                () -> changes.enableTerminal(vendorId, clientId, terminalId, principal.getName()));
    }

    @PostMapping("/{clientId}/terminals/{terminalId}/enable")
    @PreAuthorize(VendorsController.MANAGE)
    String enableTerminal(@PathVariable long vendorId, @PathVariable String clientId, @PathVariable String terminalId, Principal principal,
                          Model model, RedirectAttributes flash) {
        return change(vendorId, principal, model, flash, "Terminal " + terminalId + " of " + clientId + " enabled.",
                () -> changes.enableTerminal(vendorId, clientId, terminalId, principal.getName()));
    }

    @PostMapping("/{clientId}/terminals/{terminalId}/disable")
    @PreAuthorize(VendorsController.MANAGE)
    String disableTerminal(@PathVariable long vendorId, @PathVariable String clientId, @PathVariable String terminalId, Principal principal,
                           Model model, RedirectAttributes flash) {
        return change(vendorId, principal, model, flash, "Terminal " + terminalId + " of " + clientId + " disabled.",
                () -> changes.disableTerminal(vendorId, clientId, terminalId, principal.getName()));
    }

    /** A new operator, or a new password for a known one (which enables it again). */
    @PostMapping("/{clientId}/operators")
    @PreAuthorize(VendorsController.MANAGE)
    String setOperator(@PathVariable long vendorId, @PathVariable String clientId, MemberForm form, Principal principal, Model model,
                       RedirectAttributes flash) {
        String opName = Input.optional(form.opName());
        return change(vendorId, principal, model, flash, "Password of operator " + opName + " of " + clientId + " set; the operator is enabled.",
                () -> changes.setOperator(vendorId, clientId, opName, form.password(), principal.getName()));
    }

    @PostMapping("/{clientId}/operators/{opName}/disable")
    @PreAuthorize(VendorsController.MANAGE)
    String disableOperator(@PathVariable long vendorId, @PathVariable String clientId, @PathVariable String opName, Principal principal,
                           Model model, RedirectAttributes flash) {
        return change(vendorId, principal, model, flash, "Operator " + opName + " of " + clientId + " disabled.",
                () -> changes.disableOperator(vendorId, clientId, opName, principal.getName()));
    }

    /**
     * Runs a change; success goes back to the page with a notice, a refusal shows the page with the reason on top (the
     * forms under each client are many, so a reason next to one field would be ambiguous). Nothing typed is echoed back,
     * so a refused password never reaches the page.
     */
    private String change(long vendorId, Principal principal, Model model, RedirectAttributes flash, String notice, Runnable action) {
        VendorView vendor = vendor(principal, vendorId);
        FormErrors errors = new FormErrors();
        try {
            action.run();
            flash.addFlashAttribute("notice", notice);
            return redirect(vendorId);
        } catch (ValidationException | LedgerRejection e) {
            errors.form(e.getMessage());
        }
        return page(model, vendor, ClientForm.blank(), errors);
    }

    private VendorView vendor(Principal principal, long vendorId) {
        return scope.check(principal, vendors.vendor(vendorId));
    }

    private static String redirect(long vendorId) {
        return "redirect:/console/vendors/" + vendorId + "/xmlvend-clients";
    }

    private String page(Model model, VendorView vendor, ClientForm form, FormErrors errors) {
        model.addAttribute("vendor", vendor);
        model.addAttribute("clients", clients.clientsOfVendor(vendor.id()).stream()
                .map(c -> new ClientRow(c, clients.terminals(c.clientId()), clients.operators(c.clientId()))).toList());
        model.addAttribute("operations", new TreeSet<>(XmlVendClients.OPERATIONS));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "vendors/xmlvend-clients";
    }
}
