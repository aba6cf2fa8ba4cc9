package org.vendinghub.ledger.meter;

import org.vendinghub.domain.ValidationException;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

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

    /**
     * {@code count} TIDs for tokens issued together: the first is max(nowMinutes, lastTid + 1), each next one the
     * previous + 1, a reserved minute skipped. Empty when the 24 bits of the base date would run out.
     */
    public static List<Long> allocate(long lastTid, long nowMinutes, int count) {
        ValidationException.require(count >= 1, "count", "TID count must be at least 1");
        ValidationException.require(nowMinutes >= 0, "nowMinutes", "TID time must not be before the base date");
        List<Long> tids = new ArrayList<>(count);
        long tid = usableFrom(Math.max(nowMinutes, lastTid + 1));
        for (int i = 0; i < count; i++) {
            tids.add(tid);
            tid = usableFrom(tid + 1);
        }
        return tids.get(count - 1) > TID_MAX ? List.of() : tids;
    }

    /** The next usable TID at or after {@code candidate}. */
    static long usableFrom(long candidate) {
        return isReserved(candidate) ? candidate + 1 : candidate;
    }
}
