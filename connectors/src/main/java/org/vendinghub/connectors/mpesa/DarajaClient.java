package org.vendinghub.connectors.mpesa;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vendinghub.connectors.common.ProviderHttp;
import org.vendinghub.connectors.common.RejectedException;
import org.vendinghub.connectors.common.TransientException;
import org.vendinghub.connectors.mpesa.MpesaRecords.C2bRegistration;
import org.vendinghub.connectors.mpesa.MpesaRecords.C2bUrls;
import org.vendinghub.connectors.mpesa.MpesaRecords.Reversal;
import org.vendinghub.connectors.mpesa.MpesaRecords.ReversalAck;
import org.vendinghub.connectors.mpesa.MpesaRecords.StkPush;
import org.vendinghub.connectors.mpesa.MpesaRecords.StkPushAck;
import org.vendinghub.connectors.mpesa.MpesaRecords.StkQuery;
import org.vendinghub.connectors.mpesa.MpesaRecords.StkQueryResult;
import org.vendinghub.connectors.mpesa.MpesaRecords.TransactionStatusAck;
import org.vendinghub.connectors.mpesa.MpesaRecords.TransactionStatusQuery;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Safaricom Daraja over the JDK HTTP client: OAuth token (cached until a minute before it expires, renewed when Daraja
 * calls it invalid), STK push, STK status query, transaction reversal, transaction status and C2B URL registration. Each call is made once; every outcome is an
 * answer, a {@link RejectedException} or a {@link TransientException} whose code is {@code MPESA_<errorCode>} (the
 * gateway's {@code errorCode}), {@code MPESA_HTTP_<status>} or a network code ({@code MPESA_TIMEOUT}, …).
 */
public class DarajaClient {

    private static final Logger log = LoggerFactory.getLogger(DarajaClient.class);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneId.of("Africa/Nairobi"));
    /** Gateway codes that mean "our token is no good": forget it; the retry fetches a new one. */
    private static final Set<String> INVALID_TOKEN = Set.of("404.001.03", "400.003.01", "400.003.02");
    /** 5xx gateway codes that are not worth retrying: wrong credentials, merchant missing, subscriber locked. */
    private static final Set<String> REJECTED_5XX = Set.of("500.001.1001");

    private final MpesaSettings settings;
    private final ProviderHttp http;
    private final Clock clock;
    private volatile Token token;

    private record Token(String key, String value, Instant renewAt) {
    }

    public DarajaClient(MpesaSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.http = new ProviderHttp("MPESA", Duration.ofMillis(settings.current().timeoutMs()));
    }

    public StkPushAck stkPush(StkPush push) {
        MpesaProperties p = requireConfigured("STK push " + push.reference());
        String timestamp = TIMESTAMP.format(clock.instant());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("BusinessShortCode", p.shortcode());
        body.put("Password", password(p, timestamp));
        body.put("Timestamp", timestamp);
        body.put("TransactionType", p.transactionType());
        body.put("Amount", push.amount());
        body.put("PartyA", push.phone());
        body.put("PartyB", p.shortcode());
        body.put("PhoneNumber", push.phone());
        body.put("CallBackURL", p.callbackUrl("stk"));
        body.put("AccountReference", cut(push.accountReference(), 12));
        body.put("TransactionDesc", cut(push.description(), 13));
        JsonNode answer = post(p, "/mpesa/stkpush/v1/processrequest", body, "STK push " + push.reference());
        String code = answer.path("ResponseCode").asText("");
        if (!"0".equals(code)) {
            throw new RejectedException("MPESA_STK_" + code, "Daraja did not accept STK push " + push.reference() + ": "
                    + text(p, answer.path("ResponseDescription").asText("")) + " (ResponseCode " + code + ")");
        }
        StkPushAck ack = new StkPushAck(answer.path("MerchantRequestID").asText(""), answer.path("CheckoutRequestID").asText(""),
                answer.path("ResponseDescription").asText(""), answer.path("CustomerMessage").asText(""));
        if (ack.checkoutRequestId().isEmpty()) {
            throw new TransientException("MPESA_BAD_RESPONSE", "Daraja accepted STK push " + push.reference()
                    + " without a CheckoutRequestID: " + text(p, answer.toString()));
        }
        log.info("STK push {} accepted by Daraja as {}", push.reference(), ack.checkoutRequestId());
        return ack;
    }

    public StkQueryResult stkQuery(StkQuery query) {
        MpesaProperties p = requireConfigured("STK query " + query.checkoutRequestId());
        String timestamp = TIMESTAMP.format(clock.instant());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("BusinessShortCode", p.shortcode());
        body.put("Password", password(p, timestamp));
        body.put("Timestamp", timestamp);
        body.put("CheckoutRequestID", query.checkoutRequestId());
        try {
            JsonNode answer = post(p, "/mpesa/stkpushquery/v1/query", body, "STK query " + query.checkoutRequestId());
            if (!answer.hasNonNull("ResultCode")) {
                return new StkQueryResult(true, null, answer.path("ResponseDescription").asText(""));
            }
            return new StkQueryResult(false, answer.path("ResultCode").asText(), answer.path("ResultDesc").asText(""));
        } catch (RejectedException e) {
            if ("MPESA_500.001.1001".equals(e.code())) {
                // "The transaction is being processed": the payer has not answered the prompt yet
                return new StkQueryResult(true, null, e.getMessage());
            }
            throw e;
        }
    }

    public ReversalAck reversal(Reversal reversal) {
        MpesaProperties p = requireConfigured("reversal " + reversal.refundId());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Initiator", p.initiator());
        body.put("SecurityCredential", p.securityCredential());
        body.put("CommandID", "TransactionReversal");
        body.put("TransactionID", reversal.transactionId());
        body.put("Amount", reversal.amount());
        body.put("ReceiverParty", p.shortcode());
        body.put("RecieverIdentifierType", "11"); // sic, Daraja's spelling
        body.put("ResultURL", p.callbackUrl("reversal/" + reversal.refundId()));
        body.put("QueueTimeOutURL", p.callbackUrl("reversal-timeout/" + reversal.refundId()));
        body.put("Remarks", cut(reversal.remarks(), 100));
        body.put("Occasion", reversal.refundId());
        JsonNode answer = post(p, "/mpesa/reversal/v1/request", body, "reversal " + reversal.refundId());
        String code = answer.path("ResponseCode").asText("");
        if (!"0".equals(code)) {
            throw new RejectedException("MPESA_REVERSAL_" + code, "Daraja did not accept reversal " + reversal.refundId() + ": "
                    + text(p, answer.path("ResponseDescription").asText("")) + " (ResponseCode " + code + ")");
        }
        return new ReversalAck(answer.path("OriginatorConversationID").asText(""), answer.path("ConversationID").asText(""),
                answer.path("ResponseDescription").asText(""));
    }

    /**
     * Transaction Status ({@code TransactionStatusQuery}) for the paybill: by receipt when one is given, otherwise by
     * {@code OriginalConversationID}. The answer only says "accepted"; the result comes to
     * {@code /callbacks/mpesa/<secret>/status/<resultKey>} (or {@code status-timeout/...}).
     */
    public TransactionStatusAck transactionStatus(TransactionStatusQuery query) {
        MpesaProperties p = requireConfigured("transaction status " + query.resultKey());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Initiator", p.initiator());
        body.put("SecurityCredential", p.securityCredential());
        body.put("CommandID", "TransactionStatusQuery");
        if (query.transactionId() != null) {
            body.put("TransactionID", query.transactionId());
        } else {
            body.put("OriginalConversationID", query.originalConversationId());
        }
        body.put("PartyA", p.shortcode());
        body.put("IdentifierType", "4"); // 4: organisation shortcode
        body.put("ResultURL", p.callbackUrl("status/" + query.resultKey()));
        body.put("QueueTimeOutURL", p.callbackUrl("status-timeout/" + query.resultKey()));
        body.put("Remarks", cut(query.remarks(), 100));
        body.put("Occasion", query.resultKey());
        String what = "transaction status " + query.resultKey();
        JsonNode answer = post(p, "/mpesa/transactionstatus/v1/query", body, what);
        String code = answer.path("ResponseCode").asText("");
        if (!"0".equals(code)) {
            throw new RejectedException("MPESA_STATUS_" + code, "Daraja did not accept " + what + ": "
                    + text(p, answer.path("ResponseDescription").asText("")) + " (ResponseCode " + code + ")");
        }
        return new TransactionStatusAck(answer.path("OriginatorConversationID").asText(""), answer.path("ConversationID").asText(""),
                answer.path("ResponseDescription").asText(""));
    }

    /**
     * Registers the paybill's confirmation and validation URLs. Daraja answers a repeat with the gateway error
     * 500.003.1001 "Urls are already registered" (production registration is one-time): that is an answer, not a fault.
     */
    public C2bRegistration registerC2bUrls(C2bUrls urls) {
        MpesaProperties p = requireConfigured("C2B URL registration");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ShortCode", p.shortcode());
        body.put("ResponseType", urls.responseType());
        body.put("ConfirmationURL", urls.confirmationUrl());
        body.put("ValidationURL", urls.validationUrl());
        JsonNode answer;
        try {
            answer = post(p, "/mpesa/c2b/v1/registerurl", body, "C2B URL registration for " + p.shortcode());
        } catch (TransientException e) {
            if ("MPESA_500.003.1001".equals(e.code()) && e.getMessage().toLowerCase(Locale.ROOT).contains("already registered")) {
                return new C2bRegistration(true, null, "Urls are already registered");
            }
            throw e;
        }
        String code = answer.path("ResponseCode").asText("");
        if (!"0".equals(code)) {
            throw new RejectedException("MPESA_C2B_" + code, "Daraja did not register the C2B URLs of " + p.shortcode() + ": "
                    + text(p, answer.path("ResponseDescription").asText("")) + " (ResponseCode " + code + ")");
        }
        // "OriginatorCoversationID" (sic) is how Daraja spells it here
        String originator = answer.path("OriginatorCoversationID").asText(answer.path("OriginatorConversationID").asText(""));
        return new C2bRegistration(false, originator, answer.path("ResponseDescription").asText(""));
    }

    /** Forgets the cached OAuth token (also done by itself when Daraja calls it invalid). */
    public void forgetToken() {
        token = null;
    }

    private JsonNode post(MpesaProperties p, String path, Map<String, Object> body, String what) {
        String bearer = accessToken(p);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base(p) + path))
                .timeout(Duration.ofMillis(p.timeoutMs()))
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ProviderHttp.write(body)))
                .build();
        HttpResponse<String> response = http.send(request, what);
        return judge(p, response, what);
    }

    private synchronized String accessToken(MpesaProperties p) {
        String key = p.baseUrl() + "|" + p.consumerKey();
        Token cached = token;
        if (cached != null && cached.key().equals(key) && clock.instant().isBefore(cached.renewAt())) {
            return cached.value();
        }
        String basic = Base64.getEncoder().encodeToString((p.consumerKey() + ":" + p.consumerSecret()).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base(p) + "/oauth/v1/generate?grant_type=client_credentials"))
                .timeout(Duration.ofMillis(p.timeoutMs()))
                .header("Authorization", "Basic " + basic)
                .header("Accept", "application/json")
                .GET()
                .build();
        JsonNode answer = judge(p, http.send(request, "the OAuth token"), "the OAuth token");
        String value = answer.path("access_token").asText("");
        if (value.isEmpty()) {
            throw new TransientException("MPESA_BAD_RESPONSE", "Daraja answered the OAuth token request without an access_token");
        }
        long expiresIn = answer.path("expires_in").asLong(3599); // a string in Daraja's answer; asLong parses it
        token = new Token(key, value, clock.instant().plusSeconds(Math.max(0, expiresIn - 60)));
        log.info("Daraja OAuth token renewed, valid for {} s", expiresIn);
        return value;
    }

    private JsonNode judge(MpesaProperties p, HttpResponse<String> response, String what) {
        int status = response.statusCode();
        JsonNode body = ProviderHttp.json(response.body());
        if (status >= 200 && status <= 299) {
            if (body.isMissingNode()) {
                throw new TransientException("MPESA_BAD_RESPONSE", "Daraja answered " + what + " with something that is not JSON: "
                        + text(p, response.body()));
            }
            return body;
        }
        String errorCode = body.path("errorCode").asText("");
        String said = text(p, body.path("errorMessage").asText(response.body()));
        String code = errorCode.isEmpty() ? "MPESA_HTTP_" + status : "MPESA_" + errorCode;
        String message = "Daraja " + host(p) + " refused " + what + " with HTTP " + status
                + (errorCode.isEmpty() ? "" : " " + errorCode) + ": " + said;
        if (status == 401 || INVALID_TOKEN.contains(errorCode)) {
            forgetToken();
            throw new TransientException(code, message + " (token renewed on the next attempt)");
        }
        if (errorCode.startsWith("400.008")) {
            throw new RejectedException(code, message + ": check HUB_MPESA_CONSUMER_KEY and HUB_MPESA_CONSUMER_SECRET");
        }
        if ((status >= 500 || status == 429) && !REJECTED_5XX.contains(errorCode)) {
            throw new TransientException(code, message);
        }
        throw new RejectedException(code, message);
    }

    private MpesaProperties requireConfigured(String what) {
        MpesaProperties p = settings.current();
        if (!p.configured()) {
            throw new RejectedException("MPESA_NOT_CONFIGURED", "M-Pesa is not configured: set HUB_MPESA_CONSUMER_KEY and "
                    + "HUB_MPESA_CONSUMER_SECRET; " + what + " was not sent");
        }
        return p;
    }

    static String password(MpesaProperties p, String timestamp) {
        return Base64.getEncoder().encodeToString((p.shortcode() + p.passkey() + timestamp).getBytes(StandardCharsets.UTF_8));
    }

    private static String base(MpesaProperties p) {
        return p.baseUrl().endsWith("/") ? p.baseUrl().substring(0, p.baseUrl().length() - 1) : p.baseUrl();
    }

    private static String host(MpesaProperties p) {
        return URI.create(p.baseUrl()).getHost();
    }

    private static String text(MpesaProperties p, String s) {
        return ProviderHttp.providerText(s, p.secrets());
    }

    private static String cut(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
    }
}
