package org.vendinghub.pos;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.vendinghub.api.StrictJson;
import org.vendinghub.ledger.vendor.VendorService;
import org.vendinghub.ledger.vendor.VendorView;

import java.time.Clock;

/** The terminal itself: its status (float, wanted app version, server time, open shift) and cashier sign-in/out. */
@RestController
@RequestMapping("/api/pos/v1")
@Tag(name = "POS terminal", description = "Mobile POS terminals: terminal credentials (HTTP Basic terminalId:secret or a TLS "
        + "client certificate) on every call, plus the cashier's session token (X-POS-Session) for everything but status and sign-in")
class PosSessionController {

    @StrictJson
    @Schema(description = "A cashier of the terminal's vendor and the cashier's PIN (or password)")
    record SignIn(@Schema(example = "jane") String cashier, @Schema(example = "4821") String pin) {
    }

    private final PosSessions sessions;
    private final PosTerminals terminals;
    private final PosShifts shifts;
    private final VendorService vendors;
    private final Clock clock;

    PosSessionController(PosSessions sessions, PosTerminals terminals, PosShifts shifts, VendorService vendors, Clock clock) {
        this.sessions = sessions;
        this.terminals = terminals;
        this.shifts = shifts;
        this.vendors = vendors;
        this.clock = clock;
    }

    @GetMapping("/terminal")
    @PreAuthorize("hasAuthority('POS_TERMINAL')")
    @Operation(summary = "Terminal status: the vendor's float, the app version terminal management wants, server time, open shift",
            description = "Terminal credentials only. Every POS answer also carries X-POS-Wanted-App-Version when a version is wanted; "
                    + "report your own version in X-POS-App-Version on every call.")
    PosResponses.TerminalStatus status(@AuthenticationPrincipal PosCaller caller) {
        VendorView vendor = vendors.vendor(caller.vendorId());
        PosTerminals.TerminalView t = terminals.terminal(caller.vendorId(), caller.terminalId());
        return new PosResponses.TerminalStatus(t.terminalId(), vendor.id(), vendor.name(),
                new PosResponses.Money(vendor.availableMinor(), vendor.currency()), new PosResponses.Money(vendor.balanceMinor(), vendor.currency()),
                t.appVersion(), t.wantedAppVersion(), t.updateWanted(), clock.instant(), openShift(caller),
                caller.signedIn() ? new PosResponses.Cashier(caller.cashierLogin(), caller.cashierName()) : null);
    }

    @PostMapping("/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('POS_TERMINAL')")
    @Operation(summary = "Sign a cashier in on this terminal; answers the session token (ends the terminal's previous session)",
            description = "401 BAD_CASHIER_CREDENTIALS for an unknown cashier or a wrong PIN (counted: too many in a row lock the "
                    + "cashier), 403 CASHIER_LOCKED or CASHIER_DISABLED.")
    PosResponses.Session signIn(@RequestBody SignIn body, @AuthenticationPrincipal PosCaller caller) {
        PosSessions.Opened opened = sessions.signIn(caller, body.cashier(), body.pin());
        return new PosResponses.Session(opened.token(), PosCaller.SESSION_HEADER, opened.idleUntil(), opened.validUntil(),
                new PosResponses.Cashier(opened.cashier().login(), opened.cashier().name()), openShift(caller));
    }

    @DeleteMapping("/sessions/current")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('POS_OPERATOR')")
    @Operation(summary = "Sign the cashier out (the shift stays open for the next cashier)")
    void signOut(@AuthenticationPrincipal PosCaller caller) {
        sessions.signOut(caller);
    }

    private PosResponses.Shift openShift(PosCaller caller) {
        return shifts.current(caller).map(s -> PosResponses.Shift.of(s, shifts.totals(s))).orElse(null);
    }
}
