package org.vendinghub.sts.token;

/**
 * The 16-bit amount coding of 6.3.6: {@code e(2) | m(14)}, value = m·10^e + Σ 2^14·10^(n-1).
 * Used for class 0 subclasses 0..3 (in 0.1 units) and for the MPL and MPPUL limits (in watts).
 * Encoding rounds up, in favour of the customer.
 */
public final class UnitsCoding {

    /** Largest value the 16-bit field can carry: 18 201 624 (1 820 162.4 kWh or W). */
    public static final long MAX = 18_201_624L;

    private static final long[] OFFSET = {0, 16_384, 180_224, 1_818_624};
    private static final long[] POW10 = {1, 10, 100, 1000};

    private UnitsCoding() {
    }

    /** Encodes a value (0.1 units or watts) into the 16-bit field, rounding up to the next codable value. */
    public static int encode(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("amount must not be negative, not " + value);
        }
        if (value > MAX) {
            throw new IllegalArgumentException("amount " + value + " exceeds the maximum of " + MAX);
        }
        for (int e = 0; e < 4; e++) {
            long m = ceilDiv(value - OFFSET[e], POW10[e]);
            if (m <= 16_383) {
                return (e << 14) | (int) m;
            }
        }
        throw new AssertionError("unreachable for " + value);
    }

    /** The value (0.1 units or watts) that a 16-bit field stands for. */
    public static long decode(int field) {
        if (field < 0 || field > 0xFFFF) {
            throw new IllegalArgumentException("amount field must be 16 bits, not " + field);
        }
        int e = field >>> 14;
        return (field & 0x3FFF) * POW10[e] + OFFSET[e];
    }

    /** The value the meter will see for a requested value: the requested value rounded up. */
    public static long roundUp(long value) {
        return decode(encode(value));
    }

    static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
