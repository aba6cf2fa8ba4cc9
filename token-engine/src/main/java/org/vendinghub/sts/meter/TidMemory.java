package org.vendinghub.sts.meter;

import java.util.List;
import java.util.TreeSet;

/**
 * The meter's memory of recently accepted TIDs. A TID already stored is "Used"; one older than the
 * oldest stored TID is "Old"; otherwise the TID is stored and, when the memory is full, the oldest is
 * dropped. The memory starts pre-filled with the manufacture TID; a rollover (RO=1) resets it to zero.
 */
final class TidMemory {

    private final int capacity;
    private final TreeSet<Long> tids = new TreeSet<>();

    TidMemory(int capacity, long initialTid) {
        if (capacity < 1) {
            throw new IllegalArgumentException("TID memory needs at least 1 entry, not " + capacity);
        }
        this.capacity = capacity;
        tids.add(initialTid);
    }

    /** {@code null} when the TID is acceptable, else OLD or USED. */
    MeterResult check(long tid) {
        if (tids.contains(tid)) {
            return MeterResult.USED;
        }
        return tid < tids.first() ? MeterResult.OLD : null;
    }

    void store(long tid) {
        tids.add(tid);
        if (tids.size() > capacity) {
            tids.pollFirst();
        }
    }

    void reset() {
        tids.clear();
        tids.add(0L);
    }

    List<Long> snapshot() {
        return List.copyOf(tids);
    }
}
