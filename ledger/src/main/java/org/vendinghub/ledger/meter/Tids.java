package org.vendinghub.ledger.meter;

import org.vendinghub.domain.ValidationException;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * STS token identifiers: whole minutes from 00:00 on the meter's base date (zone-less wall clock), 24 bits.
 * A TID whose minute of the day is 1 (tid % 1440 == 1) is reserved and never issued.
 */
public final class Tids {

    /** The largest TID: 2^24 - 1 minutes after the base date. */
    public static final long TID_MAX = (1L << 24) - 1;

    private Tids() {
    }

    /** Minutes from 00:00 on 1 January of {@code baseDate} to {@code wallClock}, seconds truncated. */
    public static long minutesSinceBaseDate(LocalDateTime wallClock, int baseDate) {
        ValidationException.require(baseDate == 1993 || baseDate == 2014 || baseDate == 2035, "baseDate",
                "base date must be 1993, 2014 or 2035");
        return Duration.between(LocalDate.of(baseDate, 1, 1).atStartOfDay(), wallClock).toMinutes();
    }

    public static boolean isReserved(long tid) {
        return tid % 1440 == 1;
    }

    /** The next usable TID at or after {@code candidate}. */
    static long usableFrom(long candidate) {
        return isReserved(candidate) ? candidate + 1 : candidate;
    }
}
