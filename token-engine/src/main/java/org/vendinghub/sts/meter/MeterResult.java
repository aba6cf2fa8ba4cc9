package org.vendinghub.sts.meter;

/** What a meter shows after a token is entered (IEC 62055-41 / vendor manuals). */
public enum MeterResult {
    ACCEPT("Accept"),
    FIRST_KCT("1stKCT"),
    SECOND_KCT("2ndKCT"),
    OLD("Old"),
    USED("Used"),
    KEY_EXPIRED("Key expired"),
    CRC_ERROR("CRC error"),
    FORMAT_ERROR("Format error"),
    RANGE_ERROR("Range error"),
    FUNCTION_ERROR("Function error"),
    DDTK_ERROR("DDTK error"),
    MFR_CODE_ERROR("Mfr code error"),
    OVERFLOW_ERROR("Overflow"),
    KEY_TYPE_ERROR("Key type error");

    private final String display;

    MeterResult(String display) {
        this.display = display;
    }

    /** The text a meter display would show. */
    public String display() {
        return display;
    }

    /** True when the token was taken in (accepted, or a key change section stored). */
    public boolean accepted() {
        return this == ACCEPT || this == FIRST_KCT || this == SECOND_KCT;
    }
}
