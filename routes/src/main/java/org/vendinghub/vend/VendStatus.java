package org.vendinghub.vend;

/**
 * Where a vend is. RECEIVED → RESERVED → ISSUED → DELIVERED on the way forward; VOIDED when it ended before a token
 * existed (refused, or compensated); REVERSED when an operator took back an issued vend within the window.
 */
public enum VendStatus {
    RECEIVED, RESERVED, ISSUED, DELIVERED, VOIDED, REVERSED;

    /** Final for the orchestration: nothing more happens to the money or the tokens without an operator. */
    public boolean settled() {
        return this == ISSUED || this == DELIVERED || this == VOIDED || this == REVERSED;
    }

    public boolean hasTokens() {
        return this == ISSUED || this == DELIVERED || this == REVERSED;
    }
}
