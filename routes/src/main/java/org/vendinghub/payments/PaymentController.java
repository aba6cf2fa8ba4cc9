package org.vendinghub.payments;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vendinghub.domain.VendId;
import org.vendinghub.vend.VendService;
import org.vendinghub.vend.VendView;

import java.math.BigDecimal;
import java.net.URI;

/** Start mobile-money payments (the payer approves on the phone) and follow them to their vend. */
@RestController
@RequestMapping("/api/v1/payments")
@Tag(name = "Mobile money", description = "M-Pesa STK push and MTN MoMo request-to-pay, each paid payment vended once")
class PaymentController {

    private final MpesaPayments mpesa;
    private final MomoPayments momo;
    private final PaymentStore store;
    private final VendService vends;

    PaymentController(MpesaPayments mpesa, MomoPayments momo, PaymentStore store, VendService vends) {
        this.mpesa = mpesa;
        this.momo = momo;
        this.store = store;
        this.vends = vends;
    }

    record StkRequest(String phone, String meterNumber, BigDecimal amount) {
    }

    record MomoRequest(String msisdn, String meterNumber, BigDecimal amount) {
    }

    @PostMapping("/mpesa/stk")
    @PreAuthorize("hasAuthority('VEND')")
    @Operation(summary = "Send an M-Pesa STK push", description = "202 while the payer has to approve (PENDING), 200 when it "
            + "already ended (FAILED with resultCode), 422 when the meter cannot vend or the input is wrong.")
    ResponseEntity<PaymentView> stk(@RequestBody StkRequest body, Authentication caller) {
        return answer(mpesa.startStk(body.phone(), body.meterNumber(), body.amount(), caller.getName()));
    }

    @PostMapping("/momo")
    @PreAuthorize("hasAuthority('VEND')")
    @Operation(summary = "Send an MTN MoMo request-to-pay", description = "As the STK push: 202 PENDING/INITIATED, 200 FAILED, 422 refused.")
    ResponseEntity<PaymentView> momo(@RequestBody MomoRequest body, Authentication caller) {
        return answer(momo.start(body.msisdn(), body.meterNumber(), body.amount(), caller.getName()));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('VIEW_VENDS')")
    @Operation(summary = "A payment with its status and its vend")
    ResponseEntity<PaymentView> byId(@PathVariable String id) {
        return store.find(id).map(p -> ResponseEntity.ok(view(p))).orElse(ResponseEntity.notFound().build());
    }

    @GetMapping
    @PreAuthorize("hasAuthority('VIEW_VENDS')")
    @Operation(summary = "Find a payment by the channel's reference: TransID, M-Pesa receipt, CheckoutRequestID or X-Reference-Id")
    ResponseEntity<PaymentView> byReference(@RequestParam String reference) {
        return store.byReference(reference).map(p -> ResponseEntity.ok(view(p))).orElse(ResponseEntity.notFound().build());
    }

    @ExceptionHandler(PaymentRefusedException.class)
    ResponseEntity<ProblemDetail> refused(PaymentRefusedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
        problem.setTitle("Payment refused");
        problem.setProperty("code", e.code());
        return ResponseEntity.unprocessableEntity().body(problem);
    }

    private ResponseEntity<PaymentView> answer(Payment p) {
        PaymentView view = view(p);
        return ResponseEntity.status(p.status().open() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .location(URI.create("/api/v1/payments/" + p.id())).body(view);
    }

    PaymentView view(Payment p) {
        VendView vend = p.vendId() == null ? null : vends.find(VendId.parse(p.vendId())).orElse(null);
        return PaymentView.of(p, vend, store.refundOfPayment(p.id()).orElse(null));
    }
}
