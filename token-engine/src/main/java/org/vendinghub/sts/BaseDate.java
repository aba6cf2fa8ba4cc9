package org.vendinghub.sts;

import java.time.LocalDateTime;

/** The three STS base dates: the TID counts minutes from 00:00 on 1 January of this year. */
public enum BaseDate {
    Y1993(1993, "93"),
    Y2014(2014, "14"),
    Y2035(2035, "35");

    private final int year;
    private final String code;

    BaseDate(int year, String code) {
        this.year = year;
        this.code = code;
    }

    public int year() {
        return year;
    }

    /** Two-digit code used in the DKGA04 derivation data ("93", "14", "35"). */
    public String code() {
        return code;
    }

    public LocalDateTime start() {
        return LocalDateTime.of(year, 1, 1, 0, 0);
    }

    /** @param year 1993, 2014 or 2035 (also accepts the two-digit codes 93, 14 and 35) */
    public static BaseDate of(int year) {
        for (BaseDate b : values()) {
            if (b.year == year || Integer.parseInt(b.code) == year) {
                return b;
            }
        }
        throw new IllegalArgumentException("base date must be 1993, 2014 or 2035, not " + year);
    }
}
