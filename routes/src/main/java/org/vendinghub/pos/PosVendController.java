package org.vendinghub.pos;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vendinghub.api.MoneyInput;
import org.vendinghub.api.StrictJson;
import org.vendinghub.ledger.vendor.VendorService;
import org.vendinghub.ledger.vendor.VendorView;
import org.vendinghub.vend.VendStatus;
import org.vendinghub.vend.VendView;

import java.net.URI;

/** Selling on a terminal: meter check, vend, find a vend, receipts and reprints, reversal, key-change tokens. */
@RestController
@RequestMapping("/api/pos/v1")
@Tag(name = "POS terminal")
class PosVendController {

    private static final String OPERATOR = PosShiftController.OPERATOR;

    @StrictJson
    @Schema(description = "A sale: exactly one of amount (what the customer pays, tax included) and unitsTenths. clientRef is the "
            + "terminal's own reference for this sale: after a timeout, send the same request with the same clientRef and get the "
            + "same vend and token back")
    record VendBody(@Schema(example = "T42-000123") String clientRef, @Schema(example = "01234567897") String meterNumber,
                    @Valid MoneyInput amount, Long unitsTenths,
                    @Schema(description = "also send the token by SMS to this number", example = "+254712345678") String smsTo) {
    }

    @StrictJson
    record ReversalBody(@Schema(example = "customer paid with a forged note") String reason) {
    }

    @StrictJson
    record KeyChangeBody(String clientRef) {
    }

    private final PosSales sales;
    private final VendorService vendors;

    PosVendController(PosSales sales, VendorService vendors) {
        this.sales = sales;
        this.vendors = vendors;
    }

    @GetMapping("/meters/{meterNumber}")
    @PreAuthorize(OPERATOR)
    @Operation(summary = "Meter check: customer, whether the meter can vend (and why not), limits, fees due, open debt, key change due",
            description = "404 UNKNOWN_METER; 400 for a meter number with a wrong check digit.")
    PosResponses.MeterCheck check(@PathVariable String meterNumber) {
        return PosResponses.MeterCheck.of(sales.check(meterNumber));
    }

    @PostMapping("/vends")
    @PreAuthorize(OPERATOR)
    @Operation(summary = "Vend on the vendor's float; needs an open shift",
            description = "201 when this call issued the token, 200 for a replay of the same clientRef (same vend, same token), 202 "
                    + "while still on its way (ask again with the same clientRef), 409 when the clientRef was used for another sale "
                    + "(or NO_OPEN_SHIFT), 422 when refused (code: INSUFFICIENT_FUNDS, UNKNOWN_METER, BLOCKED_METER, "
                    + "AMOUNT_TOO_SMALL, OTHER_UTILITY, ...; nothing is charged).")
    ResponseEntity<?> vend(@Valid @RequestBody VendBody body, @AuthenticationPrincipal PosCaller caller) {
        PosSales.Sold sold = sales.vend(caller, body.clientRef(), body.meterNumber(), body.amount() == null ? null : body.amount().toMoney(),
                body.unitsTenths(), body.smsTo());
        return answer(sold, caller);
    }

    @GetMapping("/vends")
    @PreAuthorize(OPERATOR)
    @Operation(summary = "A vend of this terminal by its clientRef (any shift): the answer to a request whose reply was lost")
    PosResponses.Vend byClientRef(@RequestParam String clientRef, @AuthenticationPrincipal PosCaller caller) {
        VendView vend = sales.byClientRef(caller, clientRef).orElseThrow(() -> PosRefusedException.notFound("NOT_FOUND",
                "this terminal sold nothing with clientRef " + clientRef + ": nothing was charged"));
        return PosResponses.Vend.of(vend, floatOf(caller));
    }

    @GetMapping("/vends/{vendId}")
    @PreAuthorize(OPERATOR)
    @Operation(summary = "A vend of the open shift with its tokens (vendId or 'last')")
    PosResponses.Vend vend(@PathVariable String vendId, @AuthenticationPrincipal PosCaller caller) {
        String id = "last".equals(vendId) ? sales.shiftVends(caller, 1).stream().findFirst().map(VendView::id)
                .orElseThrow(() -> PosRefusedException.notFound("NO_VEND", "this shift has no vend yet")) : vendId;
        return PosResponses.Vend.of(sales.find(caller, id), floatOf(caller));
    }

    @GetMapping(value = "/vends/{vendId}/receipt")
    @PrintableAnswer
    @PreAuthorize(OPERATOR)
    @Operation(summary = "Print or reprint the receipt of a vend of the open shift ('last': its last vend with a token)",
            description = "Plain text (US-ASCII) or ESC/POS bytes for 32- or 48-column printers; the token in blocks of four digits. "
                    + "The first print is the original; later ones are marked COPY n and audited. 409 VEND_REVERSED, NO_TOKEN, "
                    + "NOT_IN_CURRENT_SHIFT; 404 for another terminal's vend.")
    ResponseEntity<byte[]> receipt(@PathVariable String vendId, @AuthenticationPrincipal PosCaller caller,
                                   @Parameter(description = "32 or 48") @RequestParam(defaultValue = "32") int width,
                                   @Parameter(description = "text or escpos") @RequestParam(defaultValue = "text") String format) {
        return PosPrintable.answer(sales.receipt(caller, vendId), width, format);
    }

    @PostMapping("/vends/{vendId}/reversal")
    @PreAuthorize(OPERATOR)
    @Operation(summary = "Reverse a vend of the open shift within the hub's reversal window; the float is credited back",
            description = "422 with code REVERSAL_WINDOW_PASSED, ALREADY_REVERSED, ALREADY_DELIVERED, REASON_REQUIRED...; 409 "
                    + "NOT_IN_CURRENT_SHIFT; 404 for another terminal's vend.")
    PosResponses.Vend reverse(@PathVariable String vendId, @RequestBody ReversalBody body, @AuthenticationPrincipal PosCaller caller) {
        return PosResponses.Vend.of(sales.reverse(caller, vendId, body.reason()), floatOf(caller));
    }

    @PostMapping("/meters/{meterNumber}/key-change")
    @PreAuthorize(OPERATOR)
    @Operation(summary = "The key-change tokens a meter is due, at no charge (422 NO_KEY_CHANGE_DUE when none is due)")
    ResponseEntity<?> keyChange(@PathVariable String meterNumber, @RequestBody KeyChangeBody body, @AuthenticationPrincipal PosCaller caller) {
        return answer(sales.keyChange(caller, body.clientRef(), meterNumber), caller);
    }

    private ResponseEntity<?> answer(PosSales.Sold sold, PosCaller caller) {
        VendView vend = sold.vend();
        URI location = URI.create("/api/pos/v1/vends/" + vend.id());
        if (vend.status() == VendStatus.VOIDED) {
            ProblemDetail problem = PosProblems.of(HttpStatus.UNPROCESSABLE_ENTITY, vend.failureCode(),
                    vend.failureMessage() + " (nothing was charged)", "/api/pos/v1/vends");
            problem.setProperty("vendId", vend.id());
            return ResponseEntity.unprocessableEntity().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        HttpStatus status = !vend.status().settled() ? HttpStatus.ACCEPTED : sold.created() ? HttpStatus.CREATED : HttpStatus.OK;
        return ResponseEntity.status(status).location(location).body(PosResponses.Vend.of(vend, floatOf(caller)));
    }

    private PosResponses.Money floatOf(PosCaller caller) {
        VendorView vendor = vendors.vendor(caller.vendorId());
        return new PosResponses.Money(vendor.availableMinor(), vendor.currency());
    }
}
