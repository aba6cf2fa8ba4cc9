package org.vendinghub.connectors.momo;

/** Bodies in and out of the MoMo routes. */
public final class MomoRecords {

    private MomoRecords() {
    }

    /**
     * {@code direct:momo-request-to-pay} in. {@code referenceId} (a UUID) is the X-Reference-Id, MoMo's idempotency key:
     * persist it before the call, and send it again only for the same payment. {@code amount} as MoMo writes it ("150").
     */
    public record RequestToPay(String referenceId, String amount, String currency, String externalId, String msisdn,
                               String payerMessage, String payeeNote) {
    }

    /** {@code direct:momo-request-to-pay} out. {@code duplicate}: MoMo already had this reference (409); ask its status. */
    public record RequestToPayAck(String referenceId, boolean duplicate) {
    }

    /** {@code direct:momo-status} in. */
    public record StatusQuery(String referenceId) {
    }

    /**
     * {@code direct:momo-status} out, and the shape of MoMo's callback. {@code status} PENDING, SUCCESSFUL or FAILED (or
     * NOT_FOUND when MoMo does not know the reference); {@code reason} the failure code, whether MoMo sent it as a string
     * or as {code, message}.
     */
    public record PaymentStatus(String status, String reason, String financialTransactionId, String externalId, String amount,
                                String currency) {
    }

    /**
     * {@code direct:momo-refund} in: a Disbursement refund of the request-to-pay {@code referenceIdToRefund}.
     * {@code referenceId} (a UUID) is the refund's X-Reference-Id, its idempotency key: persist it before the call and send
     * the same one on every retry. {@code amount} as MoMo writes it ("116").
     */
    public record Refund(String referenceId, String amount, String currency, String externalId, String referenceIdToRefund,
                         String payerMessage, String payeeNote) {
    }

    /** {@code direct:momo-refund} out: accepted (202), or {@code duplicate}: MoMo already had this reference (409). */
    public record RefundAck(String referenceId, boolean duplicate) {
    }

    /** {@code direct:momo-refund-status} in. */
    public record RefundStatusQuery(String referenceId) {
    }

    /**
     * {@code direct:momo-refund-status} out, and the shape of MoMo's refund callback. {@code status} PENDING, SUCCESSFUL
     * or FAILED (or NOT_FOUND when MoMo does not know the reference); {@code financialTransactionId} MoMo's id of the
     * refund transfer.
     */
    public record RefundStatus(String status, String reason, String financialTransactionId, String externalId, String amount,
                               String currency) {
    }
}
