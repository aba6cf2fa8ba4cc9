package org.vendinghub.payments;

import java.util.Map;

/** Provider result codes in the hub's one vocabulary of payment failures. */
final class ResultCodes {

    private static final Map<String, String> MPESA = Map.ofEntries(
            Map.entry("1", "INSUFFICIENT_FUNDS"), Map.entry("2", "LIMIT_EXCEEDED"), Map.entry("3", "LIMIT_EXCEEDED"),
            Map.entry("4", "LIMIT_EXCEEDED"), Map.entry("8", "LIMIT_EXCEEDED"), Map.entry("17", "DUPLICATE_REQUEST"),
            Map.entry("1019", "EXPIRED"), Map.entry("1025", "PROVIDER_ERROR"), Map.entry("1032", "CANCELLED"),
            Map.entry("1037", "TIMEOUT"), Map.entry("2001", "WRONG_PIN"), Map.entry("2028", "CONFIGURATION"),
            Map.entry("8006", "ACCOUNT_LOCKED"), Map.entry("SFC_IC0003", "PAYER_NOT_FOUND"));

    private static final Map<String, String> MOMO = Map.ofEntries(
            Map.entry("NOT_ENOUGH_FUNDS", "INSUFFICIENT_FUNDS"), Map.entry("PAYER_LIMIT_REACHED", "LIMIT_EXCEEDED"),
            Map.entry("APPROVAL_REJECTED", "CANCELLED"), Map.entry("TRANSACTION_CANCELED", "CANCELLED"),
            Map.entry("PAYMENT_NOT_APPROVED", "CANCELLED"), Map.entry("EXPIRED", "EXPIRED"),
            Map.entry("PAYER_NOT_FOUND", "PAYER_NOT_FOUND"), Map.entry("PAYEE_NOT_FOUND", "NOT_ALLOWED"),
            Map.entry("NOT_ALLOWED", "NOT_ALLOWED"), Map.entry("NOT_ALLOWED_TARGET_ENVIRONMENT", "CONFIGURATION"),
            Map.entry("PAYEE_NOT_ALLOWED_TO_RECEIVE", "NOT_ALLOWED"), Map.entry("INVALID_CALLBACK_URL_HOST", "CONFIGURATION"),
            Map.entry("INVALID_CURRENCY", "CONFIGURATION"), Map.entry("SERVICE_UNAVAILABLE", "PROVIDER_ERROR"),
            Map.entry("INTERNAL_PROCESSING_ERROR", "PROVIDER_ERROR"), Map.entry("COULD_NOT_PERFORM_TRANSACTION", "PROVIDER_ERROR"),
            Map.entry("RESOURCE_NOT_FOUND", "NOT_RECEIVED"), Map.entry("RESOURCE_ALREADY_EXIST", "DUPLICATE_REQUEST"));

    private ResultCodes() {
    }

    static String mpesa(String resultCode) {
        return MPESA.getOrDefault(resultCode, "MPESA_" + resultCode);
    }

    static String momo(String reason) {
        return reason == null ? "PROVIDER_ERROR" : MOMO.getOrDefault(reason, "MOMO_" + reason);
    }
}
