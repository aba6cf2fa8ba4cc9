package org.vendinghub.connectors.mpesa;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

/**
 * Safaricom Daraja ({@code hub.mpesa.*}, env {@code HUB_MPESA_*}). Documented in the README's "Mobile money" section.
 * Secrets (consumer key and secret, passkey, security credential, callback secret) are never printed.
 *
 * @param baseUrl            Daraja host: {@code https://sandbox.safaricom.co.ke} or {@code https://api.safaricom.co.ke}
 * @param shortcode          the paybill (BusinessShortCode, PartyB, reversal ReceiverParty)
 * @param transactionType    STK {@code CustomerPayBillOnline} (paybill) or {@code CustomerBuyGoodsOnline} (till)
 * @param callbackBaseUrl    the hub's public HTTPS base URL as Safaricom reaches it, e.g. {@code https://hub.example.com}
 * @param callbackSecret     the unguessable path segment of every M-Pesa callback URL; empty: every callback is refused
 * @param allowedIps         comma-separated source addresses allowed to call back; empty: any
 * @param initiator          API initiator user name for the reversal API
 * @param securityCredential the initiator password RSA-encrypted with Safaricom's certificate (Base64)
 * @param currency           the currency of the paybill's amounts
 * @param timeoutMs          connect timeout, and again the time allowed for each answer
 */
@ConfigurationProperties("hub.mpesa")
public record MpesaProperties(
        @DefaultValue("https://sandbox.safaricom.co.ke") String baseUrl,
        @DefaultValue("") String consumerKey,
        @DefaultValue("") String consumerSecret,
        @DefaultValue("174379") String shortcode,
        @DefaultValue("") String passkey,
        @DefaultValue("CustomerPayBillOnline") String transactionType,
        @DefaultValue("") String callbackBaseUrl,
        @DefaultValue("") String callbackSecret,
        @DefaultValue("") String allowedIps,
        @DefaultValue("") String initiator,
        @DefaultValue("") String securityCredential,
        @DefaultValue("KES") String currency,
        @DefaultValue("10000") int timeoutMs) {

    public MpesaProperties {
        baseUrl = strip(baseUrl);
        consumerKey = strip(consumerKey);
        consumerSecret = strip(consumerSecret);
        shortcode = strip(shortcode);
        passkey = strip(passkey);
        transactionType = strip(transactionType);
        callbackBaseUrl = strip(callbackBaseUrl);
        callbackSecret = strip(callbackSecret);
        allowedIps = strip(allowedIps);
        initiator = strip(initiator);
        securityCredential = strip(securityCredential);
        currency = strip(currency);
        URI uri = URI.create(baseUrl.isEmpty() ? "x" : baseUrl);
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("hub.mpesa.base-url must be an http(s) URL such as https://api.safaricom.co.ke, was '"
                    + baseUrl + "'");
        }
        if (timeoutMs <= 0) {
            throw new IllegalArgumentException("hub.mpesa.timeout-ms must be positive, was " + timeoutMs);
        }
    }

    public MpesaProperties withBaseUrl(String url) {
        return new MpesaProperties(url, consumerKey, consumerSecret, shortcode, passkey, transactionType, callbackBaseUrl,
                callbackSecret, allowedIps, initiator, securityCredential, currency, timeoutMs);
    }

    public MpesaProperties withCredentials(String key, String secret, String passkey, String callbackSecret) {
        return new MpesaProperties(baseUrl, key, secret, shortcode, passkey, transactionType, callbackBaseUrl,
                callbackSecret, allowedIps, initiator, securityCredential, currency, timeoutMs);
    }

    public MpesaProperties withAllowedIps(String ips) {
        return new MpesaProperties(baseUrl, consumerKey, consumerSecret, shortcode, passkey, transactionType, callbackBaseUrl,
                callbackSecret, ips, initiator, securityCredential, currency, timeoutMs);
    }

    public MpesaProperties withCallbackBaseUrl(String url) {
        return new MpesaProperties(baseUrl, consumerKey, consumerSecret, shortcode, passkey, transactionType, url,
                callbackSecret, allowedIps, initiator, securityCredential, currency, timeoutMs);
    }

    public MpesaProperties withTimeoutMs(int ms) {
        return new MpesaProperties(baseUrl, consumerKey, consumerSecret, shortcode, passkey, transactionType, callbackBaseUrl,
                callbackSecret, allowedIps, initiator, securityCredential, currency, ms);
    }

    /** True once the consumer key and secret are set; without them no Daraja call is made ({@code MPESA_NOT_CONFIGURED}). */
    public boolean configured() {
        return !consumerKey.isEmpty() && !consumerSecret.isEmpty();
    }

    public List<String> allowedIpList() {
        return allowedIps.isEmpty() ? List.of() : Arrays.stream(allowedIps.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Where Safaricom calls back: {@code <callback-base-url>/callbacks/mpesa/<secret>/<kind>}. */
    public String callbackUrl(String kind) {
        String base = callbackBaseUrl.endsWith("/") ? callbackBaseUrl.substring(0, callbackBaseUrl.length() - 1) : callbackBaseUrl;
        return base + "/callbacks/mpesa/" + callbackSecret + "/" + kind;
    }

    /**
     * The paybill's C2B URLs: {@code <callback-base-url>/callbacks/paybill/<secret>/<kind>}. Daraja refuses to register a
     * URL that contains "mpesa", "safaricom" and a few other words, so these do not live under {@code /callbacks/mpesa}.
     */
    public String c2bCallbackUrl(String kind) {
        String base = callbackBaseUrl.endsWith("/") ? callbackBaseUrl.substring(0, callbackBaseUrl.length() - 1) : callbackBaseUrl;
        return base + "/callbacks/paybill/" + callbackSecret + "/" + kind;
    }

    List<String> secrets() {
        return List.of(consumerKey, consumerSecret, passkey, securityCredential, callbackSecret);
    }

    @Override
    public String toString() {
        return "MpesaProperties[baseUrl=" + baseUrl + ", consumerKey=" + mask(consumerKey) + ", consumerSecret=" + mask(consumerSecret)
                + ", shortcode=" + shortcode + ", passkey=" + mask(passkey) + ", transactionType=" + transactionType
                + ", callbackBaseUrl=" + callbackBaseUrl + ", callbackSecret=" + mask(callbackSecret) + ", allowedIps=" + allowedIps
                + ", initiator=" + initiator + ", securityCredential=" + mask(securityCredential) + ", currency=" + currency
                + ", timeoutMs=" + timeoutMs + "]";
    }

    static String mask(String secret) {
        return secret.isEmpty() ? "" : "***";
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
