package org.vendinghub.payments;

import org.springframework.stereotype.Service;
import org.vendinghub.audit.AuditLog;
import org.vendinghub.connectors.mpesa.MpesaProperties;
import org.vendinghub.connectors.mpesa.MpesaRecords.C2bRegistration;
import org.vendinghub.connectors.mpesa.MpesaRecords.C2bUrls;
import org.vendinghub.connectors.mpesa.MpesaSettings;
import org.vendinghub.domain.ValidationException;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Registers the paybill's C2B confirmation and validation URLs with Daraja ({@code registerurl}). The URLs are built from
 * {@code hub.mpesa.callback-base-url} and the callback secret, under {@code /callbacks/paybill/}, and checked first
 * against Daraja's own rules (public https, none of the words it refuses). Daraja's "Urls are already registered" is an
 * answer ({@code ALREADY_REGISTERED}), not a failure.
 */
@Service
class PaybillRegistration {

    static final Set<String> RESPONSE_TYPES = Set.of("Completed", "Cancelled");
    /** Words Daraja refuses anywhere in a registered URL, in any case. */
    private static final List<String> REFUSED_WORDS = List.of("mpesa", "m-pesa", "safaricom", "exe", "exec", "cmd", "sql", "query");

    /** The answer: {@code outcome} REGISTERED or ALREADY_REGISTERED; the URLs with their secret masked. */
    record Registered(String outcome, String shortCode, String responseType, String confirmationUrl, String validationUrl,
                      String providerAnswer) {
    }

    private final MpesaSettings settings;
    private final ProviderCalls calls;
    private final AuditLog audit;

    PaybillRegistration(MpesaSettings settings, ProviderCalls calls, AuditLog audit) {
        this.settings = settings;
        this.calls = calls;
        this.audit = audit;
    }

    Registered register(String responseType, String user) {
        String type = responseType == null ? "Completed" : responseType.strip();
        if (!RESPONSE_TYPES.contains(type)) {
            throw new ValidationException("responseType", "must be Completed or Cancelled, in that case: what M-Pesa does with a "
                    + "payment when the validation URL cannot be reached");
        }
        MpesaProperties p = settings.current();
        if (!p.configured()) {
            throw new PaymentRefusedException("MPESA_NOT_CONFIGURED", "set HUB_MPESA_CONSUMER_KEY and HUB_MPESA_CONSUMER_SECRET first");
        }
        if (p.callbackSecret().isEmpty() || !p.callbackBaseUrl().toLowerCase(Locale.ROOT).startsWith("https://")) {
            throw new PaymentRefusedException("CALLBACK_NOT_CONFIGURED", "set hub.mpesa.callback-base-url to the hub's public https:// "
                    + "address and hub.mpesa.callback-secret first");
        }
        String confirmation = p.c2bCallbackUrl("confirmation");
        String validation = p.c2bCallbackUrl("validation");
        for (String word : REFUSED_WORDS) {
            if (confirmation.toLowerCase(Locale.ROOT).contains(word)) {
                throw new PaymentRefusedException("BAD_CALLBACK_URL", "Daraja refuses URLs that contain '" + word
                        + "': change hub.mpesa.callback-base-url or hub.mpesa.callback-secret");
            }
        }
        C2bRegistration answer = calls.call("direct:mm-mpesa-c2b-register", new C2bUrls(type, confirmation, validation),
                C2bRegistration.class);
        String outcome = answer.alreadyRegistered() ? "ALREADY_REGISTERED" : "REGISTERED";
        Registered registered = new Registered(outcome, p.shortcode(), type, masked(confirmation, p), masked(validation, p),
                answer.responseDescription());
        audit.record(user, "MPESA_C2B_URLS_REGISTERED", "paybill:" + p.shortcode(), outcome + ", " + type + ", "
                + registered.confirmationUrl() + ", " + registered.validationUrl());
        return registered;
    }

    private static String masked(String url, MpesaProperties p) {
        return url.replace("/" + p.callbackSecret() + "/", "/***/");
    }
}
