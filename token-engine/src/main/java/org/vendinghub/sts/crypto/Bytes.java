package org.vendinghub.sts.crypto;

import java.util.HexFormat;

/** Big-endian packing and hex helpers. */
public final class Bytes {

    private Bytes() {
    }

    public static long toLong(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[off + i] & 0xFF);
        }
        return v;
    }

    public static void putLong(long v, byte[] b, int off) {
        for (int i = 7; i >= 0; i--) {
            b[off + i] = (byte) v;
            v >>>= 8;
        }
    }

    public static byte[] ofLong(long v) {
        byte[] b = new byte[8];
        putLong(v, b, 0);
        return b;
    }

    /** Parses hex (either case, even length) into bytes. */
    public static byte[] fromHex(String hex) {
        if (hex == null || hex.length() % 2 != 0 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("not a hex string of whole bytes: '" + hex + "'");
        }
        return HexFormat.of().parseHex(hex);
    }

    public static String toHex(byte[] b) {
        return HexFormat.of().withUpperCase().formatHex(b);
    }

    /** 16 upper-case hex digits. */
    public static String toHex(long v) {
        return HexFormat.of().withUpperCase().toHexDigits(v);
    }
}
