package org.vendinghub.pos;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.vendinghub.api.StrictJson;

import java.security.Principal;
import java.util.List;

/**
 * Terminal management for hub users: a vendor's POS terminals (register, new secret, disable/enable, wanted app
 * version), its cashiers (create, PIN, disable/enable, unlock), and the switch that suspends all its POS selling.
 * Changes need MANAGE_VENDORS, reads also the other vendor permissions; a vendor-group user reaches only the group's
 * vendors (403 OUTSIDE_VENDOR_GROUP). Every change is audited.
 */
@RestController
@RequestMapping("/api/v1/vendors/{vendorId}")
@Tag(name = "pos-terminals", description = "A vendor's POS terminals and cashiers (the terminals' own API is under /api/pos/v1)")
class PosAdminController {

    static final String READ = "hasAnyAuthority('MANAGE_VENDORS', 'REQUEST_ADJUSTMENTS', 'APPROVE_ADJUSTMENTS', 'VIEW_REPORTS')";
    static final String MANAGE = "hasAuthority('MANAGE_VENDORS')";

    @StrictJson
    @Schema(description = "A new terminal. withSecret (default true) makes a secret, answered once; certSubject binds a TLS client "
            + "certificate (its subject DN as the server sees it). At least one of the two.")
    record TerminalRequest(@Schema(example = "POS-0042") String terminalId, @Schema(example = "Till 2, Corner Shop") String name,
                           Boolean withSecret, String certSubject, @Schema(example = "2.4.1") String wantedAppVersion) {
    }

    @StrictJson
    record Disable(@Schema(example = "reported stolen") String reason) {
    }

    @StrictJson
    record AppVersion(@Schema(description = "null: no wish", example = "2.5.0") String wantedAppVersion) {
    }

    @StrictJson
    @Schema(description = "A cashier: login (lower case), name, and a PIN of 4 to 12 digits (or a password of 8 to 64 characters)")
    record CashierRequest(@Schema(example = "jane") String login, @Schema(example = "Jane Wanjiru") String name,
                          @Schema(example = "4821") String pin) {
    }

    @StrictJson
    record Pin(@Schema(example = "7305") String pin) {
    }

    @StrictJson
    record VendorSwitch(boolean enabled, String reason) {
    }

    @Schema(description = "How many terminals were told")
    record Announced(int terminals, String wantedAppVersion) {
    }

    private final PosTerminals terminals;
    private final PosCashiers cashiers;
    private final PosVendorScope scope;

    PosAdminController(PosTerminals terminals, PosCashiers cashiers, PosVendorScope scope) {
        this.terminals = terminals;
        this.cashiers = cashiers;
        this.scope = scope;
    }

    @GetMapping("/terminals")
    @PreAuthorize(READ)
    @Operation(summary = "The vendor's POS terminals: enabled, last seen, app version reported and wanted, open shift")
    List<PosTerminals.TerminalView> terminals(@PathVariable long vendorId, Principal user) {
        scope.check(user, vendorId);
        return terminals.terminals(vendorId);
    }

    @GetMapping("/terminals/{terminalId}")
    @PreAuthorize(READ)
    @Operation(summary = "One terminal of the vendor")
    PosTerminals.TerminalView terminal(@PathVariable long vendorId, @PathVariable String terminalId, Principal user) {
        scope.check(user, vendorId);
        return terminals.terminal(vendorId, terminalId);
    }

    @PostMapping("/terminals")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(MANAGE)
    @Operation(summary = "Register a terminal; the answer holds its secret, shown this once and stored only as bcrypt (audited)",
            description = "409 ALREADY_EXISTS when the terminal id (unique across all vendors) or certificate subject is taken.")
    PosTerminals.Registered register(@PathVariable long vendorId, @RequestBody TerminalRequest r, Principal user) {
        scope.check(user, vendorId);
        return terminals.register(vendorId, r.terminalId(), r.name(), r.certSubject(), r.withSecret() == null || r.withSecret(),
                r.wantedAppVersion(), user.getName());
    }

    @PostMapping("/terminals/{terminalId}/secret")
    @PreAuthorize(MANAGE)
    @Operation(summary = "A new secret for the terminal, shown this once; the old one stops working at once (audited)")
    PosTerminals.Registered newSecret(@PathVariable long vendorId, @PathVariable String terminalId, Principal user) {
        scope.check(user, vendorId);
        return terminals.newSecret(vendorId, terminalId, user.getName());
    }

    @PostMapping("/terminals/{terminalId}/disable")
    @PreAuthorize(MANAGE)
    @Operation(summary = "Disable the terminal: it is refused with 403 TERMINAL_DISABLED and the reason; its cashier session ends")
    PosTerminals.TerminalView disable(@PathVariable long vendorId, @PathVariable String terminalId, @RequestBody Disable body,
                                      Principal user) {
        scope.check(user, vendorId);
        return terminals.setEnabled(vendorId, terminalId, false, body.reason(), user.getName());
    }

