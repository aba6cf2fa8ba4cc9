package org.vendinghub.payments;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.vendinghub.connectors.common.RejectedException;
import org.vendinghub.connectors.common.TransientException;
import org.vendinghub.connectors.mpesa.MpesaRecords.Reversal;
import org.vendinghub.connectors.mpesa.MpesaRecords.ReversalAck;
import org.vendinghub.connectors.mpesa.MpesaRecords.TransactionStatusAck;
import org.vendinghub.connectors.mpesa.MpesaRecords.TransactionStatusQuery;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * M-Pesa refunds: Transaction Reversal of the payment's receipt, whose result comes to
 * {@code /callbacks/mpesa/<secret>/reversal/<refundId>}. An STK payment that the status query settled has no receipt;
 * it is looked up first with Transaction Status (refund LOOKUP, result to {@code .../status/<refundId>}), by
 * {@code OriginalConversationID} = the push's CheckoutRequestID, and then reversed. When the receipt cannot be had the
 * refund ends FAILED {@code NO_RECEIPT}: an operator reverses it from the M-Pesa org portal.
 */
@Component
class MpesaRefunds {

    private static final Logger log = LoggerFactory.getLogger(MpesaRefunds.class);
    /** Reversal results after which asking again cannot help. R000001 (already reversed) counts as refunded. */
    private static final Set<String> FINAL_REVERSAL_FAILURES = Set.of("R000002", "21", "2001", "8006");
    /** Transaction Status results after which asking again cannot help: the initiator is not allowed, or locked. */
    private static final Set<String> FINAL_LOOKUP_FAILURES = Set.of("21", "2001", "8006");

    private final PaymentStore store;
    private final ProviderCalls calls;
    private final RefundOutcomes outcomes;
    private final Clock clock;

    MpesaRefunds(PaymentStore store, ProviderCalls calls, RefundOutcomes outcomes, Clock clock) {
        this.store = store;
        this.calls = calls;
        this.outcomes = outcomes;
        this.clock = clock;
    }

    /** One attempt at an open refund: reverse the receipt, or first find it. */
    void attempt(PaymentStore.Refund r, Payment p) {
        if (p.receipt() == null) {
            lookUpReceipt(r, p);
        } else {
            reverse(r, p);
        }
    }

    /** The reversal's result (or its queue time-out) for refund {@code refundId}. */
    String reversalResult(String refundId, JsonNode body, boolean queueTimeout) {
        Optional<PaymentStore.Refund> found = store.refund(refundId).filter(r -> Payment.MPESA.equals(r.provider()));
        if (found.isEmpty()) {
            return "UNMATCHED: no M-Pesa refund " + refundId;
        }
        PaymentStore.Refund r = found.get();
        JsonNode result = body.path("Result");
        String code = result.path("ResultCode").asText("");
        String desc = result.path("ResultDesc").asText("");
        boolean reversed = !queueTimeout && ("0".equals(code) || "R000001".equals(code));
        if (reversed && "FAILED".equals(r.status())) { // given up, but one of the requests got through after all
            return outcomes.refundedAfterFailure(r, store.find(r.paymentId()).orElseThrow(), code, desc, result.path("TransactionID").asText(null))
                    ? "REFUNDED after FAILED" : "DUPLICATE: refund " + refundId + " is no longer FAILED";
        }
        if (!Set.of("QUEUED", "REQUESTED").contains(r.status())) { // QUEUED too: a retry may have followed a request that got through
            return "DUPLICATE: refund " + refundId + " is " + r.status();
        }
        Payment p = store.find(r.paymentId()).orElseThrow();
        if (queueTimeout) {
            store.refundResult(r.id(), "QUEUED", "QUEUE_TIMEOUT", "M-Pesa timed the reversal out in its queue", clock.instant());
            return "RETRY: queue time-out";
        }
        if (reversed) {
            outcomes.finish(r, p, true, code, desc, result.path("TransactionID").asText(null));
            return "REFUNDED";
        }
        if (FINAL_REVERSAL_FAILURES.contains(code) || outcomes.lastAttempt(r)) {
            outcomes.finish(r, p, false, code, desc, null);
            return "FAILED " + code;
        }
        store.refundResult(r.id(), "QUEUED", code, desc, outcomes.nextAttempt());
        return "RETRY " + code;
    }

