package org.vendinghub.connectors.sms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vendinghub.connectors.common.RejectedException;
import org.vendinghub.connectors.common.TransientException;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Sends one SMS through an Africa's-Talking-shaped HTTP API and sorts every outcome into a receipt, a
 * {@link RejectedException} or a {@link TransientException}. It never retries. The request is built from the
 * {@link SmsMessage} alone, so no Camel header reaches the gateway and no gateway header reaches the exchange.
 */
public class SmsGateway {

    private static final Logger log = LoggerFactory.getLogger(SmsGateway.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Per-recipient codes that mean the gateway took the message: processed, sent, queued. */
    private static final Set<Integer> ACCEPTED = Set.of(100, 101, 102);
    private static final int PROVIDER_TEXT_LENGTH_MAX = 200;

    private final SmsProperties configured;
    /** The settings in force: {@code hub.sms.*}, unless {@link #override} re-pointed them (tests sharing one hub do). */
    private volatile SmsProperties properties;
    private final HttpClient http;

    public SmsGateway(SmsProperties properties) {
        this.configured = properties;
        this.properties = properties;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofMillis(properties.timeoutMs()))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Sends every SMS from now on with {@code properties} (another gateway URL or api key) until {@link #reset}. */
    public void override(SmsProperties properties) {
        this.properties = properties;
    }

    /** Back to the configured {@code hub.sms.*}. */
    public void reset() {
        this.properties = configured;
    }

    /** Posts {@code sms} to the gateway once; returns its receipt or throws. */
    public SmsReceipt send(SmsMessage sms) {
        if (!properties.configured()) {
            throw new RejectedException("SMS_NOT_CONFIGURED", "no SMS gateway configured: set HUB_SMS_API_KEY"
                    + " (and HUB_SMS_USERNAME) to send SMS; SMS " + sms.reference() + " was not sent");
        }
        HttpResponse<String> response = post(sms);
        int status = response.statusCode();
        if (status == 429 || status >= 500) {
            throw new TransientException("SMS_HTTP_" + status, "SMS gateway " + gateway() + " answered HTTP " + status
                    + " to SMS " + sms.reference() + ": " + providerText(response.body()));
        }
        if (status == 401 || status == 403) {
            throw new RejectedException("SMS_HTTP_" + status, "SMS gateway " + gateway() + " refused our credentials"
                    + " (HTTP " + status + ") for SMS " + sms.reference() + ": check HUB_SMS_USERNAME and HUB_SMS_API_KEY; "
                    + "gateway said: " + providerText(response.body()));
        }
        if (status < 200 || status > 299) {
            throw new RejectedException("SMS_HTTP_" + status, "SMS gateway " + gateway() + " refused SMS "
                    + sms.reference() + " with HTTP " + status + ": " + providerText(response.body()));
        }
        SmsReceipt receipt = receiptFrom(sms, response.body());
        log.info("SMS {} to {} accepted by the gateway as {} ({} {})",
                sms.reference(), sms.to(), receipt.messageId(), receipt.statusCode(), receipt.status());
        return receipt;
    }

    private HttpResponse<String> post(SmsMessage sms) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", properties.username());
        form.put("to", sms.to());
        form.put("message", sms.text());
        if (!properties.senderId().isEmpty()) {
            form.put("from", properties.senderId());
        }
        HttpRequest request = HttpRequest.newBuilder(properties.messagingUri())
                .timeout(Duration.ofMillis(properties.timeoutMs()))
                .header("apiKey", properties.apiKey())
                .header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formEncoded(form)))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            throw new TransientException("SMS_CONNECT_TIMEOUT", "could not connect to SMS gateway " + gateway()
                    + " within " + properties.timeoutMs() + " ms; SMS " + sms.reference() + " was not sent", e);
        } catch (HttpTimeoutException e) {
            throw new TransientException("SMS_TIMEOUT", "SMS gateway " + gateway() + " did not answer within "
                    + properties.timeoutMs() + " ms; SMS " + sms.reference() + " may or may not have been sent", e);
        } catch (IOException e) {
            throw new TransientException("SMS_IO", "could not reach SMS gateway " + gateway() + " for SMS "
                    + sms.reference() + ": " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientException("SMS_INTERRUPTED", "interrupted while sending SMS " + sms.reference()
                    + " (the hub is stopping?)", e);
        }
    }

    private SmsReceipt receiptFrom(SmsMessage sms, String body) {
        JsonNode data;
        try {
            data = JSON.readTree(body).path("SMSMessageData");
        } catch (JsonProcessingException e) {
            data = null;
        }
        if (data == null || !data.isObject()) {
            throw new TransientException("SMS_BAD_RESPONSE", "SMS gateway " + gateway() + " answered SMS "
                    + sms.reference() + " with something that is not an SMSMessageData response: " + providerText(body));
        }
        JsonNode recipient = data.path("Recipients").path(0);
        if (!recipient.isObject()) {
            throw new RejectedException("SMS_NOT_SENT", "SMS gateway " + gateway() + " sent SMS " + sms.reference()
                    + " to nobody: " + providerText(data.path("Message").asText("")));
        }
        int statusCode = recipient.path("statusCode").asInt(-1);
        String status = recipient.path("status").asText("");
        if (!ACCEPTED.contains(statusCode)) {
            throw new RejectedException("SMS_" + statusCode, "SMS gateway " + gateway() + " refused SMS "
                    + sms.reference() + " to " + sms.to() + ": " + providerText(status) + " (status " + statusCode + ")");
        }
        return new SmsReceipt(recipient.path("messageId").asText(""), status, statusCode,
                recipient.path("cost").asText(""));
    }

    private String gateway() {
        return properties.messagingUri().getHost();
    }

    /** The provider's own words, short and with our api key blanked in case it is echoed. */
    private String providerText(String text) {
        String shown = text == null || text.isBlank() ? "(no text)" : text.strip().replaceAll("\\s+", " ");
        if (properties.configured()) {
            shown = shown.replace(properties.apiKey(), "***");
        }
        return shown.length() <= PROVIDER_TEXT_LENGTH_MAX ? shown : shown.substring(0, PROVIDER_TEXT_LENGTH_MAX) + "...";
    }

    private static String describe(IOException e) {
        String detail = e.getMessage() != null ? e.getMessage()
                : e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : "";
        return e.getClass().getSimpleName() + (detail.isEmpty() ? "" : " " + detail);
    }

    private static String formEncoded(Map<String, String> form) {
        return form.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
