package org.vendinghub.connectors.mpesa;

/** The bodies in and out of the M-Pesa routes. Amounts are whole shillings: Daraja takes no cents. */
public final class MpesaRecords {

    private MpesaRecords() {
    }

    /** {@code direct:mpesa-stk-push} in. {@code phone} as Daraja wants it: 2547…, no plus. */
    public record StkPush(String reference, String phone, long amount, String accountReference, String description) {
    }

    /** {@code direct:mpesa-stk-push} out: Daraja accepted the request and will prompt the payer. */
    public record StkPushAck(String merchantRequestId, String checkoutRequestId, String responseDescription, String customerMessage) {
    }

    /** {@code direct:mpesa-stk-query} in. */
    public record StkQuery(String checkoutRequestId) {
    }

    /**
     * {@code direct:mpesa-stk-query} out. {@code pending}: Daraja is still processing (no result code yet);
     * otherwise {@code resultCode} is the STK result ("0" paid, "1032" cancelled, …).
     */
    public record StkQueryResult(boolean pending, String resultCode, String resultDesc) {
    }

    /** {@code direct:mpesa-reversal} in. {@code refundId} is ours: it is in the result URL, so the result finds its refund. */
    public record Reversal(String refundId, String transactionId, long amount, String remarks) {
    }

    /** {@code direct:mpesa-reversal} out: accepted for processing; the outcome comes to the result URL. */
    public record ReversalAck(String originatorConversationId, String conversationId, String responseDescription) {
    }

    /**
     * {@code direct:mpesa-transaction-status} in: ask M-Pesa about one transaction, by its receipt ({@code transactionId})
     * or, when no receipt is known, by {@code originalConversationId}. {@code resultKey} is ours: it is in the result URL,
     * so the asynchronous result finds what asked for it.
     */
    public record TransactionStatusQuery(String resultKey, String transactionId, String originalConversationId, String remarks) {
    }

    /** {@code direct:mpesa-transaction-status} out: accepted for processing; the result comes to the result URL. */
    public record TransactionStatusAck(String originatorConversationId, String conversationId, String responseDescription) {
    }

    /**
     * {@code direct:mpesa-c2b-register} in: where M-Pesa sends the paybill's validation and confirmation requests, and
     * {@code responseType} ({@code Completed} or {@code Cancelled}) what it does when the validation URL cannot be reached.
     */
    public record C2bUrls(String responseType, String confirmationUrl, String validationUrl) {
    }

    /** {@code direct:mpesa-c2b-register} out. {@code alreadyRegistered}: Daraja said "Urls are already registered". */
    public record C2bRegistration(boolean alreadyRegistered, String originatorConversationId, String responseDescription) {
    }
}
