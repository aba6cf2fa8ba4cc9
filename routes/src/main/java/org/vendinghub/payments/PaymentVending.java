package org.vendinghub.payments;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.vendinghub.domain.ChannelRef;
import org.vendinghub.domain.Money;
import org.vendinghub.domain.ValidationException;
import org.vendinghub.ledger.ConflictException;
import org.vendinghub.ledger.customer.CustomerService;
import org.vendinghub.ledger.sale.Payer;
import org.vendinghub.vend.VendRequest;
import org.vendinghub.vend.VendService;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a PAID payment into one vend. A paid payment goes onto the queue {@code hub.payments.vend-queue} (persistent,
 * redelivered by the broker); {@code mm-payment-vend} consumes it and calls {@link #vend}. The vend is idempotent on
 * (provider, provider reference), so a redelivery or a second callback replays the same vend and never issues a second
 * token. A vend that fails is turned into a refund by the vend flow (vend.cmd.compensate, consumed by vend-refund).
 */
@Component
class PaymentVending {

    private static final Logger log = LoggerFactory.getLogger(PaymentVending.class);

    private final PaymentStore store;
    private final VendService vends;
    private final MeterGate gate;
    private final CustomerService customers;
    private final ProviderCalls calls;
    private final PaymentProperties properties;
    private final Refunds refunds;
    private final Clock clock;

    PaymentVending(PaymentStore store, VendService vends, MeterGate gate, CustomerService customers, ProviderCalls calls,
                   PaymentProperties properties, @Lazy Refunds refunds, Clock clock) {
        this.store = store;
        this.vends = vends;
        this.gate = gate;
        this.customers = customers;
        this.calls = calls;
        this.properties = properties;
        this.refunds = refunds;
        this.clock = clock;
    }

    /** Call after the PAID status is committed. */
    void enqueue(String paymentId) {
        calls.send("jms:queue:" + properties.vendQueue(), paymentId);
    }

    /** Vends for a PAID payment (or replays its vend). Anything else is left alone. */
    public void vend(String paymentId) {
        Payment p = store.find(paymentId).orElse(null);
        if (p == null || p.status() != PaymentStatus.PAID) {
            return;
        }
        VendRequest request;
        try {
            request = new VendRequest(new ChannelRef(p.provider(), p.vendReference()), p.meterNumber(),
                    Money.of(p.amountMinor(), p.currency()), null, Payer.channel(p.provider()), p.provider().toLowerCase(),
                    smsTo(p), null, attributes(p));
        } catch (ValidationException e) {
            log.warn("payment {} ({} {}) cannot become a vend: {}; refunding", p.id(), p.provider(), p.providerRef(), e.getMessage());
            refunds.queue(p, null, "INVALID_METER: " + e.getMessage());
            return;
        }
        try {
            VendService.Outcome outcome = vends.vend(request);
            store.setVend(p.id(), outcome.vend().id());
            log.info("payment {} ({} {}) vended as {}: {}", p.id(), p.provider(), p.providerRef(), outcome.vend().id(), outcome.vend().status());
        } catch (ConflictException e) {
            log.error("ALERT payment {} meets another request under its reference {}: {}", p.id(), p.providerRef(), e.getMessage());
        }
    }

    /** PAID payments that never got their vend (the hub stopped between PAID and the queue): queued again. */
    public int resume() {
        List<String> due = store.paidWithoutVendSince(clock.instant().minus(properties.pollPeriod()), 50);
        due.forEach(this::enqueue);
        return due.size();
    }

    private String smsTo(Payment p) {
        if (p.msisdn() != null && p.msisdn().matches("\\+?[1-9][0-9]{7,14}")) {
            return p.msisdn().startsWith("+") ? p.msisdn() : "+" + p.msisdn();
        }
        // M-Pesa C2B v2 masks the payer's number: send the token to the meter's registered customer instead
        return gate.meter(p.meterNumber()).filter(m -> m.customerId() != null)
                .map(m -> customers.customer(m.customerId()).phone())
                .filter(phone -> phone != null && phone.matches("\\+[1-9][0-9]{7,14}"))
                .orElse(null);
    }

    private static Map<String, String> attributes(Payment p) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("paymentId", p.id());
        a.put("paymentKind", p.kind());
        if (p.receipt() != null) {
            a.put("receipt", p.receipt());
        }
        return a;
    }
}
