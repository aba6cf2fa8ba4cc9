package org.vendinghub.sts.token;

/**
 * CRC of IEC 62055-41 6.3.7 and CRC_C of 6.3.22: generator x^16+x^15+x^2+1 in reflected form
 * (0xA001), preset 0xFFFF, no final XOR, over the 50 bits {@code Class|SubClass|payload} as 7 bytes
 * MSB first. The token carries the register with its two bytes swapped.
 */
public final class Crc16 {

    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int c = i;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? (c >>> 1) ^ 0xA001 : c >>> 1;
            }
            TABLE[i] = c;
        }
    }

    private Crc16() {
    }

    /** The 16-bit CRC field (bytes already swapped) for the 50 bits {@code v50}. */
    public static int crc(long v50) {
        return swap(register(v50));
    }

    /** CRC_C: the same calculation with the byte 0x01 appended (class 0, subclasses 4..7). */
    public static int crcC(long v50) {
        return swap(update(register(v50), 0x01));
    }

    private static int register(long v50) {
        int reg = 0xFFFF;
        for (int shift = 48; shift >= 0; shift -= 8) {
            reg = update(reg, (int) (v50 >>> shift) & 0xFF);
        }
        return reg;
    }

    private static int update(int reg, int b) {
        return (reg >>> 8) ^ TABLE[(reg ^ b) & 0xFF];
    }

    private static int swap(int reg) {
        return ((reg & 0xFF) << 8) | (reg >>> 8);
    }
}
