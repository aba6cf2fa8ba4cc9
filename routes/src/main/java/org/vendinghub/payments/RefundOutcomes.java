package org.vendinghub.payments;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.vendinghub.connectors.common.TransientException;
import org.vendinghub.domain.VendId;
import org.vendinghub.vend.VendRefunds;

import java.time.Clock;
import java.time.Instant;

/**
 * Where a refund goes after each attempt, the same for every provider: the refund row, the payment's status and the
 * vend's refund status move together, in one transaction, and only from an open refund (a late or repeated result changes nothing). A
 * refund that cannot be done ends FAILED with an {@code ALERT} log line that tells an operator what to do.
 */
@Component
class RefundOutcomes {

    private static final Logger log = LoggerFactory.getLogger(RefundOutcomes.class);

    private final PaymentStore store;
    private final VendRefunds vendRefunds;
    private final PaymentProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;

    RefundOutcomes(PaymentStore store, VendRefunds vendRefunds, PaymentProperties properties, TransactionTemplate tx, Clock clock) {
        this.store = store;
        this.vendRefunds = vendRefunds;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
    }

    /** When an open refund is looked at again if nothing else happens. */
    Instant nextAttempt() {
        return clock.instant().plus(properties.refundRetryAfter());
    }

    /** The provider accepted the refund; its result comes by callback or by polling. */
    void requested(PaymentStore.Refund r, String originator, String conversation, String desc) {
        tx.executeWithoutResult(s -> {
            if (store.refundAttempted(r.id(), "REQUESTED", originator, conversation, null, desc, nextAttempt()) && r.vendId() != null) {
                vendRefunds.recordRefund(VendId.parse(r.vendId()), "REQUESTED");
            }
        });
    }

    /** A transient fault ({@code status} is where the refund stays): retried later, or given up after the last attempt. */
    void retryLater(PaymentStore.Refund r, Payment p, String status, TransientException e) {
        if (lastAttempt(r)) {
            finish(r, p, false, e.code(), "gave up after " + (r.attempts() + 1) + " attempts: " + e.getMessage(), null);
        } else {
            store.refundAttempted(r.id(), status, null, null, e.code(), e.getMessage(), nextAttempt());
        }
    }

    boolean lastAttempt(PaymentStore.Refund r) {
        return r.attempts() + 1 >= properties.refundAttemptsMax();
    }

    /**
     * The provider says a refund the hub had given up (FAILED, with an ALERT asking an operator to pay back by hand) was
     * done after all. Recorded as REFUNDED with the provider's receipt, for the payment and the vend too, and an ALERT,
     * because an operator may already have paid back by hand: then the customer has the money twice.
     *
     * @return whether this call recorded it (false: the refund was not FAILED, or another result got there first)
     */
    boolean refundedAfterFailure(PaymentStore.Refund r, Payment p, String code, String desc, String receipt) {
        Boolean recorded = tx.execute(s -> {
            if (!store.refundSucceededAfterFailure(r.id(), code, desc, receipt)) {
                return false;
            }
            store.setStatus(p.id(), PaymentStatus.REFUNDED);
            if (r.vendId() != null) {
                vendRefunds.recordRefund(VendId.parse(r.vendId()), "REFUNDED");
            }
            return true;
        });
        if (Boolean.TRUE.equals(recorded)) {
            log.error("ALERT refund {} of payment {} ({} {}, {} {} minor units to {}) was given up as FAILED ({}), but {} reports it "
                            + "done ({}): do NOT pay it back by hand; if that was done already, recover the second payment",
                    r.id(), p.id(), p.provider(), p.providerRef(), p.currency(), p.amountMinor(), p.msisdn(), r.resultCode(),
                    p.provider(), receipt == null ? code : receipt);
        }
        return Boolean.TRUE.equals(recorded);
    }

    /** Ends the refund once: REFUNDED, or FAILED for an operator. */
    void finish(PaymentStore.Refund r, Payment p, boolean refunded, String code, String desc, String receipt) {
        Boolean ended = tx.execute(s -> {
            if (!store.refundFinished(r.id(), refunded ? "REFUNDED" : "FAILED", code, desc, receipt)) {
                return false; // another result ended it first
            }
            store.setStatus(p.id(), refunded ? PaymentStatus.REFUNDED : PaymentStatus.REFUND_FAILED);
            if (r.vendId() != null) {
                vendRefunds.recordRefund(VendId.parse(r.vendId()), refunded ? "REFUNDED" : "FAILED");
            }
            return true;
        });
        if (!Boolean.TRUE.equals(ended)) {
            return;
        }
        if (refunded) {
            log.info("refund {} of payment {} ({} {}) done: {}", r.id(), p.id(), p.provider(), p.providerRef(), receipt == null ? code : receipt);
        } else {
            log.error("ALERT refund {} of payment {} ({} {}, {} {} minor units to {}) needs an operator: {} {}", r.id(), p.id(),
                    p.provider(), p.providerRef(), p.currency(), p.amountMinor(), p.msisdn(), code, desc);
        }
    }
}
