package org.vendinghub.connectors.momo;

import com.fasterxml.jackson.databind.JsonNode;
import org.vendinghub.connectors.common.ProviderHttp;
import org.vendinghub.connectors.common.RejectedException;
import org.vendinghub.connectors.common.TransientException;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * What every MoMo call shares: the settings in force, one access token per product (cached until a minute before it
 * expires, forgotten on a 401), the authenticated request, and the judgement of an answer: the body on 2xx,
 * {@link RejectedException} ({@code MOMO_<code>} from MoMo's {@code {"code","message"}} or {@code MOMO_HTTP_<status>})
 * or {@link TransientException} (5xx, 429, network). Makes each call once: retries belong to the calling route.
 */
public class MomoGateway {

    private final MomoSettings settings;
    private final ProviderHttp http;
    private final Clock clock;
    private final Map<MomoProduct, Token> tokens = new EnumMap<>(MomoProduct.class);

    private record Token(String key, String value, Instant renewAt) {
    }

    public MomoGateway(MomoSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.http = new ProviderHttp("MOMO", Duration.ofMillis(settings.current().timeoutMs()));
    }

    /** The settings in force, once the product's credentials are set; otherwise nothing is sent. */
    MomoProperties require(MomoProduct product, String what) {
        MomoProperties p = settings.current();
        if (!product.configured(p)) {
            throw new RejectedException(product.notConfiguredCode, "MoMo " + product.path + " is not configured: set "
                    + product.settingsToCheck + "; " + what + " was not sent");
        }
        return p;
    }

    /** A request to {@code path} with the product's bearer token, subscription key and target environment. */
    HttpRequest.Builder request(MomoProduct product, MomoProperties p, String path) {
        return HttpRequest.newBuilder(URI.create(base(p) + path))
                .timeout(Duration.ofMillis(p.timeoutMs()))
                .header("Authorization", "Bearer " + bearer(product, p))
                .header("X-Target-Environment", p.targetEnvironment())
                .header("Ocp-Apim-Subscription-Key", product.subscriptionKey(p));
    }

    HttpResponse<String> send(HttpRequest request, String what) {
        return http.send(request, what);
    }

    JsonNode judge(MomoProduct product, MomoProperties p, HttpResponse<String> response, String what) {
        int status = response.statusCode();
        JsonNode body = ProviderHttp.json(response.body());
        if (status >= 200 && status <= 299) {
            return body;
        }
        String errorCode = body.path("code").asText(body.path("error").asText(""));
        String said = ProviderHttp.providerText(body.path("message").asText(response.body()), p.secrets());
        String code = errorCode.isEmpty() ? "MOMO_HTTP_" + status : "MOMO_" + errorCode.toUpperCase(Locale.ROOT);
        String message = "MoMo " + URI.create(p.baseUrl()).getHost() + " refused " + what + " with HTTP " + status
                + (errorCode.isEmpty() ? "" : " " + errorCode) + ": " + said;
        if (status == 401) {
            forget(product);
            throw new RejectedException(code, message + ": check " + product.settingsToCheck);
        }
        if (status >= 500 || status == 429) {
            throw new TransientException(code, message);
        }
        throw new RejectedException(code, message);
    }

    /** The failure reason of a status resource: MoMo sends it as a bare string or as {code, message}. */
    static String reason(JsonNode body) {
        JsonNode reason = body.path("reason");
        return reason.isObject() ? reason.path("code").asText(null) : reason.isTextual() ? reason.asText() : null;
    }

    private synchronized void forget(MomoProduct product) {
        tokens.remove(product);
    }

    private synchronized String bearer(MomoProduct product, MomoProperties p) {
        String key = p.baseUrl() + "|" + product.apiUser(p);
        Token cached = tokens.get(product);
        if (cached != null && cached.key().equals(key) && clock.instant().isBefore(cached.renewAt())) {
            return cached.value();
        }
        String basic = Base64.getEncoder().encodeToString((product.apiUser(p) + ":" + product.apiKey(p)).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base(p) + "/" + product.path + "/token/"))
                .timeout(Duration.ofMillis(p.timeoutMs()))
                .header("Authorization", "Basic " + basic)
                .header("Ocp-Apim-Subscription-Key", product.subscriptionKey(p))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        String what = "the MoMo " + product.path + " token";
        JsonNode answer = judge(product, p, http.send(request, what), what);
        String value = answer.path("access_token").asText("");
        if (value.isEmpty()) {
            throw new TransientException("MOMO_BAD_RESPONSE", "MoMo answered the " + product.path + " token request without an access_token");
        }
        long expiresIn = answer.path("expires_in").asLong(3600);
        tokens.put(product, new Token(key, value, clock.instant().plusSeconds(Math.max(0, expiresIn - 60))));
        return value;
    }

    private static String base(MomoProperties p) {
        return p.baseUrl().endsWith("/") ? p.baseUrl().substring(0, p.baseUrl().length() - 1) : p.baseUrl();
    }
}
