package org.vendinghub.payments;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.vendinghub.domain.VendId;
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
 * {@link #onCompensate}; the refund row (and with it the id the provider will know it by) exists, QUEUED, before the
 * provider is called. M-Pesa: {@link MpesaRefunds} (Transaction Reversal, after a receipt look-up when needed); MoMo:
 * {@link MomoRefunds} (Disbursement refund). Transient faults and missing results are retried by
 * {@code mm-refund-retry} (the one retry layer) until a final result or {@code refund-attempts-max}.
 */
@Component
public class Refunds {

    private static final Logger log = LoggerFactory.getLogger(Refunds.class);

    private final PaymentStore store;
    private final VendService vends;
    private final MpesaRefunds mpesa;
    private final MomoRefunds momo;
    private final PaymentProperties properties;
    private final Clock clock;

    Refunds(PaymentStore store, VendService vends, MpesaRefunds mpesa, MomoRefunds momo, PaymentProperties properties, Clock clock) {
        this.store = store;
        this.vends = vends;
        this.mpesa = mpesa;
        this.momo = momo;
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
        log.info("payment {} ({} {}) is refunded as {}: {}", payment.id(), payment.provider(), payment.providerRef(), refundId, why);
        attempt(refundId);
    }

    /** One attempt at an open refund: send it, look up what it needs, or ask how it went. */
    public void attempt(String refundId) {
        PaymentStore.Refund r = store.refund(refundId).orElseThrow();
        if (!r.open()) {
            return;
        }
        Payment p = store.find(r.paymentId()).orElseThrow();
        if (Payment.MOMO.equals(r.provider())) {
            momo.attempt(r, p);
        } else {
            mpesa.attempt(r, p);
        }
    }

    /** {@code mm-refund-retry}: open refunds whose time has come (transient faults, or no result yet), each taken by one node. */
    public int retryDue(Instant now) {
        List<String> due = store.refundsDue(now, 50);
        int attempted = 0;
        for (String id : due) {
            if (!store.claimRefund(id, now, now.plus(properties.refundRetryAfter()))) {
                continue; // another node (or a callback) took it
            }
            try {
                attempt(id);
                attempted++;
            } catch (RuntimeException e) {
                log.warn("refund {} attempt failed: {}", id, e.getMessage());
            }
        }
        return attempted;
    }
}
