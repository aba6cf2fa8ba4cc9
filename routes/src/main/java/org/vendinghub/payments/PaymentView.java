package org.vendinghub.payments;

import org.vendinghub.vend.VendStatus;
import org.vendinghub.vend.VendView;

import java.time.Instant;
import java.util.List;

/**
 * A payment as the API shows it, with its vend. {@code status} is the one model: the stored status, except that a PAID
 * payment whose vend issued its token is VENDED, and DELIVERED once the token went out by SMS.
 */
public record PaymentView(String id, String provider, String kind, String reference, String receipt, String msisdn,
                          String meterNumber, long amountMinor, String currency, PaymentStatus status, String resultCode,
                          String resultDesc, Instant createdAt, Instant updatedAt, Vend vend, Refund refund) {

    /**
     * The refund of a paid payment whose vend could not complete: {@code status} QUEUED, LOOKUP (M-Pesa receipt being
     * looked up), REQUESTED, REFUNDED or FAILED; {@code id} is also MoMo's X-Reference-Id of the refund; {@code receipt} the
     * provider's id of the refund transaction.
     */
    public record Refund(String id, String status, int attempts, String resultCode, String resultDesc, String receipt) {
    }

    public record Vend(String id, VendStatus status, String failureCode, String failureMessage, List<String> tokens,
                       Long unitsTenths, String deliveryStatus, String refundStatus) {
    }

    static PaymentView of(Payment p, VendView v, PaymentStore.Refund r) {
        PaymentStatus status = p.status();
        if (status == PaymentStatus.PAID && v != null) {
            if (v.status() == VendStatus.DELIVERED) {
                status = PaymentStatus.DELIVERED;
            } else if (v.status() == VendStatus.ISSUED) {
                status = PaymentStatus.VENDED;
            }
        }
        Vend vend = v == null ? null : new Vend(v.id(), v.status(), v.failureCode(), v.failureMessage(),
                v.tokens().stream().map(t -> t.token()).toList(), v.unitsTenths(), v.deliveryStatus(), v.refundStatus());
        return new PaymentView(p.id(), p.provider(), p.kind(), p.providerRef(), p.receipt(), p.msisdn(), p.meterNumber(),
                p.amountMinor(), p.currency(), status, p.resultCode(), p.resultDesc(), p.createdAt(), p.updatedAt(), vend,
                r == null ? null : new Refund(r.id(), r.status(), r.attempts(), r.resultCode(), r.resultDesc(), r.receipt()));
    }
}
