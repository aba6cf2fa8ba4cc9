package org.vendinghub.pos;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Shifts of the terminal: open, read (X), close with batch totals and the Z-report, and the shift's vends. */
@RestController
@RequestMapping("/api/pos/v1/shifts")
@Tag(name = "POS terminal")
class PosShiftController {

    static final String OPERATOR = "hasAuthority('POS_OPERATOR')";

    private final PosShifts shifts;
    private final PosSales sales;
    private final PosReceipts receipts;

    PosShiftController(PosShifts shifts, PosSales sales, PosReceipts receipts) {
        this.shifts = shifts;
        this.sales = sales;
        this.receipts = receipts;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(OPERATOR)
    @Operation(summary = "Open a shift on this terminal (409 SHIFT_ALREADY_OPEN while one is open); vends need an open shift")
    PosResponses.Shift open(@AuthenticationPrincipal PosCaller caller) {
        PosShifts.Shift shift = shifts.open(caller);
        return PosResponses.Shift.of(shift, shifts.totals(shift));
    }

    @GetMapping("/current")
    @PreAuthorize(OPERATOR)
    @Operation(summary = "The open shift with its totals so far (409 NO_OPEN_SHIFT)")
    PosResponses.Shift current(@AuthenticationPrincipal PosCaller caller) {
        PosShifts.Shift shift = shifts.requireCurrent(caller);
        return PosResponses.Shift.of(shift, shifts.totals(shift));
    }

    @GetMapping("/current/vends")
    @PreAuthorize(OPERATOR)
    @Operation(summary = "The open shift's vends, newest first, with their tokens (to pick one to reprint)")
    List<PosResponses.Vend> vends(@AuthenticationPrincipal PosCaller caller, @RequestParam(defaultValue = "50") int limit) {
        return sales.shiftVends(caller, limit).stream().map(v -> PosResponses.Vend.of(v, null)).toList();
    }

    @GetMapping(value = "/current/report")
    @PrintableAnswer
    @PreAuthorize(OPERATOR)
    @Operation(summary = "X-report: the open shift's totals so far, printable (changes nothing)")
    ResponseEntity<byte[]> xReport(@AuthenticationPrincipal PosCaller caller, @Parameter(description = "32 or 48") @RequestParam(defaultValue = "32") int width,
                                   @Parameter(description = "text or escpos") @RequestParam(defaultValue = "text") String format) {
        PosShifts.Shift shift = shifts.requireCurrent(caller);
        return PosPrintable.answer(receipts.report(shift, caller.terminalId(), shifts.totals(shift)), width, format);
    }

    @PostMapping("/current/close")
    @PreAuthorize(OPERATOR)
    @Operation(summary = "Close the open shift: batch totals (sales, reversals, net, tokens per type); then print its Z-report",
            description = "409 NO_OPEN_SHIFT, or VENDS_IN_PROGRESS while a vend of the shift is still on its way (fetch it with its "
                    + "clientRef, then close again).")
    PosResponses.Shift close(@AuthenticationPrincipal PosCaller caller) {
        PosShifts.Shift shift = shifts.close(caller);
        return PosResponses.Shift.of(shift, shifts.totals(shift));
    }

    @GetMapping("/{shiftId}")
    @PreAuthorize(OPERATOR)
    @Operation(summary = "A shift of this terminal with its totals")
    PosResponses.Shift shift(@AuthenticationPrincipal PosCaller caller, @PathVariable long shiftId) {
        PosShifts.Shift shift = shifts.of(caller, shiftId);
        return PosResponses.Shift.of(shift, shifts.totals(shift));
    }

    @GetMapping(value = "/{shiftId}/z-report")
    @PrintableAnswer
    @PreAuthorize(OPERATOR)
    @Operation(summary = "The Z-report of a closed shift of this terminal, printable at 32 or 48 columns as text or ESC/POS")
    ResponseEntity<byte[]> zReport(@AuthenticationPrincipal PosCaller caller, @PathVariable long shiftId,
                                   @Parameter(description = "32 or 48") @RequestParam(defaultValue = "32") int width,
                                   @Parameter(description = "text or escpos") @RequestParam(defaultValue = "text") String format) {
        PosShifts.Shift shift = shifts.of(caller, shiftId);
        if (shift.open()) {
            throw PosRefusedException.conflict("SHIFT_OPEN", "shift " + shift.shiftNo() + " is still open: its reading is the X-report "
                    + "(GET /api/pos/v1/shifts/current/report); the Z-report exists once it is closed");
        }
        return PosPrintable.answer(receipts.report(shift, caller.terminalId(), shift.closedTotals()), width, format);
    }
}
