package org.vendinghub.sts;

/** Decoder key generation algorithm. */
public enum Dkga {
    /** DES based, 64-bit vending key, EA07 only. */
    DKGA02("02"),
    /** HMAC-SHA-256 based, 160-bit vending key, EA07 or EA11. */
    DKGA04("04");

    private final String code;

    Dkga(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** @param code "02" or "04" (also "2" or "4") */
    public static Dkga of(String code) {
        for (Dkga d : values()) {
            if (d.code.equals(code) || d.code.equals("0" + code) || d.name().equalsIgnoreCase(code)) {
                return d;
            }
        }
        throw new IllegalArgumentException("DKGA must be 02 or 04, not " + code);
    }
}
