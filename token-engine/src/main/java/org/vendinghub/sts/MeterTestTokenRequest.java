package org.vendinghub.sts;

/**
 * Class 1 InitiateMeterTest/Display, sent unencrypted and the same for every meter of a manufacturer.
 * Subclass 0: 36-bit control, 2-digit manufacturer code (8-bit binary); subclass 1: 28-bit control,
 * 4-digit manufacturer code (16-bit binary). Each control bit selects one test or display.
 */
public record MeterTestTokenRequest(int subclass, long control, int mfrCode) implements TokenRequest {

    public MeterTestTokenRequest {
        if (subclass != 0 && subclass != 1) {
            throw new IllegalArgumentException("meter test token subclass must be 0 or 1, not " + subclass);
        }
        int controlBits = subclass == 0 ? 36 : 28;
        if (control < 0 || control >>> controlBits != 0) {
            throw new IllegalArgumentException("control of subclass " + subclass + " must fit " + controlBits
                    + " bits, not 0x" + Long.toHexString(control).toUpperCase());
        }
        int maxMfr = subclass == 0 ? 99 : 9999;
        if (mfrCode < 0 || mfrCode > maxMfr) {
            throw new IllegalArgumentException("manufacturer code of subclass " + subclass + " must be 0.." + maxMfr
                    + ", not " + mfrCode);
        }
    }
}
