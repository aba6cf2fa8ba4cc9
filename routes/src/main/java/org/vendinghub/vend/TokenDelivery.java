package org.vendinghub.vend;

import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.vendinghub.connectors.email.EmailMessage;
import org.vendinghub.connectors.sms.SmsMessage;
import org.vendinghub.domain.VendId;

import java.util.stream.Collectors;

/**
 * Step bean of token-deliver: the SMS and e-mail a vend's buyer asked for, and the delivery's outcome. Delivery is
 * forward only: it never undoes the vend. Outcomes: SENT (the vend becomes DELIVERED), FAILED (a transient fault; tried
 * again later) or REJECTED (refused for good; not tried again).
 */
@Component
public class TokenDelivery {

    private static final Logger log = LoggerFactory.getLogger(TokenDelivery.class);

    private final VendStore store;

    TokenDelivery(VendStore store) {
        this.store = store;
    }

    /** The SMS for the vend, or null when none was asked for. */
    public SmsMessage sms(@Header(VendHeaders.VEND_ID) String vendId) {
        VendId id = VendId.parse(vendId);
        VendRequest request = store.request(id);
        if (request.smsTo() == null) {
            return null;
        }
        return new SmsMessage(request.smsTo(), text(store.find(id).orElseThrow()), vendId);
    }

    /** The e-mail for the vend, or null when none was asked for. */
    public EmailMessage email(@Header(VendHeaders.VEND_ID) String vendId) {
        VendId id = VendId.parse(vendId);
        VendRequest request = store.request(id);
        if (request.emailTo() == null) {
            return null;
        }
        VendView vend = store.find(id).orElseThrow();
        return new EmailMessage(request.emailTo(), "Your token for meter " + vend.meterNumber(), text(vend), vendId);
    }

    public void sent(@Header(VendHeaders.VEND_ID) String vendId) {
        store.markDelivery(VendId.parse(vendId), "SENT", null);
    }

    /** A transient fault outlasted this round's retries: FAILED, and the token-deliver-retry timer tries again later. */
    public void failed(@Header(VendHeaders.VEND_ID) String vendId, Exchange exchange) {
        String detail = caught(exchange);
        log.warn("delivery of vend {} failed, will be retried: {}", vendId, detail);
        store.markDelivery(VendId.parse(vendId), "FAILED", detail);
    }

    /**
     * The gateway refused (4xx, an invalid number, a barred sender) or none is configured: sending the same message again
     * cannot succeed, so the delivery is REJECTED and never retried. The vend keeps its token; an operator can reprint it.
     */
    public void refused(@Header(VendHeaders.VEND_ID) String vendId, Exchange exchange) {
        String detail = caught(exchange);
        log.warn("delivery of vend {} refused, not retried: {}", vendId, detail);
        store.markDelivery(VendId.parse(vendId), "REJECTED", detail);
    }

    private static String caught(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        return cause == null ? "unknown" : cause.getMessage();
    }

    /** What the customer reads: the token(s) in blocks of four, the units and the receipt number. */
    static String text(VendView vend) {
        String tokens = vend.tokens().stream().map(t -> t.description() + ": " + t.formatted()).collect(Collectors.joining("\n"));
        return "Meter " + vend.meterNumber() + "\n" + tokens + "\nReceipt " + vend.receiptNo();
    }
}
