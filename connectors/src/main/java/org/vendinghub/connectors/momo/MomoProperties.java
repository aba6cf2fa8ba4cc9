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
 * @param callbackSecret    the unguessable path segment of the MoMo callback URLs; empty: every callback is refused
 * @param disbursement      the Disbursement product's own credentials, used for refunds; empty: refunds end
 *                          REFUND_FAILED (MOMO_DISBURSEMENT_NOT_CONFIGURED) for an operator
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
        @DefaultValue("10000") int timeoutMs,
        @DefaultValue Disbursement disbursement) {

    /**
     * Credentials of MoMo's Disbursement product ({@code hub.momo.disbursement.*}, env
     * {@code HUB_MOMO_DISBURSEMENT_*}): a separate subscription, API user and API key from Collections.
     */
    public record Disbursement(@DefaultValue("") String subscriptionKey, @DefaultValue("") String apiUser,
                               @DefaultValue("") String apiKey) {

        public Disbursement {
            subscriptionKey = strip(subscriptionKey);
            apiUser = strip(apiUser);
            apiKey = strip(apiKey);
        }

        @Override
        public String toString() {
            return "Disbursement[subscriptionKey=" + mask(subscriptionKey) + ", apiUser=" + mask(apiUser) + ", apiKey=" + mask(apiKey) + "]";
        }
    }

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
        disbursement = disbursement == null ? new Disbursement("", "", "") : disbursement;
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
                callbackSecret, allowedIps, timeoutMs, disbursement);
    }

    /** A copy for tests: other Disbursement credentials. */
    public MomoProperties withDisbursement(String subscriptionKey, String apiUser, String apiKey) {
        return new MomoProperties(baseUrl, this.subscriptionKey, this.apiUser, this.apiKey, targetEnvironment, currency,
                callbackBaseUrl, callbackSecret, allowedIps, timeoutMs, new Disbursement(subscriptionKey, apiUser, apiKey));
    }

    /** A copy for tests: another callback source allow-list. */
    public MomoProperties withAllowedIps(String ips) {
        return new MomoProperties(baseUrl, subscriptionKey, apiUser, apiKey, targetEnvironment, currency, callbackBaseUrl,
                callbackSecret, ips, timeoutMs, disbursement);
    }

    /** True once the Collections credentials are set; without them no request-to-pay is sent. */
    public boolean configured() {
        return MomoProduct.COLLECTION.configured(this);
    }

    /** True once the Disbursement credentials are set; without them no refund is sent. */
    public boolean disbursementConfigured() {
        return MomoProduct.DISBURSEMENT.configured(this);
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

    /** {@code <callback-base-url>/callbacks/momo/<secret>/refund/<refundId>}, or empty when no callback base URL is set. */
    public String refundCallbackUrl(String refundId) {
        String requestToPay = callbackUrl();
        return requestToPay.isEmpty() ? "" : requestToPay.replaceFirst("/requesttopay$", "/refund/" + refundId);
    }

    List<String> secrets() {
        return List.of(subscriptionKey, apiUser, apiKey, callbackSecret, disbursement.subscriptionKey(), disbursement.apiUser(),
                disbursement.apiKey());
    }

    @Override
    public String toString() {
        return "MomoProperties[baseUrl=" + baseUrl + ", subscriptionKey=" + mask(subscriptionKey) + ", apiUser=" + mask(apiUser)
                + ", apiKey=" + mask(apiKey) + ", targetEnvironment=" + targetEnvironment + ", currency=" + currency
                + ", callbackBaseUrl=" + callbackBaseUrl + ", callbackSecret=" + mask(callbackSecret) + ", allowedIps=" + allowedIps
                + ", timeoutMs=" + timeoutMs + ", disbursement=" + disbursement + "]";
    }

    private static String mask(String secret) {
        return secret.isEmpty() ? "" : "***";
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
