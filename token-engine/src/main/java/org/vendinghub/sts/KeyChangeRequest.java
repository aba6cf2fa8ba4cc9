package org.vendinghub.sts;

/**
 * A key change set: 2 tokens when the new key is 64 bits (EA07), 4 when it is 128 bits (EA11). The
 * tokens are encrypted under the meter's current key and carry the new key, KEN, KRN, KT, TI, RO and
 * (4-token sets) the new SGC.
 *
 * @param newVendingKeyId the vending key of the new parameters (may equal the current one)
 * @param newParams       the meter's new key parameters (same PAN)
 * @param ken             key expiry number 0..255 (255: never expires)
 * @param rollover        RO: the meter clears its TID memory when it installs the new key
 */
public record KeyChangeRequest(String newVendingKeyId, MeterKeyParams newParams, int ken, boolean rollover)
        implements TokenRequest {

    public static final int KEN_NEVER = 255;

    public KeyChangeRequest {
        if (newParams == null) {
            throw new IllegalArgumentException("new key parameters are required");
        }
        checkKen(ken);
    }

    public static void checkKen(int ken) {
        if (ken < 0 || ken > 255) {
            throw new IllegalArgumentException("KEN must be 0..255, not " + ken);
        }
    }
}
