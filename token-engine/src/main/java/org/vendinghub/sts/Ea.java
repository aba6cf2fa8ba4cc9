package org.vendinghub.sts;

/** Encryption algorithm of a meter. */
public enum Ea {
    /** Standard Transfer Algorithm, 64-bit decoder key. */
    EA07("07", 64),
    /** MISTY1, 128-bit decoder key. */
    EA11("11", 128);

    private final String code;
    private final int keyBits;

    Ea(String code, int keyBits) {
        this.code = code;
        this.keyBits = keyBits;
    }

    public String code() {
        return code;
    }

    public int keyBits() {
        return keyBits;
    }

    /** Number of key change tokens in a set that installs a key for this algorithm: 2 or 4. */
    public int keyChangeTokens() {
        return keyBits == 64 ? 2 : 4;
    }

    /** @param code "07" or "11" (also "7") */
    public static Ea of(String code) {
        for (Ea e : values()) {
            if (e.code.equals(code) || e.code.equals("0" + code) || e.name().equalsIgnoreCase(code)) {
                return e;
            }
        }
        throw new IllegalArgumentException("EA must be 07 or 11, not " + code);
    }
}
