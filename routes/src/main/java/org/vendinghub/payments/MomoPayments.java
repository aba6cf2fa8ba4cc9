package org.vendinghub.payments;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.vendinghub.connectors.common.RejectedException;
import org.vendinghub.connectors.common.TransientException;
import org.vendinghub.connectors.momo.MomoRecords.PaymentStatus;
import org.vendinghub.connectors.momo.MomoRecords.RequestToPay;
import org.vendinghub.connectors.momo.MomoRecords.RequestToPayAck;
import org.vendinghub.connectors.momo.MomoRecords.StatusQuery;
import org.vendinghub.connectors.momo.MomoSettings;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * MTN MoMo request-to-pay. The X-Reference-Id is persisted (as the payment's provider reference) before MoMo is called,
 * and the same one is sent again on a retry (MoMo's 409 then means "already have it"). The outcome is always read from
 * MoMo's own GET status: a callback (unsigned) only says "ask now", the poller asks when no callback comes.
 */
@Service
public class MomoPayments {

    private static final Logger log = LoggerFactory.getLogger(MomoPayments.class);

    private final PaymentStore store;
    private final MeterGate gate;
    private final ProviderCalls calls;
    private final PaymentVending vending;
    private final MomoSettings settings;
    private final PaymentProperties properties;
    private final Clock clock;

    MomoPayments(PaymentStore store, MeterGate gate, ProviderCalls calls, PaymentVending vending, MomoSettings settings,
                 PaymentProperties properties, Clock clock) {
        this.store = store;
        this.gate = gate;
        this.calls = calls;
        this.vending = vending;
        this.settings = settings;
        this.properties = properties;
        this.clock = clock;
    }

    public Payment start(String msisdn, String meterNumber, BigDecimal amount, String user) {
        String payer = msisdn == null ? "" : msisdn.strip().replaceFirst("^\\+", "");
        if (!payer.matches("[1-9][0-9]{7,14}")) {
            throw new PaymentRefusedException("BAD_PHONE", "msisdn must be the payer's number in international form, e.g. 46733123454");
        }
        if (amount == null || amount.signum() <= 0 || amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) {
            throw new PaymentRefusedException("BAD_AMOUNT", "amount must be positive, with at most two decimals");
        }
        long amountMinor = amount.movePointRight(2).longValueExact();
        gate.refusal(meterNumber, amountMinor).ifPresent(r -> {
            throw r;
        });
        Instant now = clock.instant();
        String currency = settings.current().currency();
        Payment payment = new Payment(UUID.randomUUID().toString(), Payment.MOMO, "RTP", UUID.randomUUID().toString(), null, null,
                payer, meterNumber.strip(), amountMinor, currency, org.vendinghub.payments.PaymentStatus.INITIATED, null, null, null,
                user, now, now, 0);
        store.insert(payment); // the X-Reference-Id is ours before MoMo hears of it
        try {
            RequestToPayAck ack = calls.call("direct:mm-momo-request-to-pay", new RequestToPay(payment.providerRef(),
                    amount.stripTrailingZeros().toPlainString(), currency, payment.id(), payer,
                    "Prepaid electricity " + meterNumber.strip(), "Meter " + meterNumber.strip()), RequestToPayAck.class);
            store.markPending(payment.id(), payment.providerRef(), null);
            if (ack.duplicate()) {
                check(store.find(payment.id()).orElseThrow(), clock.instant());
            }
        } catch (RejectedException e) {
            store.markFailed(payment.id(), e.code(), e.getMessage());
        } catch (TransientException e) {
            // MoMo may have the request: the poller asks for its status with the same X-Reference-Id
            store.note(payment.id(), e.code(), e.getMessage());
        }
        return store.find(payment.id()).orElseThrow();
    }

    /** A callback (PUT or POST), stored already: find its payment by externalId and ask MoMo for the status. */
    String callback(long callbackId, JsonNode body) {
        String externalId = body.path("externalId").asText("");
        Optional<Payment> payment = store.find(externalId).filter(p -> Payment.MOMO.equals(p.provider()));
        if (payment.isEmpty()) {
            return "UNMATCHED: no MoMo payment " + externalId;
        }
        return check(payment.get(), clock.instant());
    }

    /** {@code mm-momo-poll}: asks MoMo about payments still open after {@code hub.payments.momo-poll-after}. */
    public int poll(Instant now) {
        List<String> due = store.openSince(Payment.MOMO, "RTP", now.minus(properties.momoPollAfter()), 50);
        for (String id : due) {
            try {
                check(store.find(id).orElseThrow(), now);
            } catch (RuntimeException e) {
                store.countCheck(id);
                log.warn("MoMo status of payment {} could not be read: {}", id, e.getMessage());
            }
        }
        return due.size();
    }

    private String check(Payment p, Instant now) {
        boolean givenUp = p.status() == org.vendinghub.payments.PaymentStatus.FAILED && "NO_RESULT".equals(p.resultCode());
        if (!p.status().open() && !givenUp) { // a payment given up on is asked again when MoMo calls back after all
            return "DUPLICATE: payment " + p.id() + " is " + p.status();
        }
        PaymentStatus status = calls.call("direct:mm-momo-status", new StatusQuery(p.providerRef()), PaymentStatus.class);
        store.countCheck(p.id());
        switch (status.status()) {
            case "SUCCESSFUL" -> {
                long paidMinor = status.amount() == null ? p.amountMinor() : MpesaPayments.minor(status.amount());
                if (paidMinor != p.amountMinor()) {
                    store.markFailed(p.id(), "AMOUNT_MISMATCH", "MoMo reports " + status.amount() + " paid, not " + p.amountMinor()
                            + " minor units: left for an operator");
                    log.error("ALERT MoMo payment {} paid {} instead of {} minor units", p.id(), status.amount(), p.amountMinor());
                    return "FAILED AMOUNT_MISMATCH";
                }
                if (store.markPaid(p.id(), status.financialTransactionId(), "SUCCESSFUL", "paid")) {
                    vending.enqueue(p.id());
                    return "PAID: payment " + p.id();
                }
                return "DUPLICATE";
            }
            case "FAILED" -> {
                String code = ResultCodes.momo(status.reason());
                store.markFailed(p.id(), code, "MoMo: " + (status.reason() == null ? "FAILED" : status.reason()));
                return "FAILED " + code;
            }
            case "NOT_FOUND" -> {
                if (p.status() == org.vendinghub.payments.PaymentStatus.INITIATED || p.createdAt().isBefore(now.minus(properties.giveUpAfter()))) {
                    store.markFailed(p.id(), "NOT_RECEIVED", "MoMo has no request-to-pay " + p.providerRef());
                    return "FAILED NOT_RECEIVED";
                }
                return "PENDING";
            }
            default -> {
                if (p.createdAt().isBefore(now.minus(properties.giveUpAfter()))) {
                    store.markFailed(p.id(), "NO_RESULT", "still " + status.status() + " after " + properties.giveUpAfter());
                    return "FAILED NO_RESULT";
                }
                return "PENDING";
            }
        }
    }
}
