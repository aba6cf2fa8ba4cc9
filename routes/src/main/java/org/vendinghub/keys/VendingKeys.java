package org.vendinghub.keys;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.vendinghub.domain.ValidationException;

/**
 * Clear vending keys as they arrive at the key ceremony (REST import and console alike): parsed from hex without making a String of them, checked
 * against the supply group's DKGA, and summarised by a key check value. No method here logs or returns key material,
 * and no message repeats it.
 */
public final class VendingKeys {

    public static final String FIELD = "vendingKeyHex";
    /** How {@link #checkValue} is computed, stated in answers so that a custodian can compute it offline too. */
    public static final String KCV_METHOD = "first 3 bytes of HMAC-SHA256(vending key, ASCII \"KCV\"), hex";

    private VendingKeys() {
    }

    /** The key bytes of {@code hex}: 8 bytes (16 hex digits) for DKGA 02, 20 bytes (40 hex digits, 160 bits) for DKGA 04. */
    public static byte[] parse(char[] hex, String dkga) {
        ValidationException.require(hex != null && hex.length > 0, FIELD, "vending key is required");
        int bytes = "02".equals(dkga) ? 8 : 20;
        ValidationException.require(hex.length == 2 * bytes, FIELD, "a DKGA" + dkga + " vending key must be " + 2 * bytes
                + " hex digits (" + bytes + " bytes), not " + hex.length + " characters");
        byte[] key = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            int high = Character.digit(hex[2 * i], 16);
            int low = Character.digit(hex[2 * i + 1], 16);
            if (high < 0 || low < 0) {
                Arrays.fill(key, (byte) 0);
                throw new ValidationException(FIELD, "vending key must be hex digits 0-9 and A-F only");
            }
            key[i] = (byte) (high << 4 | low);
        }
        return key;
    }

    /**
     * A key check value: 24 bits of a one-way function of the key, enough to confirm two custodians hold the same key
     * and far too few to help find it (the same size as the classic 3-byte DES KCV). Upper-case hex, 6 digits.
     */
    public static String checkValue(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal("KCV".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String kcv = HexFormat.of().withUpperCase().formatHex(digest, 0, 3);
            Arrays.fill(digest, (byte) 0);
            return kcv;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is in every JVM", e);
        }
    }
}
