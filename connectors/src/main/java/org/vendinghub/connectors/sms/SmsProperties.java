package org.vendinghub.connectors.sms;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;

/**
 * The SMS gateway ({@code hub.sms.*}, env {@code HUB_SMS_*}): an Africa's-Talking-shaped HTTP API.
 * Documented in connectors/README.md. With no api key the hub starts but refuses to send SMS.
 *
 * @param baseUrl   scheme and host of the gateway, without {@code /version1/messaging}
 * @param username  the gateway account ({@code sandbox} on the sandbox host)
 * @param apiKey    the account's API key; secret: never printed
 * @param senderId  sender ID or short code shown on the phone; empty: the gateway's default
 * @param timeoutMs connect timeout, and again the time allowed for the answer
 */
@ConfigurationProperties("hub.sms")
public record SmsProperties(
        @DefaultValue("https://api.sandbox.africastalking.com") String baseUrl,
        @DefaultValue("sandbox") String username,
        @DefaultValue("") String apiKey,
        @DefaultValue("") String senderId,
        @DefaultValue("5000") int timeoutMs) {

    public SmsProperties {
        baseUrl = baseUrl == null ? "" : baseUrl.strip();
        username = username == null ? "" : username.strip();
        apiKey = apiKey == null ? "" : apiKey.strip();
        senderId = senderId == null ? "" : senderId.strip();
        URI uri = parse(baseUrl);
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "hub.sms.base-url must be an http(s) URL such as https://api.africastalking.com, was '" + baseUrl + "'");
        }
        if (timeoutMs <= 0) {
            throw new IllegalArgumentException("hub.sms.timeout-ms must be positive, was " + timeoutMs);
        }
    }

    /** True once an api key is set; without one {@code direct:sms-send} refuses with {@code SMS_NOT_CONFIGURED}. */
    public boolean configured() {
        return !apiKey.isEmpty();
    }

    /** The messaging endpoint: {@code baseUrl} + {@code /version1/messaging}. */
    public URI messagingUri() {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return URI.create(base + "/version1/messaging");
    }

    @Override
    public String toString() {
        return "SmsProperties[baseUrl=" + baseUrl + ", username=" + username
                + ", apiKey=" + (apiKey.isEmpty() ? "" : "***") + ", senderId=" + senderId + ", timeoutMs=" + timeoutMs + "]";
    }

    private static URI parse(String url) {
        try {
            return URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "hub.sms.base-url must be an http(s) URL such as https://api.africastalking.com, was '" + url + "'");
        }
    }
}
