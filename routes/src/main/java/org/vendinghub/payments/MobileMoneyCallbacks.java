package org.vendinghub.payments;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.vendinghub.connectors.momo.MomoSettings;
import org.vendinghub.connectors.mpesa.MpesaSettings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The providers' callbacks. They cannot sign in (SecurityConfiguration lets {@code /callbacks/{mpesa,paybill,momo}/**}
 * through), so each URL carries an unguessable secret ({@code hub.mpesa.callback-secret}, {@code hub.momo.callback-secret}),
 * compared in constant time, and an optional source-IP allow-list checked against the sender ({@link CallbackSources}:
 * X-Forwarded-For counts only through a trusted proxy). A wrong secret or address gets 404 and only a log line; a
 * callback that passes is stored exactly as received before it is processed. The paybill's C2B URLs are also served
 * under {@code /callbacks/paybill/<secret>/}, because Daraja will not register a URL with "mpesa" in it.
 */
@RestController
@RequestMapping("/callbacks")
class MobileMoneyCallbacks {

    private static final Logger log = LoggerFactory.getLogger(MobileMoneyCallbacks.class);
    private static final List<String> KEPT_HEADERS = List.of("Content-Type", "User-Agent", "X-Forwarded-For", "X-Real-IP");

    private final PaymentStore store;
    private final MpesaPayments mpesa;
    private final MomoPayments momo;
    private final MpesaRefunds mpesaRefunds;
    private final MomoRefunds momoRefunds;
    private final MpesaSettings mpesaSettings;
    private final MomoSettings momoSettings;
    private final CallbackSources sources;

    MobileMoneyCallbacks(PaymentStore store, MpesaPayments mpesa, MomoPayments momo, MpesaRefunds mpesaRefunds,
                         MomoRefunds momoRefunds, MpesaSettings mpesaSettings, MomoSettings momoSettings, CallbackSources sources) {
        this.store = store;
        this.mpesa = mpesa;
        this.momo = momo;
        this.mpesaRefunds = mpesaRefunds;
        this.momoRefunds = momoRefunds;
        this.mpesaSettings = mpesaSettings;
        this.momoSettings = momoSettings;
        this.sources = sources;
    }

