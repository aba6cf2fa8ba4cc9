package org.vendinghub.sts.token;

/**
 * The 66-bit token number and its 20-digit decimal form, with the class-bit transposition of 6.4.2:
 * bits 28 and 27 of the (encrypted) block move to bits 65 and 64, and the class takes bits 28..27
 * (class MSB in bit 28). Works without BigInteger.
 */
public final class TokenNumber {

    private static final long TEN_POW_10 = 10_000_000_000L;
    /** 2^64 = HI_2_64 · 10^10 + LO_2_64. */
    private static final long HI_2_64 = 1_844_674_407L;
    private static final long LO_2_64 = 3_709_551_616L;
    private static final long CLASS_BITS = 3L << 27;

    private TokenNumber() {
    }

    /** Transposes and writes the 20-digit token for a class and its (encrypted, or plain for class 1) block. */
    public static String format(int tokenClass, long block) {
        int high = (int) ((block >>> 27) & 3);
        long low = (block & ~CLASS_BITS) | ((long) tokenClass << 27);
        return toDigits(high, low);
    }

    /** The 20 decimal digits of the 66-bit number {@code high·2^64 + low} (high 0..3). */
    public static String toDigits(int high, long low) {
        long q = Long.divideUnsigned(low, TEN_POW_10);
        long r = Long.remainderUnsigned(low, TEN_POW_10);
        long lower = high * LO_2_64 + r;
        long upper = high * HI_2_64 + q + lower / TEN_POW_10;
        lower %= TEN_POW_10;
        char[] out = new char[20];
        writeDigits(out, 0, upper);
        writeDigits(out, 10, lower);
        return new String(out);
    }

    private static void writeDigits(char[] out, int from, long value) {
        for (int i = from + 9; i >= from; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** Parses 20 digits into the transposed token: the class and the (encrypted) block. */
    public static Parsed parse(String token) {
        if (token == null || token.length() != 20) {
            throw new IllegalArgumentException("token must be 20 digits, not '" + token + "'");
        }
        long upper = 0;
        long lower = 0;
        for (int i = 0; i < 20; i++) {
            char c = token.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("token must be 20 digits, not '" + token + "'");
            }
            if (i < 10) {
                upper = upper * 10 + (c - '0');
            } else {
                lower = lower * 10 + (c - '0');
            }
        }
        long lo = upper * TEN_POW_10;
        long hi = Math.multiplyHigh(upper, TEN_POW_10);
        long sum = lo + lower;
        if (Long.compareUnsigned(sum, lo) < 0) {
            hi++;
        }
        if (hi > 3) {
            throw new IllegalArgumentException("token " + token + " is not below 2^66");
        }
        int tokenClass = (int) ((sum >>> 27) & 3);
        long block = (sum & ~CLASS_BITS) | (hi << 27);
        return new Parsed(tokenClass, block);
    }

    /**
     * A parsed token.
     *
     * @param tokenClass the class from bits 28..27
     * @param block      the 64-bit block with bits 28..27 restored from bits 65..64 (still encrypted
     *                   unless class 1)
     */
    public record Parsed(int tokenClass, long block) {
    }
}
