package org.vendinghub.payments;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Who sent a callback. The connection's address, unless that is one of {@code hub.payments.trusted-proxies}: only then
 * is {@code X-Forwarded-For} read, from the right, skipping further trusted proxies; the first other address is the
 * sender. A header from anyone else is ignored, so a caller cannot claim an allowed address by writing it there.
 */
@Component
class CallbackSources {

    private final AddressList configured;
    private volatile AddressList trusted;

    CallbackSources(PaymentProperties properties) {
        this.configured = AddressList.parse("hub.payments.trusted-proxies", properties.trustedProxies());
        this.trusted = configured;
    }

    String sender(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (trusted.isEmpty() || !trusted.contains(peer)) {
            return peer;
        }
        List<String> forwarded = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
            for (String hop : header.split(",")) {
                forwarded.add(withoutPort(hop.strip()));
            }
        }
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            if (!trusted.contains(forwarded.get(i))) {
                return forwarded.get(i);
            }
        }
        return forwarded.isEmpty() ? peer : forwarded.get(0);
    }

    /** For tests and run-time re-configuration: trust these proxies from now on. */
    void override(String trustedProxies) {
        this.trusted = AddressList.parse("trusted proxies", trustedProxies);
    }

    void reset() {
        this.trusted = configured;
    }

    /** {@code 1.2.3.4:5678} and {@code [2001:db8::1]:443} as some proxies write them; a bare IPv6 address is left alone. */
    private static String withoutPort(String hop) {
        if (hop.startsWith("[") && hop.contains("]")) {
            return hop.substring(1, hop.indexOf(']'));
        }
        return hop.matches("[0-9.]+:\\d+") ? hop.substring(0, hop.indexOf(':')) : hop;
    }
}
