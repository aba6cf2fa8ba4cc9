package org.vendinghub.sts.token;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

import org.vendinghub.sts.BaseDate;

/**
 * Token identifier: whole minutes since 00:00 of the base date, 24 bits. A TID whose minute of the day
 * is 1 (TID mod 1440 = 1, i.e. 00:01) is reserved and never issued: such a moment is moved to 00:02.
 */
public final class Tid {

    /** Largest TID: 2^24 − 1 minutes, i.e. 20:15 on 24 November 31 years after the base date. */
    public static final long MAX = 0xFFFFFFL;
    public static final int MINUTES_PER_DAY = 1440;

    private Tid() {
    }

    /** The TID for a zone-less wall-clock moment (seconds are truncated), reserved minute skipped. */
    public static long of(LocalDateTime issuedAt, BaseDate baseDate) {
        long minutes = ChronoUnit.MINUTES.between(baseDate.start(), issuedAt.truncatedTo(ChronoUnit.MINUTES));
        if (minutes < 0) {
            throw new IllegalArgumentException("date " + issuedAt.truncatedTo(ChronoUnit.MINUTES)
                    + " is before base date " + baseDate.start().toLocalDate());
        }
        return checkRange(skipReserved(minutes), baseDate);
    }

    /** The next TID for a meter: max(now, last + 1), skipping the reserved minute; {@code lastTid} -1 for none. */
    public static long next(long nowMinutes, long lastTid) {
        long tid = skipReserved(Math.max(nowMinutes, lastTid + 1));
        if (tid > MAX) {
            throw new IllegalArgumentException("TID " + tid + " exceeds the 24-bit maximum " + MAX);
        }
        return tid;
    }

    /** The minutes since the base date start for a moment (no reserved-minute rule, no range check). */
    public static long minutesSince(LocalDateTime moment, BaseDate baseDate) {
        return ChronoUnit.MINUTES.between(baseDate.start(), moment.truncatedTo(ChronoUnit.MINUTES));
    }

    /** The moment a TID stands for. */
    public static LocalDateTime toDateTime(long tid, BaseDate baseDate) {
        return baseDate.start().plusMinutes(tid);
    }

    /** True for the reserved minute of the day (00:01). */
    public static boolean isReserved(long tid) {
        return tid % MINUTES_PER_DAY == 1;
    }

    /** Validates a TID chosen by a caller: 0..2^24−1 and not the reserved minute. */
    public static long validate(long tid) {
        if (tid < 0 || tid > MAX) {
            throw new IllegalArgumentException("TID must be 0.." + MAX + ", not " + tid);
        }
        if (isReserved(tid)) {
            throw new IllegalArgumentException("TID " + tid + " falls on the reserved minute 00:01");
        }
        return tid;
    }

    private static long skipReserved(long minutes) {
        return isReserved(minutes) ? minutes + 1 : minutes;
    }

    private static long checkRange(long tid, BaseDate baseDate) {
        if (tid > MAX) {
            throw new IllegalArgumentException("date " + toDateTime(tid, baseDate) + " is beyond the TID range of base date "
                    + baseDate.year() + " (last: " + toDateTime(MAX, baseDate) + ")");
        }
        return tid;
    }
}