    @PostMapping(path = {"/mpesa/{secret}/c2b/validation", "/paybill/{secret}/validation"}, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> c2bValidation(@PathVariable String secret, @RequestBody(required = false) String body, HttpServletRequest request) {
        if (!mpesaAllowed(secret, request)) {
            return ResponseEntity.notFound().build();
        }
        JsonNode json = ProviderJson.read(body);
        long id = store(Payment.MPESA, "c2b-validation", json.path("TransID").asText(null), body, request);
        Map<String, String> reply = mpesa.validate(json);
        store.callbackProcessed(id, "ANSWERED " + reply.get("ResultCode"));
        return ResponseEntity.ok(reply);
    }

    @PostMapping(path = {"/mpesa/{secret}/c2b/confirmation", "/paybill/{secret}/confirmation"}, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> c2bConfirmation(@PathVariable String secret, @RequestBody(required = false) String body, HttpServletRequest request) {
        if (!mpesaAllowed(secret, request)) {
            return ResponseEntity.notFound().build();
        }
        JsonNode json = ProviderJson.read(body);
        long id = store(Payment.MPESA, "c2b-confirmation", json.path("TransID").asText(null), body, request);
        return process(id, () -> mpesa.confirm(json), Map.of("ResultCode", "0", "ResultDesc", "Accepted"));
    }

    @PostMapping(path = "/mpesa/{secret}/stk", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> stk(@PathVariable String secret, @RequestBody(required = false) String body, HttpServletRequest request) {
        if (!mpesaAllowed(secret, request)) {
            return ResponseEntity.notFound().build();
        }
        JsonNode json = ProviderJson.read(body);
        long id = store(Payment.MPESA, "stk", json.path("Body").path("stkCallback").path("CheckoutRequestID").asText(null), body, request);
        return process(id, () -> mpesa.stkCallback(id, json), Map.of("ResultCode", 0, "ResultDesc", "Accepted"));
    }

    @PostMapping(path = {"/mpesa/{secret}/reversal/{refundId}", "/mpesa/{secret}/reversal-timeout/{refundId}"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> reversal(@PathVariable String secret, @PathVariable String refundId, @RequestBody(required = false) String body,
                               HttpServletRequest request) {
        if (!mpesaAllowed(secret, request)) {
            return ResponseEntity.notFound().build();
        }
        boolean timeout = request.getRequestURI().contains("/reversal-timeout/");
        long id = store(Payment.MPESA, timeout ? "reversal-timeout" : "reversal", refundId, body, request);
        return process(id, () -> mpesaRefunds.reversalResult(refundId, ProviderJson.read(body), timeout),
                Map.of("ResultCode", 0, "ResultDesc", "Accepted"));
    }

    @PostMapping(path = {"/mpesa/{secret}/status/{refundId}", "/mpesa/{secret}/status-timeout/{refundId}"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> transactionStatus(@PathVariable String secret, @PathVariable String refundId,
                                        @RequestBody(required = false) String body, HttpServletRequest request) {
        if (!mpesaAllowed(secret, request)) {
            return ResponseEntity.notFound().build();
        }
        boolean timeout = request.getRequestURI().contains("/status-timeout/");
        long id = store(Payment.MPESA, timeout ? "status-timeout" : "status", refundId, body, request);
        return process(id, () -> mpesaRefunds.lookupResult(refundId, ProviderJson.read(body), timeout),
                Map.of("ResultCode", 0, "ResultDesc", "Accepted"));
    }

    @RequestMapping(path = "/momo/{secret}/requesttopay", method = {RequestMethod.PUT, RequestMethod.POST})
    ResponseEntity<?> momoRequestToPay(@PathVariable String secret, @RequestBody(required = false) String body, HttpServletRequest request) {
        if (!momoAllowed(secret, request)) {
            return ResponseEntity.notFound().build();
        }
        JsonNode json = ProviderJson.read(body);
        long id = store(Payment.MOMO, "requesttopay", json.path("externalId").asText(null), body, request);
        return process(id, () -> momo.callback(id, json), null);
    }

    @RequestMapping(path = "/momo/{secret}/refund/{refundId}", method = {RequestMethod.PUT, RequestMethod.POST})
    ResponseEntity<?> momoRefund(@PathVariable String secret, @PathVariable String refundId, @RequestBody(required = false) String body,
                                 HttpServletRequest request) {
        if (!momoAllowed(secret, request)) {
            return ResponseEntity.notFound().build();
        }
        long id = store(Payment.MOMO, "refund", refundId, body, request);
        return process(id, () -> momoRefunds.callback(refundId), null);
    }

    private ResponseEntity<?> process(long callbackId, Supplier<String> work, Object ack) {
        try {
            String outcome = work.get();
            if (outcome != null) {
                store.callbackProcessed(callbackId, outcome);
            }
            return ack == null ? ResponseEntity.ok().build() : ResponseEntity.ok(ack);
        } catch (RuntimeException e) {
            log.error("callback {} was stored but could not be processed: {}", callbackId, e.toString());
            store.callbackOutcome(callbackId, "ERROR: " + e);
            return ResponseEntity.internalServerError().build(); // the provider may send it again; processing is idempotent
        }
    }

    private long store(String provider, String kind, String correlation, String body, HttpServletRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : KEPT_HEADERS) {
            if (request.getHeader(name) != null) {
                headers.put(name, request.getHeader(name));
            }
        }
        return store.insertCallback(provider, kind, correlation, request.getMethod(), sources.sender(request),
                ProviderJson.write(headers), body);
    }

    private boolean mpesaAllowed(String secret, HttpServletRequest request) {
        return allowed(secret, mpesaSettings.current().callbackSecret(), mpesaSettings.current().allowedIps(), request);
    }

    private boolean momoAllowed(String secret, HttpServletRequest request) {
        return allowed(secret, momoSettings.current().callbackSecret(), momoSettings.current().allowedIps(), request);
    }

    private boolean allowed(String given, String expected, String allowedIps, HttpServletRequest request) {
        boolean secretOk = !expected.isEmpty()
                && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
        String sender = sources.sender(request);
        boolean ipOk;
        try {
            AddressList allowList = AddressList.parse("allowed-ips", allowedIps);
            ipOk = allowList.isEmpty() || allowList.contains(sender);
        } catch (IllegalArgumentException e) {
            log.error("ALERT callbacks are refused until the allow-list is fixed: {}", e.getMessage());
            ipOk = false;
        }
        if (!secretOk || !ipOk) {
            // audit line only: the path (with the wrong secret) and the body are not kept
            log.warn("AUDIT refused callback {} {} from {} (connection {}): {}", request.getMethod(),
                    request.getRequestURI().replaceFirst("^(/callbacks/[a-z]+/)[^/]*", "$1***"), sender, request.getRemoteAddr(),
                    !secretOk ? "wrong or unset path secret" : "source address not allowed");
            return false;
        }
        return true;
    }
}
