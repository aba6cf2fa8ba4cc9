package org.vendinghub.connectors.momo;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vendinghub.connectors.common.ProviderHttp;
import org.vendinghub.connectors.common.RejectedException;
import org.vendinghub.connectors.common.TransientException;
import org.vendinghub.connectors.momo.MomoRecords.PaymentStatus;
import org.vendinghub.connectors.momo.MomoRecords.RequestToPay;
import org.vendinghub.connectors.momo.MomoRecords.RequestToPayAck;
import org.vendinghub.connectors.momo.MomoRecords.StatusQuery;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * MTN MoMo Collections over the JDK HTTP client: token (cached), request-to-pay and its status. One call each; outcomes
 * are answers, {@link RejectedException} ({@code MOMO_<code>} from MoMo's {@code {"code","message"}} or
 * {@code MOMO_HTTP_<status>}) or {@link TransientException} (5xx, 429, network).
 */
public class MomoClient {

    private static final Logger log = LoggerFactory.getLogger(MomoClient.class);

    private final MomoSettings settings;
    private final ProviderHttp http;
    private final Clock clock;
    private volatile Token token;

    private record Token(String key, String value, Instant renewAt) {
    }

    public MomoClient(MomoSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.http = new ProviderHttp("MOMO", Duration.ofMillis(settings.current().timeoutMs()));
    }

    public RequestToPayAck requestToPay(RequestToPay rtp) {
        MomoProperties p = requireConfigured("request-to-pay " + rtp.referenceId());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", rtp.amount());
        body.put("currency", rtp.currency());
        body.put("externalId", rtp.externalId());
        body.put("payer", Map.of("partyIdType", "MSISDN", "partyId", rtp.msisdn()));
        body.put("payerMessage", rtp.payerMessage());
        body.put("payeeNote", rtp.payeeNote());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base(p) + "/collection/v1_0/requesttopay"))
                .timeout(Duration.ofMillis(p.timeoutMs()))
                .header("Authorization", "Bearer " + accessToken(p))
                .header("X-Reference-Id", rtp.referenceId())
                .header("X-Target-Environment", p.targetEnvironment())
                .header("Ocp-Apim-Subscription-Key", p.subscriptionKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ProviderHttp.write(body)));
        if (!p.callbackUrl().isEmpty()) {
            request.header("X-Callback-Url", p.callbackUrl());
        }
        String what = "request-to-pay " + rtp.referenceId();
        HttpResponse<String> response = http.send(request.build(), what);
        if (response.statusCode() == 409) {
            log.info("MoMo already has request-to-pay {} (409): its status will tell", rtp.referenceId());
            return new RequestToPayAck(rtp.referenceId(), true);
        }
        judge(p, response, what);
        return new RequestToPayAck(rtp.referenceId(), false);
    }

    public PaymentStatus status(StatusQuery query) {
        MomoProperties p = requireConfigured("status of " + query.referenceId());
        HttpRequest request = HttpRequest.newBuilder(URI.create(base(p) + "/collection/v1_0/requesttopay/" + query.referenceId()))
                .timeout(Duration.ofMillis(p.timeoutMs()))
                .header("Authorization", "Bearer " + accessToken(p))
                .header("X-Target-Environment", p.targetEnvironment())
                .header("Ocp-Apim-Subscription-Key", p.subscriptionKey())
                .GET().build();
        String what = "status of request-to-pay " + query.referenceId();
        HttpResponse<String> response = http.send(request, what);
        if (response.statusCode() == 404) {
            return new PaymentStatus("NOT_FOUND", "RESOURCE_NOT_FOUND", null, null, null, null);
        }
        return parseStatus(judge(p, response, what));
    }

    /** Reads a status resource or a callback body. */
    public static PaymentStatus parseStatus(JsonNode body) {
        JsonNode reason = body.path("reason");
        String reasonCode = reason.isObject() ? reason.path("code").asText(null) : reason.isTextual() ? reason.asText() : null;
        return new PaymentStatus(body.path("status").asText("").toUpperCase(java.util.Locale.ROOT), reasonCode,
                body.path("financialTransactionId").asText(null), body.path("externalId").asText(null),
                body.path("amount").asText(null), body.path("currency").asText(null));
    }

    private synchronized String accessToken(MomoProperties p) {
        String key = p.baseUrl() + "|" + p.apiUser();
        Token cached = token;
        if (cached != null && cached.key().equals(key) && clock.instant().isBefore(cached.renewAt())) {
            return cached.value();
        }
        String basic = Base64.getEncoder().encodeToString((p.apiUser() + ":" + p.apiKey()).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base(p) + "/collection/token/"))
                .timeout(Duration.ofMillis(p.timeoutMs()))
                .header("Authorization", "Basic " + basic)
                .header("Ocp-Apim-Subscription-Key", p.subscriptionKey())
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        JsonNode answer = judge(p, http.send(request, "the MoMo token"), "the MoMo token");
        String value = answer.path("access_token").asText("");
        if (value.isEmpty()) {
            throw new TransientException("MOMO_BAD_RESPONSE", "MoMo answered the token request without an access_token");
        }
        long expiresIn = answer.path("expires_in").asLong(3600);
        token = new Token(key, value, clock.instant().plusSeconds(Math.max(0, expiresIn - 60)));
        return value;
    }

    private JsonNode judge(MomoProperties p, HttpResponse<String> response, String what) {
        int status = response.statusCode();
        JsonNode body = ProviderHttp.json(response.body());
        if (status >= 200 && status <= 299) {
            return body;
        }
        String errorCode = body.path("code").asText(body.path("error").asText(""));
        String said = ProviderHttp.providerText(body.path("message").asText(response.body()), p.secrets());
        String code = errorCode.isEmpty() ? "MOMO_HTTP_" + status : "MOMO_" + errorCode.toUpperCase(java.util.Locale.ROOT);
        String message = "MoMo " + URI.create(p.baseUrl()).getHost() + " refused " + what + " with HTTP " + status
                + (errorCode.isEmpty() ? "" : " " + errorCode) + ": " + said;
        if (status == 401) {
            token = null;
            throw new RejectedException(code, message + ": check HUB_MOMO_API_USER, HUB_MOMO_API_KEY and HUB_MOMO_SUBSCRIPTION_KEY");
        }
        if (status >= 500 || status == 429) {
            throw new TransientException(code, message);
        }
        throw new RejectedException(code, message);
    }

    private MomoProperties requireConfigured(String what) {
        MomoProperties p = settings.current();
        if (!p.configured()) {
            throw new RejectedException("MOMO_NOT_CONFIGURED", "MoMo is not configured: set HUB_MOMO_SUBSCRIPTION_KEY, "
                    + "HUB_MOMO_API_USER and HUB_MOMO_API_KEY; " + what + " was not sent");
        }
        return p;
    }

    private static String base(MomoProperties p) {
        return p.baseUrl().endsWith("/") ? p.baseUrl().substring(0, p.baseUrl().length() - 1) : p.baseUrl();
    }
}
