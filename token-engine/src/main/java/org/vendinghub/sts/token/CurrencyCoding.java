package org.vendinghub.sts.token;

/**
 * The 20-bit currency amount of class 0 subclasses 4..7: {@code s(1) | e(5) | m(14)} in units of
 * 10^-5 currency, value = ±(m·10^e + Σ_{n=1..e} 2^14·10^(n-1)). Encoding rounds up (towards plus
 * infinity), so a positive amount is rounded up and a negative one towards zero: both in favour of
 * the customer. Exponents whose values do not fit a {@code long} (e &gt; 14) are not supported.
 */
public final class CurrencyCoding {

    /** Largest exponent supported (values up to about 1.8·10^18 units of 10^-5). */
    public static final int MAX_EXPONENT = 14;
    /** Largest magnitude the coding can carry within {@link #MAX_EXPONENT}. */
    public static final long MAX;

    private static final long[] OFFSET = new long[MAX_EXPONENT + 1];
    private static final long[] POW10 = new long[MAX_EXPONENT + 1];

    static {
        long p = 1;
        long off = 0;
        for (int e = 0; e <= MAX_EXPONENT; e++) {
            POW10[e] = p;
            OFFSET[e] = off;
            off += 16_384L * p;
            p *= 10;
        }
        MAX = 16_383L * POW10[MAX_EXPONENT] + OFFSET[MAX_EXPONENT];
    }

    private CurrencyCoding() {
    }

    /** Encodes an amount in 10^-5 currency units into the 20-bit field. */
    public static int encode(long amount) {
        if (amount > MAX || amount < -MAX) {
            throw new IllegalArgumentException("currency amount " + amount + " exceeds the maximum of " + MAX);
        }
        boolean negative = amount < 0;
        long magnitude = Math.abs(amount);
        for (int e = 0; e <= MAX_EXPONENT; e++) {
            long rest = magnitude - OFFSET[e];
            long m = negative ? Math.floorDiv(rest, POW10[e]) : UnitsCoding.ceilDiv(rest, POW10[e]);
            if (m <= 16_383) {
                int sign = negative && (m > 0 || e > 0) ? 1 : 0; // no negative zero
                return (sign << 19) | (e << 14) | (int) m;
            }
        }
        throw new AssertionError("unreachable for " + amount);
    }

    /** The amount in 10^-5 currency units that a 20-bit field stands for. */
    public static long decode(int field) {
        if (field < 0 || field > 0xFFFFF) {
            throw new IllegalArgumentException("currency field must be 20 bits, not " + field);
        }
        int e = (field >>> 14) & 0x1F;
        if (e > MAX_EXPONENT) {
            throw new IllegalArgumentException("currency exponent " + e + " is beyond the supported maximum "
                    + MAX_EXPONENT);
        }
        long magnitude = (field & 0x3FFF) * POW10[e] + OFFSET[e];
        return (field >>> 19) != 0 ? -magnitude : magnitude;
    }
}
