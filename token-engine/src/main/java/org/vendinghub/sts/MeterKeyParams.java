package org.vendinghub.sts;

/**
 * The STS key parameters of one meter: everything the decoder key is derived from, plus the
 * algorithms. Immutable and validated; holds no key material.
 *
 * @param pan      18-digit PAN with valid Luhn check digit
 * @param sgc      6-digit supply group code
 * @param ti       tariff index 0..99
 * @param krn      key revision number 1..9
 * @param kt       key type 0..3 (0 DITK, 1 DDTK, 2 DUTK, 3 DCTK)
 * @param baseDate base date of the TID
 * @param dkga     decoder key generation algorithm
 * @param ea       encryption algorithm
 */
public record MeterKeyParams(String pan, String sgc, int ti, int krn, int kt, BaseDate baseDate, Dkga dkga, Ea ea) {

    public static final int KT_DITK = 0;
    public static final int KT_DDTK = 1;
    public static final int KT_DUTK = 2;
    public static final int KT_DCTK = 3;

    public MeterKeyParams {
        Pan.validate(pan);
        if (sgc == null || sgc.length() != 6 || !Pan.digitsOnly(sgc)) {
            throw new IllegalArgumentException("SGC must be 6 digits, not '" + sgc + "'");
        }
        if (ti < 0 || ti > 99) {
            throw new IllegalArgumentException("TI must be 0..99, not " + ti);
        }
        if (krn < 1 || krn > 9) {
            throw new IllegalArgumentException("KRN must be 1..9, not " + krn);
        }
        if (kt < 0 || kt > 3) {
            throw new IllegalArgumentException("KT must be 0..3, not " + kt);
        }
        if (baseDate == null || dkga == null || ea == null) {
            throw new IllegalArgumentException("base date, DKGA and EA are required");
        }
        if (dkga == Dkga.DKGA02 && ea != Ea.EA07) {
            throw new IllegalArgumentException("DKGA02 supports EA07 only; " + ea + " needs DKGA04");
        }
    }

    /** The same parameters with the PAN built from IIN + DRN + Luhn check digit. */
    public static MeterKeyParams ofIinDrn(String iin, String drn, String sgc, int ti, int krn, int kt,
            BaseDate baseDate, Dkga dkga, Ea ea) {
        return new MeterKeyParams(Pan.of(iin, drn), sgc, ti, krn, kt, baseDate, dkga, ea);
    }

    /** The SGC as a number (0..999999, which fits the 24 bits of the key change tokens). */
    public int sgcValue() {
        return Integer.parseInt(sgc);
    }

    /** TI as the two decimal digits used in the derivation data. */
    public String tiDigits() {
        return ti < 10 ? "0" + ti : Integer.toString(ti);
    }

    public String iin() {
        return pan.substring(0, Pan.iinLength(pan));
    }

    public String drn() {
        return pan.substring(Pan.iinLength(pan), 17);
    }

    /** Manufacturer code from the DRN (2 or 4 decimal digits). */
    public int mfrCode() {
        return Pan.mfrCode(pan);
    }

    public MeterKeyParams withTi(int newTi) {
        return new MeterKeyParams(pan, sgc, newTi, krn, kt, baseDate, dkga, ea);
    }

    public MeterKeyParams withKrn(int newKrn) {
        return new MeterKeyParams(pan, sgc, ti, newKrn, kt, baseDate, dkga, ea);
    }

    public MeterKeyParams withSgc(String newSgc) {
        return new MeterKeyParams(pan, newSgc, ti, krn, kt, baseDate, dkga, ea);
    }

    public MeterKeyParams withKt(int newKt) {
        return new MeterKeyParams(pan, sgc, ti, krn, newKt, baseDate, dkga, ea);
    }

    public MeterKeyParams withBaseDate(BaseDate newBaseDate) {
        return new MeterKeyParams(pan, sgc, ti, krn, kt, newBaseDate, dkga, ea);
    }
}
