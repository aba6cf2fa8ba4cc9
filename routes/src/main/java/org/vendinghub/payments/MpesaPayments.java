package org.vendinghub.payments;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.vendinghub.connectors.common.RejectedException;
import org.vendinghub.connectors.common.TransientException;
import org.vendinghub.connectors.mpesa.MpesaProperties;
import org.vendinghub.connectors.mpesa.MpesaRecords.StkPush;
import org.vendinghub.connectors.mpesa.MpesaRecords.StkPushAck;
import org.vendinghub.connectors.mpesa.MpesaRecords.StkQuery;
import org.vendinghub.connectors.mpesa.MpesaRecords.StkQueryResult;
import org.vendinghub.connectors.mpesa.MpesaSettings;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * M-Pesa payments: paybill (C2B validation and confirmation) and STK push (start, callback, status query). Every status
 * change is guarded by the status it leaves, so duplicated, late or early callbacks and the poller cannot pay twice.
 */
@Service
public class MpesaPayments {

    private static final Logger log = LoggerFactory.getLogger(MpesaPayments.class);
    /** How long after an unanswered STK push (timeout) a success callback is matched to it by phone and amount. */
    private static final Duration ORPHAN_MATCH_WINDOW = Duration.ofMinutes(10);

    private final PaymentStore store;
    private final MeterGate gate;
    private final ProviderCalls calls;
    private final PaymentVending vending;
    private final MpesaSettings settings;
    private final PaymentProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;

