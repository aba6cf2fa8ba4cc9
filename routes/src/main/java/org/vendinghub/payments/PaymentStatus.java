package org.vendinghub.payments;

/**
 * One status model for every mobile-money provider. Stored: INITIATED (our idempotency key persisted, the provider has
 * not answered yet), PENDING (the provider accepted; the payer has to approve), PAID (money collected), FAILED (not paid:
 * the result code says why), REFUNDING, REFUNDED, REFUND_FAILED (paid, but the vend could not complete). Shown only,
 * read from the vend: VENDED (token issued) and DELIVERED (token sent by SMS).
 */
public enum PaymentStatus {
    INITIATED, PENDING, PAID, FAILED, REFUNDING, REFUNDED, REFUND_FAILED, VENDED, DELIVERED;

    public boolean open() {
        return this == INITIATED || this == PENDING;
    }
}