    /** The Transaction Status result (or its queue time-out) of refund {@code refundId}'s receipt look-up. */
    String lookupResult(String refundId, JsonNode body, boolean queueTimeout) {
        Optional<PaymentStore.Refund> found = store.refund(refundId).filter(r -> Payment.MPESA.equals(r.provider()));
        if (found.isEmpty()) {
            return "UNMATCHED: no M-Pesa refund " + refundId;
        }
        PaymentStore.Refund r = found.get();
        if (!"LOOKUP".equals(r.status())) {
            return "DUPLICATE: refund " + refundId + " is " + r.status();
        }
        Payment p = store.find(r.paymentId()).orElseThrow();
        if (queueTimeout) {
            store.refundResult(r.id(), "LOOKUP", "QUEUE_TIMEOUT", "M-Pesa timed the receipt look-up out in its queue", clock.instant());
            return "RETRY: queue time-out";
        }
        JsonNode result = body.path("Result");
        String code = result.path("ResultCode").asText("");
        String desc = result.path("ResultDesc").asText("");
        if ("0".equals(code)) {
            return receiptFound(r, p, result);
        }
        if (FINAL_LOOKUP_FAILURES.contains(code) || outcomes.lastAttempt(r)) {
            noReceipt(r, p, "Transaction Status answered " + code + " " + desc);
            return "FAILED NO_RECEIPT";
        }
        store.refundResult(r.id(), "LOOKUP", code, desc, outcomes.nextAttempt());
        return "RETRY " + code;
    }

    private String receiptFound(PaymentStore.Refund r, Payment p, JsonNode result) {
        Map<String, String> params = parameters(result);
        String receipt = params.getOrDefault("ReceiptNo", result.path("TransactionID").asText(""));
        String status = params.getOrDefault("TransactionStatus", "Completed");
        String amount = params.get("Amount");
        if (receipt.isBlank() || !"Completed".equalsIgnoreCase(status)
                || (amount != null && MpesaPayments.minor(amount) != p.amountMinor())) {
            noReceipt(r, p, "Transaction Status found receipt '" + receipt + "', status " + status + ", amount " + amount
                    + " for " + p.amountMinor() + " minor units: not this payment");
            return "FAILED NO_RECEIPT";
        }
        store.setReceipt(p.id(), receipt);
        // not due before the retry period: the reversal goes out right here, and a retry timer must not send a second one
        store.refundResult(r.id(), "QUEUED", "RECEIPT_FOUND", "Transaction Status found receipt " + receipt, outcomes.nextAttempt());
        log.info("refund {}: receipt {} of payment {} found by Transaction Status", r.id(), receipt, p.id());
        reverse(store.refund(r.id()).orElseThrow(), store.find(p.id()).orElseThrow());
        return "RECEIPT " + receipt;
    }

    private void reverse(PaymentStore.Refund r, Payment p) {
        try {
            ReversalAck ack = calls.call("direct:mm-mpesa-reversal", new Reversal(r.id(), p.receipt(), p.amountMinor() / 100,
                    "Refund, vend failed"), ReversalAck.class);
            outcomes.requested(r, ack.originatorConversationId(), ack.conversationId(), ack.responseDescription());
        } catch (TransientException e) {
            outcomes.retryLater(r, p, "QUEUED", e);
        } catch (RejectedException e) {
            outcomes.finish(r, p, false, e.code(), e.getMessage(), null);
        }
    }

    private void lookUpReceipt(PaymentStore.Refund r, Payment p) {
        if (!"STK".equals(p.kind()) || p.providerRef() == null) {
            noReceipt(r, p, "no receipt and no CheckoutRequestID are known");
            return;
        }
        try {
            TransactionStatusAck ack = calls.call("direct:mm-mpesa-transaction-status",
                    new TransactionStatusQuery(r.id(), null, p.providerRef(), "Receipt for a refund"), TransactionStatusAck.class);
            store.refundAttempted(r.id(), "LOOKUP", ack.originatorConversationId(), ack.conversationId(), null,
                    "receipt look-up accepted: " + ack.responseDescription(), outcomes.nextAttempt());
        } catch (TransientException e) {
            outcomes.retryLater(r, p, "LOOKUP", e);
        } catch (RejectedException e) {
            noReceipt(r, p, "the receipt look-up was refused: " + e.code() + " " + e.getMessage());
        }
    }

    private void noReceipt(PaymentStore.Refund r, Payment p, String why) {
        outcomes.finish(r, p, false, "NO_RECEIPT", why + "; find the receipt of STK push " + p.providerRef() + " (phone "
                + p.msisdn() + ") in the M-Pesa org portal and reverse it there", null);
    }

    /** {@code Result.ResultParameters.ResultParameter}: a list of {Key, Value}, or a single one. */
    private static Map<String, String> parameters(JsonNode result) {
        JsonNode list = result.path("ResultParameters").path("ResultParameter");
        Map<String, String> params = new LinkedHashMap<>();
        for (JsonNode item : list.isArray() ? list : List.of(list)) {
            if (item.hasNonNull("Key") && item.hasNonNull("Value")) {
                params.put(item.get("Key").asText(), item.get("Value").asText());
            }
        }
        return params;
    }
}