    @PostMapping("/terminals/{terminalId}/enable")
    @PreAuthorize(MANAGE)
    @Operation(summary = "Enable the terminal again")
    PosTerminals.TerminalView enable(@PathVariable long vendorId, @PathVariable String terminalId, Principal user) {
        scope.check(user, vendorId);
        return terminals.setEnabled(vendorId, terminalId, true, null, user.getName());
    }

    @PutMapping("/terminals/{terminalId}/app-version")
    @PreAuthorize(MANAGE)
    @Operation(summary = "Announce the app version this terminal should run (it learns it from its status and every answer)")
    PosTerminals.TerminalView appVersion(@PathVariable long vendorId, @PathVariable String terminalId, @RequestBody AppVersion body,
                                         Principal user) {
        scope.check(user, vendorId);
        return terminals.setWantedAppVersion(vendorId, terminalId, body.wantedAppVersion(), user.getName());
    }

    @PutMapping("/terminals/app-version")
    @PreAuthorize(MANAGE)
    @Operation(summary = "Announce an app version to all of the vendor's terminals")
    Announced appVersionOfAll(@PathVariable long vendorId, @RequestBody AppVersion body, Principal user) {
        scope.check(user, vendorId);
        return new Announced(terminals.setWantedAppVersionOfVendor(vendorId, body.wantedAppVersion(), user.getName()), body.wantedAppVersion());
    }

    @GetMapping("/pos")
    @PreAuthorize(READ)
    @Operation(summary = "Whether the vendor may sell on its POS terminals")
    PosTerminals.VendorPos vendorPos(@PathVariable long vendorId, Principal user) {
        scope.check(user, vendorId);
        return terminals.vendorPos(vendorId);
    }

    @PutMapping("/pos")
    @PreAuthorize(MANAGE)
    @Operation(summary = "Suspend (with a reason) or resume all POS selling of the vendor: its terminals answer 403 VENDOR_DISABLED")
    PosTerminals.VendorPos setVendorPos(@PathVariable long vendorId, @RequestBody VendorSwitch body, Principal user) {
        scope.check(user, vendorId);
        return terminals.setVendorEnabled(vendorId, body.enabled(), body.reason(), user.getName());
    }

    @GetMapping("/cashiers")
    @PreAuthorize(READ)
    @Operation(summary = "The vendor's cashiers (never their PINs), with lock state")
    List<PosCashiers.CashierView> cashiers(@PathVariable long vendorId, Principal user) {
        scope.check(user, vendorId);
        return cashiers.cashiers(vendorId);
    }

    @PostMapping("/cashiers")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(MANAGE)
    @Operation(summary = "Create a cashier who may sign in on any of the vendor's terminals (audited; the PIN is stored as bcrypt)")
    PosCashiers.CashierView createCashier(@PathVariable long vendorId, @RequestBody CashierRequest r, Principal user) {
        scope.check(user, vendorId);
        return cashiers.create(vendorId, r.login(), r.name(), r.pin(), user.getName());
    }

    @PutMapping("/cashiers/{login}/pin")
    @PreAuthorize(MANAGE)
    @Operation(summary = "Set a new PIN; also unlocks the cashier and ends the cashier's sessions")
    PosCashiers.CashierView pin(@PathVariable long vendorId, @PathVariable String login, @RequestBody Pin body, Principal user) {
        scope.check(user, vendorId);
        return cashiers.setPin(vendorId, login, body.pin(), user.getName());
    }

    @PostMapping("/cashiers/{login}/disable")
    @PreAuthorize(MANAGE)
    @Operation(summary = "Disable a cashier (the cashier's sessions end)")
    PosCashiers.CashierView disableCashier(@PathVariable long vendorId, @PathVariable String login, Principal user) {
        scope.check(user, vendorId);
        return cashiers.setEnabled(vendorId, login, false, user.getName());
    }

    @PostMapping("/cashiers/{login}/enable")
    @PreAuthorize(MANAGE)
    @Operation(summary = "Enable a cashier again")
    PosCashiers.CashierView enableCashier(@PathVariable long vendorId, @PathVariable String login, Principal user) {
        scope.check(user, vendorId);
        return cashiers.setEnabled(vendorId, login, true, user.getName());
    }

    @PostMapping("/cashiers/{login}/unlock")
    @PreAuthorize(MANAGE)
    @Operation(summary = "Unlock a cashier locked after wrong PINs")
    PosCashiers.CashierView unlock(@PathVariable long vendorId, @PathVariable String login, Principal user) {
        scope.check(user, vendorId);
        return cashiers.unlock(vendorId, login, user.getName());
    }
}
