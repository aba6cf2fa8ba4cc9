package org.vendinghub.connectors.momo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

/**
 * MTN MoMo Open API, Collections product ({@code hub.momo.*}, env {@code HUB_MOMO_*}). Secrets (subscription key, API
 * user and key, callback secret) are never printed.
 *
 * @param baseUrl           {@code https://sandbox.momodeveloper.mtn.com} or {@code https://proxy.momoapi.mtn.com}
 * @param targetEnvironment {@code sandbox}, or the country environment ({@code mtnzambia}, …)
 * @param currency          the currency requests are made in ({@code EUR} in the sandbox)
 * @param callbackBaseUrl   the hub's public base URL; its host must be the API user's providerCallbackHost. Empty: no
 *                          X-Callback-Url is sent and only polling finds the outcome
 * @param callbackSecret    the unguessable path segment of the MoMo callback URL; empty: every callback is refused
 */
@ConfigurationProperties("hub.momo")
public record MomoProperties(
        @DefaultValue("https://sandbox.momodeveloper.mtn.com") String baseUrl,
        @DefaultValue("") String subscriptionKey,
        @DefaultValue("") String apiUser,
        @DefaultValue("") String apiKey,
        @DefaultValue("sandbox") String targetEnvironment,
        @DefaultValue("EUR") String currency,
        @DefaultValue("") String callbackBaseUrl,
        @DefaultValue("") String callbackSecret,
        @DefaultValue("") String allowedIps,
        @DefaultValue("10000") int timeoutMs) {

    public MomoProperties {
        baseUrl = strip(baseUrl);
        subscriptionKey = strip(subscriptionKey);
        apiUser = strip(apiUser);
        apiKey = strip(apiKey);
        targetEnvironment = strip(targetEnvironment);
        currency = strip(currency);
        callbackBaseUrl = strip(callbackBaseUrl);
        callbackSecret = strip(callbackSecret);
        allowedIps = strip(allowedIps);
        URI uri = URI.create(baseUrl.isEmpty() ? "x" : baseUrl);
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("hub.momo.base-url must be an http(s) URL such as https://proxy.momoapi.mtn.com, was '"
                    + baseUrl + "'");
        }
        if (timeoutMs <= 0) {
            throw new IllegalArgumentException("hub.momo.timeout-ms must be positive, was " + timeoutMs);
        }
    }

    /** A copy for tests: another host, credentials, currency and callback secret. */
    public MomoProperties with(String url, String subscriptionKey, String apiUser, String apiKey, String currency,
                               String callbackBaseUrl, String callbackSecret, int timeoutMs) {
        return new MomoProperties(url, subscriptionKey, apiUser, apiKey, targetEnvironment, currency, callbackBaseUrl,
                callbackSecret, allowedIps, timeoutMs);
    }

    public boolean configured() {
        return !subscriptionKey.isEmpty() && !apiUser.isEmpty() && !apiKey.isEmpty();
    }

    public List<String> allowedIpList() {
        return allowedIps.isEmpty() ? List.of() : Arrays.stream(allowedIps.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** {@code <callback-base-url>/callbacks/momo/<secret>/requesttopay}, or empty when no callback base URL is set. */
    public String callbackUrl() {
        if (callbackBaseUrl.isEmpty()) {
            return "";
        }
        String base = callbackBaseUrl.endsWith("/") ? callbackBaseUrl.substring(0, callbackBaseUrl.length() - 1) : callbackBaseUrl;
        return base + "/callbacks/momo/" + callbackSecret + "/requesttopay";
    }

    List<String> secrets() {
        return List.of(subscriptionKey, apiUser, apiKey, callbackSecret);
    }

    @Override
    public String toString() {
        return "MomoProperties[baseUrl=" + baseUrl + ", subscriptionKey=" + mask(subscriptionKey) + ", apiUser=" + mask(apiUser)
                + ", apiKey=" + mask(apiKey) + ", targetEnvironment=" + targetEnvironment + ", currency=" + currency
                + ", callbackBaseUrl=" + callbackBaseUrl + ", callbackSecret=" + mask(callbackSecret) + ", allowedIps=" + allowedIps
                + ", timeoutMs=" + timeoutMs + "]";
    }

    private static String mask(String secret) {
        return secret.isEmpty() ? "" : "***";
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
