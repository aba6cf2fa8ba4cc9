package org.vendinghub.payments;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.vendinghub.connectors.common.RejectedException;
import org.vendinghub.connectors.common.TransientException;
import org.vendinghub.connectors.momo.MomoRecords.Refund;
import org.vendinghub.connectors.momo.MomoRecords.RefundAck;
import org.vendinghub.connectors.momo.MomoRecords.RefundStatus;
import org.vendinghub.connectors.momo.MomoRecords.RefundStatusQuery;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Optional;

/**
 * MoMo refunds through the Disbursement product. The refund's id (a UUID, stored before the first call) is its
 * X-Reference-Id, sent again unchanged on every retry, so MoMo's 409 on a retry means "already there". The outcome is
 * always read from MoMo's {@code GET /disbursement/v1_0/refund/{id}}: a callback (unsigned) only says "ask now", and
 * {@code mm-refund-retry} asks when none comes.
 */
@Component
class MomoRefunds {

    private static final Logger log = LoggerFactory.getLogger(MomoRefunds.class);

    private final PaymentStore store;
    private final ProviderCalls calls;
    private final RefundOutcomes outcomes;
    private final Clock clock;

    MomoRefunds(PaymentStore store, ProviderCalls calls, RefundOutcomes outcomes, Clock clock) {
        this.store = store;
        this.calls = calls;
        this.outcomes = outcomes;
        this.clock = clock;
    }

    /** One attempt at an open refund: send it (QUEUED), or ask how it went (REQUESTED). */
    void attempt(PaymentStore.Refund r, Payment p) {
        if ("QUEUED".equals(r.status())) {
            request(r, p);
        } else {
            check(r, p);
        }
    }

    /** MoMo's refund callback (PUT or POST), stored already: MoMo itself is asked for the status. */
    String callback(String refundId) {
        Optional<PaymentStore.Refund> found = store.refund(refundId).filter(r -> Payment.MOMO.equals(r.provider()));
        if (found.isEmpty()) {
            return "UNMATCHED: no MoMo refund " + refundId;
        }
        PaymentStore.Refund r = found.get();
        if ("FAILED".equals(r.status())) {
            return checkAfterFailure(r, store.find(r.paymentId()).orElseThrow());
        }
        if (!r.open()) {
            return "DUPLICATE: refund " + refundId + " is " + r.status();
        }
        return check(r, store.find(r.paymentId()).orElseThrow());
    }

    /**
     * A callback for a refund the hub gave up on (FAILED): MoMo may have paid it out after all. Only MoMo's own
     * SUCCESSFUL for the whole amount changes it (to REFUNDED); anything else leaves it FAILED for the operator.
     */
    private String checkAfterFailure(PaymentStore.Refund r, Payment p) {
        RefundStatus status;
        try {
            status = calls.call("direct:mm-momo-refund-status", new RefundStatusQuery(r.id()), RefundStatus.class);
        } catch (TransientException | RejectedException e) {
            log.error("ALERT MoMo called back about refund {} of payment {}, given up as FAILED, and its status could not be read ({}): "
                    + "ask MTN whether it was paid out before paying back by hand", r.id(), p.id(), e.getMessage());
            return "DUPLICATE: refund " + r.id() + " is FAILED; MoMo's status could not be read";
        }
        boolean wholeAmount = wholeAmount(status, p);
        if ("SUCCESSFUL".equals(status.status()) && wholeAmount
                && outcomes.refundedAfterFailure(r, p, "SUCCESSFUL", "refunded by MoMo after the hub gave up", status.financialTransactionId())) {
            return "REFUNDED after FAILED";
        }
        return "DUPLICATE: refund " + r.id() + " is FAILED (MoMo: " + status.status() + (wholeAmount ? ")" : ", another amount)");
    }

