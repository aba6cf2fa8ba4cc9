package org.vendinghub.payments;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.vendinghub.connectors.common.RejectedException;
import org.vendinghub.connectors.common.TransientException;
import org.vendinghub.connectors.mpesa.MpesaRecords.Reversal;
import org.vendinghub.connectors.mpesa.MpesaRecords.ReversalAck;
import org.vendinghub.domain.VendId;
import org.vendinghub.vend.VendRefunds;
import org.vendinghub.vend.VendService;
import org.vendinghub.vend.VendView;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Refunds of paid payments whose vend could not complete. {@code vend-refund} consumes vend.cmd.compensate and calls
 * {@link #onCompensate}; the refund row exists (QUEUED) before the provider is called. M-Pesa: Transaction Reversal,
 * whose result comes to {@code /callbacks/mpesa/<secret>/reversal/<refundId>}. Transient faults and missing results are
 * retried by {@code mm-refund-retry} (the one retry layer) until a final result or {@code refund-attempts-max}.
 */
@Component
public class Refunds {

    private static final Logger log = LoggerFactory.getLogger(Refunds.class);
    /** Reversal results after which asking again cannot help. R000001 (already reversed) counts as refunded. */
    private static final Set<String> FINAL_FAILURES = Set.of("R000002", "21", "2001", "8006");

    private final PaymentStore store;
    private final VendService vends;
    private final VendRefunds vendRefunds;
    private final ProviderCalls calls;
    private final PaymentProperties properties;
    private final Clock clock;

    Refunds(PaymentStore store, VendService vends, VendRefunds vendRefunds, ProviderCalls calls, PaymentProperties properties,
            Clock clock) {
        this.store = store;
        this.vends = vends;
        this.vendRefunds = vendRefunds;
        this.calls = calls;
        this.properties = properties;
        this.clock = clock;
    }

    /** One refund command from the vend flow. Redelivery-safe: the refund is created once per payment. */
    public void onCompensate(String vendId) {
        Optional<VendView> vend = vends.find(VendId.parse(vendId));
        if (vend.isEmpty() || !Set.of(Payment.MPESA, Payment.MOMO).contains(vend.get().channel())) {
            log.warn("refund command for vend {} ({}): not a mobile-money vend, nothing done here", vendId,
                    vend.map(VendView::channel).orElse("unknown"));
            return;
        }
        Optional<Payment> payment = store.byProviderRef(vend.get().channel(), vend.get().channelRef());
        if (payment.isEmpty()) {
            log.error("ALERT refund command for vend {}: no {} payment {}", vendId, vend.get().channel(), vend.get().channelRef());
            return;
        }
        queue(payment.get(), vendId, vend.get().failureCode() + ": " + vend.get().failureMessage());
    }

    /** Creates the refund of {@code payment} (once) and makes the first attempt. */
    void queue(Payment payment, String vendId, String why) {
        String refundId = UUID.randomUUID().toString();
        if (!store.insertRefund(refundId, vendId, payment.id(), payment.provider(), clock.instant().plus(properties.refundRetryAfter()))) {
            return; // a redelivery: the refund exists and mm-refund-retry looks after it
        }
        store.setStatus(payment.id(), PaymentStatus.REFUNDING);
        log.info("payment {} ({} {}) is refunded: {}", payment.id(), payment.provider(), payment.providerRef(), why);
        attempt(refundId);
    }

    /** One attempt at a queued (or unanswered) refund. */
    public void attempt(String refundId) {
        PaymentStore.Refund r = store.refund(refundId).orElseThrow();
        if (!Set.of("QUEUED", "REQUESTED").contains(r.status())) {
            return;
        }
        Payment p = store.find(r.paymentId()).orElseThrow();
        Instant retryAt = clock.instant().plus(properties.refundRetryAfter());
        if (Payment.MOMO.equals(r.provider())) {
            finish(r, p, "MANUAL", "NO_REFUND_API", "MoMo Collections has no refund call: pay back "
                    + p.amountMinor() + " " + p.currency() + " minor units to " + p.msisdn() + " by hand (Disbursements or partner portal)");
            return;
        }
        if (p.receipt() == null) {
            finish(r, p, "FAILED", "NO_RECEIPT", "no M-Pesa receipt number is known for payment " + p.id() + ": reverse it in the portal");
            return;
        }
        try {
            ReversalAck ack = calls.call("direct:mm-mpesa-reversal", new Reversal(r.id(), p.receipt(), p.amountMinor() / 100,
                    "Refund, vend failed"), ReversalAck.class);
            store.refundAttempted(r.id(), "REQUESTED", ack.originatorConversationId(), ack.conversationId(), null,
                    ack.responseDescription(), retryAt);
            if (r.vendId() != null) {
                vendRefunds.recordRefund(VendId.parse(r.vendId()), "REQUESTED");
            }
        } catch (TransientException e) {
            if (r.attempts() + 1 >= properties.refundAttemptsMax()) {
                finish(r, p, "FAILED", e.code(), "gave up after " + (r.attempts() + 1) + " attempts: " + e.getMessage());
            } else {
                store.refundAttempted(r.id(), "QUEUED", null, null, e.code(), e.getMessage(), retryAt);
            }
        } catch (RejectedException e) {
            finish(r, p, "FAILED", e.code(), e.getMessage());
        }
    }

    /** The reversal's result (or its queue time-out) for refund {@code refundId}. */
    String reversalResult(String refundId, JsonNode body, boolean queueTimeout) {
        Optional<PaymentStore.Refund> found = store.refund(refundId);
        if (found.isEmpty()) {
            return "UNMATCHED: no refund " + refundId;
        }
        PaymentStore.Refund r = found.get();
        if (!Set.of("QUEUED", "REQUESTED").contains(r.status())) {
            return "DUPLICATE: refund " + refundId + " is " + r.status();
        }
        Payment p = store.find(r.paymentId()).orElseThrow();
        JsonNode result = body.path("Result");
        String code = result.path("ResultCode").asText("");
        String desc = result.path("ResultDesc").asText("");
        if (queueTimeout) {
            store.refundResult(r.id(), "QUEUED", "QUEUE_TIMEOUT", "M-Pesa timed the reversal out in its queue", clock.instant());
            return "RETRY: queue time-out";
        }
        if ("0".equals(code) || "R000001".equals(code)) {
            finish(r, p, "REFUNDED", code, desc);
            return "REFUNDED";
        }
        if (FINAL_FAILURES.contains(code) || r.attempts() >= properties.refundAttemptsMax()) {
            finish(r, p, "FAILED", code, desc);
            return "FAILED " + code;
        }
        store.refundResult(r.id(), "QUEUED", code, desc, clock.instant().plus(properties.refundRetryAfter()));
        return "RETRY " + code;
    }

    /** {@code mm-refund-retry}: refunds whose retry time has come (transient faults, or no result yet). */
    public int retryDue(Instant now) {
        List<String> due = store.refundsDue(now, 50);
        for (String id : due) {
            try {
                attempt(id);
            } catch (RuntimeException e) {
                log.warn("refund {} attempt failed: {}", id, e.getMessage());
            }
        }
        return due.size();
    }

    private void finish(PaymentStore.Refund r, Payment p, String status, String code, String desc) {
        store.refundResult(r.id(), status, code, desc, null);
        store.setStatus(p.id(), "REFUNDED".equals(status) ? PaymentStatus.REFUNDED : PaymentStatus.REFUND_FAILED);
        if (r.vendId() != null) {
            vendRefunds.recordRefund(VendId.parse(r.vendId()), "REFUNDED".equals(status) ? "REFUNDED" : "FAILED");
        }
        if (!"REFUNDED".equals(status)) {
            log.error("ALERT refund {} of payment {} ({} {}) needs an operator: {} {}", r.id(), p.id(), p.provider(), p.providerRef(), code, desc);
        }
    }
}
