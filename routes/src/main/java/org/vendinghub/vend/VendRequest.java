package org.vendinghub.vend;

import org.vendinghub.domain.ChannelRef;
import org.vendinghub.domain.MeterNumber;
import org.vendinghub.domain.Money;
import org.vendinghub.domain.ValidationException;
import org.vendinghub.ledger.IdempotencyService;
import org.vendinghub.ledger.sale.Payer;

import java.util.Map;
import java.util.TreeMap;

/**
 * A channel's request for a credit vend, in the hub's canonical form: either an amount of money or a number of units
 * (tenths of kWh or m3), for one meter, paid by one payer. {@code channelRef} is the channel's idempotency key.
 *
 * @param attributes channel details kept with the vend (terminal, shift, vendor client id…); not part of the hash
 */
public record VendRequest(ChannelRef channelRef, String meterNumber, Money amount, Long unitsTenths, Payer payer,
                          String operator, String smsTo, String emailTo, Map<String, String> attributes) {

    public VendRequest {
        ValidationException.require(channelRef != null, "clientRef", "a client reference is required");
        meterNumber = new MeterNumber(meterNumber).value();
        ValidationException.require((amount == null) != (unitsTenths == null), "amount",
                "give either an amount of money or a number of units, not both and not neither");
        ValidationException.require(amount == null || amount.isPositive(), "amount", "amount must be positive");
        ValidationException.require(unitsTenths == null || unitsTenths > 0, "units", "units must be positive");
        ValidationException.require(payer != null, "payer", "a payer is required");
        ValidationException.require(operator != null && !operator.isBlank(), "operator", "the operator is required");
        ValidationException.require(smsTo == null || smsTo.matches("\\+[1-9][0-9]{7,14}"), "smsTo",
                "SMS number must be in international form, e.g. +254712345678");
        ValidationException.require(emailTo == null || emailTo.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"), "emailTo",
                "e-mail address is not valid");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** What makes two requests with one reference the same request: a replay must match it exactly. */
    public String payloadHash() {
        String canonical = String.join("|", channelRef.channel(), meterNumber,
                amount == null ? "-" : amount.amountMinor() + " " + amount.currency(),
                unitsTenths == null ? "-" : unitsTenths.toString(),
                payer.kind() + ":" + payer.ref(), nullToDash(smsTo), nullToDash(emailTo));
        return IdempotencyService.sha256Hex(canonical);
    }

    public Map<String, String> sortedAttributes() {
        return new TreeMap<>(attributes);
    }

    private static String nullToDash(String s) {
        return s == null ? "-" : s;
    }
}
