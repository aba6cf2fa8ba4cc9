package org.vendinghub.vend;

import org.apache.camel.Header;
import org.apache.camel.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.vendinghub.domain.VendId;
import org.vendinghub.ledger.ConflictException;
import org.vendinghub.ledger.sale.ReleaseOutcome;
import org.vendinghub.ledger.sale.VendMoneyService;

import java.util.Map;


/**
 * The steps of one credit vend, called by the vend routes. Each step reads the vend's state first and does only what is
 * still to do, so a redelivered message (after a crash or a rollback) resumes the vend instead of repeating it.
 */
@Component
public class VendSteps {

    private static final Logger log = LoggerFactory.getLogger(VendSteps.class);

    private final VendStore store;
    private final ReserveAndIssue reserveAndIssue;
    private final VendMoneyService money;
    private final TransactionTemplate tx;
    private final VendProperties properties;

    VendSteps(VendStore store, ReserveAndIssue reserveAndIssue, VendMoneyService money, TransactionTemplate tx,
              VendProperties properties) {
        this.store = store;
        this.reserveAndIssue = reserveAndIssue;
        this.money = money;
        this.tx = tx;
        this.properties = properties;
    }

    /**
     * Check the meter, price the purchase and reserve the money (a pending transfer); then the point of no return: TIDs,
     * tokens, and the money posted. One database transaction with the other vends waiting ({@link ReserveAndIssue}).
     */
    public void reserveAndIssue(@Header(VendHeaders.VEND_ID) String vendId, @Headers Map<String, Object> headers) {
        VendIssuing.Issue issue = reserveAndIssue.reserveAndIssue(VendId.parse(vendId));
        headers.put(VendHeaders.STATUS, issue.status().name());
        headers.put(VendHeaders.DELIVERY_DUE, issue.deliveryDue());
    }

    /** Compensation before the token exists: gives the reserved money back. Safe to run more than once. */
    public void compensate(@Header(VendHeaders.VEND_ID) String vendId) {
        VendId id = VendId.parse(vendId);
        ReleaseOutcome outcome;
        try {
            outcome = money.release(id);
        } catch (ConflictException alreadyPosted) {
            log.error("ALERT vend {} was asked to compensate after its money was posted; left as it is: {}", id, alreadyPosted.getMessage());
            return;
        }
        tx.executeWithoutResult(s -> store.markVoided(id, null, null)); // the reason comes from the error handler, or settle()
        log.info("vend {} compensated: {}", id, outcome);
    }

    /** Records the refusal the channel is told about. The money (if any was reserved) is released by compensation. */
    public void rejected(@Header(VendHeaders.VEND_ID) String vendId, VendRejectedException rejection) {
        tx.executeWithoutResult(s -> store.markVoided(VendId.parse(vendId), rejection.code(), rejection.getMessage()));
    }

    /**
     * After the saga, whatever its outcome, with one read of the vend: a vend that ended without a reason (a bug or a
     * crash compensated it) gets the generic one; a failed vend whose money a provider already took needs a refund
     * ({@link VendHeaders#REFUND_DUE}); an issued vend somebody asked to get by SMS or e-mail needs delivery
     * ({@link VendHeaders#DELIVERY_DUE}).
     */
    public void settle(@Header(VendHeaders.VEND_ID) String vendId, @Headers Map<String, Object> headers) {
        if (VendStatus.ISSUED.name().equals(headers.get(VendHeaders.STATUS))) {
            headers.put(VendHeaders.REFUND_DUE, false); // the issue step said so, and delivery too: nothing to read
            return;
        }
        VendId id = VendId.parse(vendId);
        VendView vend = store.findWithoutTokens(id).orElseThrow();
        boolean refundDue = false;
        if (vend.status() == VendStatus.VOIDED) {
            if (vend.failureCode() == null) {
                store.explainVoided(id, "NOT_COMPLETED", "the vend could not be completed; no money was kept");
            }
            refundDue = properties.refundChannels().contains(vend.channel()) && "NONE".equals(vend.refundStatus());
            if (refundDue) {
                store.markRefund(id, "REQUIRED");
            }
        }
        headers.put(VendHeaders.REFUND_DUE, refundDue);
        headers.put(VendHeaders.DELIVERY_DUE, vend.status() == VendStatus.ISSUED && "PENDING".equals(vend.deliveryStatus()));
    }
}