    private void request(PaymentStore.Refund r, Payment p) {
        Refund refund = new Refund(r.id(), BigDecimal.valueOf(p.amountMinor(), 2).stripTrailingZeros().toPlainString(), p.currency(),
                r.id(), p.providerRef(), "Refund: your electricity purchase could not be completed", "Refund of payment " + p.id());
        try {
            RefundAck ack = calls.call("direct:mm-momo-refund", refund, RefundAck.class);
            outcomes.requested(r, null, null, ack.duplicate() ? "MoMo already had this refund (409)" : "accepted by MoMo (202)");
            if (ack.duplicate()) {
                check(store.refund(r.id()).orElseThrow(), p);
            }
        } catch (TransientException e) {
            outcomes.retryLater(r, p, "QUEUED", e); // the same X-Reference-Id goes again
        } catch (RejectedException e) {
            outcomes.finish(r, p, false, e.code(), e.getMessage(), null);
        }
    }

    private String check(PaymentStore.Refund r, Payment p) {
        RefundStatus status;
        try {
            status = calls.call("direct:mm-momo-refund-status", new RefundStatusQuery(r.id()), RefundStatus.class);
        } catch (TransientException e) {
            outcomes.retryLater(r, p, r.status(), e);
            return "RETRY " + e.code();
        } catch (RejectedException e) {
            // MoMo accepted the refund already and may be paying it out: a refused status READ (an expired token, a
            // 4xx) must not end it FAILED, or an operator pays back by hand what MTN pays too. Ask again, up to the limit.
            outcomes.retryLater(r, p, r.status(), new TransientException(e.code(), "MoMo refused to tell the refund's status: "
                    + e.getMessage(), e));
            return "RETRY " + e.code();
        }
        return switch (status.status()) {
            case "SUCCESSFUL" -> succeeded(r, p, status);
            case "FAILED" -> {
                String reason = status.reason() == null ? "FAILED" : status.reason();
                outcomes.finish(r, p, false, "MOMO_" + reason, "MoMo refund " + r.id() + " failed: " + reason
                        + "; pay back " + p.amountMinor() + " " + p.currency() + " minor units to " + p.msisdn() + " another way", null);
                yield "FAILED MOMO_" + reason;
            }
            case "NOT_FOUND" -> notFound(r, p);
            default -> stillPending(r, p, status.status());
        };
    }

    private String succeeded(PaymentStore.Refund r, Payment p, RefundStatus status) {
        if (!wholeAmount(status, p)) {
            outcomes.finish(r, p, false, "AMOUNT_MISMATCH", "MoMo refunded " + status.amount() + " instead of " + p.amountMinor()
                    + " minor units (refund " + r.id() + ")", status.financialTransactionId());
            return "FAILED AMOUNT_MISMATCH";
        }
        outcomes.finish(r, p, true, "SUCCESSFUL", "refunded by MoMo", status.financialTransactionId());
        return "REFUNDED";
    }

    /** Whether MoMo paid back what was paid (a status without an amount is taken as the whole). */
    private static boolean wholeAmount(RefundStatus status, Payment p) {
        return status.amount() == null || MpesaPayments.minor(status.amount()) == p.amountMinor();
    }

    /** MoMo does not know the reference: our request never reached it, so it is sent again with the same one. */
    private String notFound(PaymentStore.Refund r, Payment p) {
        if ("QUEUED".equals(r.status())) {
            return "PENDING: not sent yet";
        }
        if (outcomes.lastAttempt(r)) {
            outcomes.finish(r, p, false, "NOT_RECEIVED", "MoMo never received refund " + r.id(), null);
            return "FAILED NOT_RECEIVED";
        }
        store.refundAttempted(r.id(), "QUEUED", null, null, "NOT_RECEIVED", "MoMo does not know refund " + r.id()
                + ": it is sent again with the same reference", clock.instant());
        return "RETRY NOT_RECEIVED";
    }

    private String stillPending(PaymentStore.Refund r, Payment p, String status) {
        if (outcomes.lastAttempt(r)) {
            outcomes.finish(r, p, false, "NO_RESULT", "refund " + r.id() + " is still " + status + " at MoMo after "
                    + (r.attempts() + 1) + " checks: ask MTN about it before paying back by hand", null);
            return "FAILED NO_RESULT";
        }
        store.refundAttempted(r.id(), r.status(), null, null, status, "MoMo: " + status, outcomes.nextAttempt());
        return "PENDING";
    }
}