    MpesaPayments(PaymentStore store, MeterGate gate, ProviderCalls calls, PaymentVending vending, MpesaSettings settings,
                  PaymentProperties properties, TransactionTemplate tx, Clock clock) {
        this.store = store;
        this.gate = gate;
        this.calls = calls;
        this.vending = vending;
        this.settings = settings;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- paybill (C2B)

    /** The validation URL's answer: accept, or reject with the C2B code before the customer pays. */
    Map<String, String> validate(JsonNode c2b) {
        String shortcode = c2b.path("BusinessShortCode").asText("");
        MpesaProperties p = settings.current();
        if (!shortcode.isEmpty() && !shortcode.equals(p.shortcode())) {
            return reply("C2B00015", "Rejected");
        }
        long amountMinor = minor(c2b.path("TransAmount").asText(""));
        Optional<PaymentRefusedException> refusal = gate.refusal(c2b.path("BillRefNumber").asText(""), amountMinor);
        if (refusal.isEmpty()) {
            return reply("0", "Accepted");
        }
        log.info("C2B {} for account '{}' rejected at validation: {}", c2b.path("TransID").asText(), c2b.path("BillRefNumber").asText(),
                refusal.get().code());
        return reply("BAD_AMOUNT".equals(refusal.get().code()) ? "C2B00013" : "C2B00012", "Rejected");
    }

    /** The confirmation URL: the money is paid; one payment per TransID, then a vend. */
    String confirm(JsonNode c2b) {
        String transId = c2b.path("TransID").asText("");
        if (transId.isEmpty()) {
            return "IGNORED: no TransID";
        }
        if (store.byProviderRef(Payment.MPESA, transId).isPresent() || store.byReceipt(Payment.MPESA, transId).isPresent()) {
            return "DUPLICATE: TransID " + transId + " is known";
        }
        String meter = cut(c2b.path("BillRefNumber").asText("").strip(), 20);
        Instant now = clock.instant();
        Payment payment = new Payment(UUID.randomUUID().toString(), Payment.MPESA, "C2B", transId, transId, null,
                cut(c2b.path("MSISDN").asText(null), 20), meter, minor(c2b.path("TransAmount").asText("")),
                settings.current().currency(), PaymentStatus.PAID, "0", "Paid by paybill " + c2b.path("BusinessShortCode").asText(""),
                null, "mpesa-c2b", now, now, 0);
        try {
            store.insert(payment);
        } catch (DuplicateKeyException twin) {
            return "DUPLICATE: TransID " + transId + " is known";
        }
        vending.enqueue(payment.id());
        return "PAID: payment " + payment.id();
    }

    // ---------------------------------------------------------------- STK push

    /** Starts an STK push: the payment (and so our record of it) exists before Daraja is called. */
    public Payment startStk(String phone, String meterNumber, BigDecimal amount, String user) {
        String msisdn = phone == null ? "" : phone.strip().replaceFirst("^\\+", "");
        if (!msisdn.matches("[1-9][0-9]{9,14}")) {
            throw new PaymentRefusedException("BAD_PHONE", "phone must be the payer's number in international form, e.g. +254712345678");
        }
        if (amount == null || amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 0) {
            throw new PaymentRefusedException("BAD_AMOUNT", "M-Pesa takes whole amounts: give a positive whole number");
        }
        long amountMinor = amount.movePointRight(2).longValueExact();
        gate.refusal(meterNumber, amountMinor).ifPresent(r -> {
            throw r;
        });
        Instant now = clock.instant();
        Payment payment = new Payment(UUID.randomUUID().toString(), Payment.MPESA, "STK", null, null, null, msisdn,
                meterNumber.strip(), amountMinor, settings.current().currency(), PaymentStatus.INITIATED, null, null, null,
                user, now, now, 0);
        store.insert(payment);
        try {
            StkPushAck ack = calls.call("direct:mm-mpesa-stk-push",
                    new StkPush(payment.id(), msisdn, amount.longValueExact(), meterNumber.strip(), "Prepaid elec"), StkPushAck.class);
            tx.executeWithoutResult(s -> {
                store.setProviderRef(payment.id(), ack.checkoutRequestId());
                store.markPending(payment.id(), ack.checkoutRequestId(), ack.merchantRequestId());
            });
            // a callback may have come before this answer: it is stored, waiting for the CheckoutRequestID
            for (PaymentStore.StoredCallback early : store.unprocessedCallbacks(Payment.MPESA, ack.checkoutRequestId())) {
                store.callbackProcessed(early.id(), stkCallback(early.id(), ProviderJson.read(early.body())));
            }
        } catch (RejectedException e) {
            store.markFailed(payment.id(), e.code(), e.getMessage());
        } catch (TransientException e) {
            if ("MPESA_TIMEOUT".equals(e.code())) {
                // Daraja may have sent the prompt: a success callback is matched by phone and amount, else it ends NO_RESULT
                store.note(payment.id(), e.code(), e.getMessage());
            } else {
                store.markFailed(payment.id(), e.code(), e.getMessage());
            }
        }
        return store.find(payment.id()).orElseThrow();
    }

    /** An STK callback, stored already as {@code callbackId}. Returns what it did, for the callback's row. */
    String stkCallback(long callbackId, JsonNode body) {
        JsonNode cb = body.path("Body").path("stkCallback");
        String checkout = cb.path("CheckoutRequestID").asText("");
        String resultCode = cb.path("ResultCode").asText("");
        Map<String, String> items = new LinkedHashMap<>();
        for (JsonNode item : cb.path("CallbackMetadata").path("Item")) {
            items.put(item.path("Name").asText(), item.path("Value").asText());
        }
        Optional<Payment> found = store.byProviderRef(Payment.MPESA, checkout);
        if (found.isEmpty() && "0".equals(resultCode)) {
            found = orphan(checkout, items);
        }
        if (found.isEmpty()) {
            store.callbackOutcome(callbackId, "WAITING: no STK payment has CheckoutRequestID " + checkout + " yet");
            return null;
        }
        return apply(found.get(), resultCode, cb.path("ResultDesc").asText(""), items.get("MpesaReceiptNumber"));
    }

    /** The STK status query for pushes that got no callback: {@code mm-mpesa-stk-query}. Returns how many it asked about. */
    public int pollStk(Instant now) {
        List<String> due = store.openSince(Payment.MPESA, "STK", now.minus(properties.stkQueryAfter()), 50);
        for (String id : due) {
            Payment p = store.find(id).orElseThrow();
            try {
                if (p.providerRef() == null) {
                    if (p.createdAt().isBefore(now.minus(properties.giveUpAfter()))) {
                        store.markFailed(id, "NO_RESULT", "Daraja never answered the STK push and no callback came");
                    }
                    continue;
                }
                StkQueryResult result = calls.call("direct:mm-mpesa-stk-status", new StkQuery(p.providerRef()), StkQueryResult.class);
                store.countCheck(id);
                if (!result.pending()) {
                    apply(p, result.resultCode(), result.resultDesc(), null);
                } else if (p.createdAt().isBefore(now.minus(properties.giveUpAfter()))) {
                    store.markFailed(id, "NO_RESULT", "no result from M-Pesa after " + properties.giveUpAfter());
                }
            } catch (RuntimeException e) {
                store.countCheck(id);
                log.warn("STK status query for payment {} ({}) failed: {}", id, p.providerRef(), e.getMessage());
            }
        }
        return due.size();
    }

    private String apply(Payment p, String resultCode, String desc, String receipt) {
        if ("0".equals(resultCode)) {
            if (store.markPaid(p.id(), receipt, "0", desc)) {
                vending.enqueue(p.id());
                return "PAID: payment " + p.id();
            }
            if (receipt != null && store.setReceipt(p.id(), receipt)) {
                // the status query settled it without a receipt: a refund can now reverse it without a look-up
                return "RECEIPT: payment " + p.id() + " has receipt " + receipt;
            }
            return "DUPLICATE: payment " + p.id() + " is " + store.find(p.id()).orElseThrow().status();
        }
        String code = ResultCodes.mpesa(resultCode);
        if (store.markFailed(p.id(), code, desc + " (ResultCode " + resultCode + ")")) {
            return "FAILED " + code + ": payment " + p.id();
        }
        return "DUPLICATE: payment " + p.id() + " is " + store.find(p.id()).orElseThrow().status();
    }

    /** A success for a CheckoutRequestID we never learnt (our push timed out): the unanswered push from that phone. */
    private Optional<Payment> orphan(String checkout, Map<String, String> items) {
        String phone = items.get("PhoneNumber");
        String amount = items.get("Amount");
        if (phone == null || amount == null) {
            return Optional.empty();
        }
        List<Payment> candidates = store.unansweredStk(phone, minor(amount), clock.instant().minus(ORPHAN_MATCH_WINDOW));
        if (candidates.size() != 1) {
            return Optional.empty();
        }
        Payment p = candidates.get(0);
        store.setProviderRef(p.id(), checkout);
        log.warn("STK callback {} matched to unanswered push {} by phone and amount", checkout, p.id());
        return store.find(p.id());
    }

    private static Map<String, String> reply(String code, String desc) {
        Map<String, String> reply = new LinkedHashMap<>();
        reply.put("ResultCode", code);
        reply.put("ResultDesc", desc);
        return reply;
    }

    static long minor(String amount) {
        try {
            return new BigDecimal(amount.strip()).movePointRight(2).setScale(0, java.math.RoundingMode.DOWN).longValueExact();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
