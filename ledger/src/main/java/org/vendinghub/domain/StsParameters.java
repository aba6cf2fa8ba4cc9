package org.vendinghub.domain;

/**
 * The STS key parameters of a meter or supply group (IEC 62055-41): supply group code, tariff index,
 * key revision number, key type, base date, decoder-key generation algorithm and encryption algorithm.
 * Key material is never part of this: the vending key lives in the token engine's security module.
 */
public record StsParameters(String sgc, String ti, int krn, int keyType, int baseDate, String dkga, String ea) {

    public StsParameters {
        ValidationException.require(sgc != null && sgc.matches("\\d{6}"), "sgc", "SGC must be 6 digits");
        ValidationException.require(ti != null && ti.matches("\\d{2}"), "ti", "TI must be 2 digits");
        ValidationException.require(krn >= 1 && krn <= 9, "krn", "KRN must be 1 to 9");
        ValidationException.require(keyType >= 0 && keyType <= 3, "keyType", "key type must be 0 to 3");
        ValidationException.require(baseDate == 1993 || baseDate == 2014 || baseDate == 2035, "baseDate",
                "base date must be 1993, 2014 or 2035");
        ValidationException.require("02".equals(dkga) || "04".equals(dkga), "dkga", "DKGA must be 02 or 04");
        ValidationException.require("07".equals(ea) || "11".equals(ea), "ea", "EA must be 07 or 11");
    }

    /**
     * True when the meter's decoder key changes between this and {@code next}: SGC, TI and KRN (and key type,
     * base date or DKGA, which are also inputs of the decoder key) so a key change token set is due.
     */
    public boolean decoderKeyDiffersFrom(StsParameters next) {
        return !sgc.equals(next.sgc) || !ti.equals(next.ti) || krn != next.krn
                || keyType != next.keyType || baseDate != next.baseDate || !dkga.equals(next.dkga);
    }
}
