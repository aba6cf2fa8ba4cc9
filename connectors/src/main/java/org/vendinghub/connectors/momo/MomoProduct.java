package org.vendinghub.connectors.momo;

/**
 * The MoMo Open API products the hub uses. Each has its own subscription key, API user and API key, and its own token
 * ({@code POST /<product>/token/}); a token of one product is worthless for the other.
 */
enum MomoProduct {

    /** Request-to-pay and its status: money in. */
    COLLECTION("collection", "MOMO_NOT_CONFIGURED", "HUB_MOMO_SUBSCRIPTION_KEY, HUB_MOMO_API_USER and HUB_MOMO_API_KEY"),
    /** Refunds of collected payments: money out. */
    DISBURSEMENT("disbursement", "MOMO_DISBURSEMENT_NOT_CONFIGURED",
            "HUB_MOMO_DISBURSEMENT_SUBSCRIPTION_KEY, HUB_MOMO_DISBURSEMENT_API_USER and HUB_MOMO_DISBURSEMENT_API_KEY");

    final String path;
    final String notConfiguredCode;
    final String settingsToCheck;

    MomoProduct(String path, String notConfiguredCode, String settingsToCheck) {
        this.path = path;
        this.notConfiguredCode = notConfiguredCode;
        this.settingsToCheck = settingsToCheck;
    }

    String subscriptionKey(MomoProperties p) {
        return this == COLLECTION ? p.subscriptionKey() : p.disbursement().subscriptionKey();
    }

    String apiUser(MomoProperties p) {
        return this == COLLECTION ? p.apiUser() : p.disbursement().apiUser();
    }

    String apiKey(MomoProperties p) {
        return this == COLLECTION ? p.apiKey() : p.disbursement().apiKey();
    }

    boolean configured(MomoProperties p) {
        return !subscriptionKey(p).isEmpty() && !apiUser(p).isEmpty() && !apiKey(p).isEmpty();
    }
}
