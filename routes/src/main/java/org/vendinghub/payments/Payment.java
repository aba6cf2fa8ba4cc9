package org.vendinghub.payments;

import java.time.Instant;

/** One mobile-money payment as stored (table mm_payment). */
public record Payment(String id, String provider, String kind, String providerRef, String receipt, String merchantRequestId,
                      String msisdn, String meterNumber, long amountMinor, String currency, PaymentStatus status,
                      String resultCode, String resultDesc, String vendId, String createdBy, Instant createdAt,
                      Instant updatedAt, int checks) {

    public static final String MPESA = "MPESA";
    public static final String MOMO = "MOMO";

    /** The vend's channel reference: the provider's unique key of this payment (TransID, CheckoutRequestID, X-Reference-Id). */
    public String vendReference() {
        return providerRef;
    }
}
