package org.vendinghub.sts.meter;

import java.util.Arrays;

import org.vendinghub.sts.DecodedToken;

/**
 * Collects the sections of a key change set in any order; the set is complete when sections 1 and 2
 * (64-bit key) or 1 to 4 (128-bit key) have arrived.
 */
final class KeyChangeCollector {

    private final int sectionsNeeded;
    private final DecodedToken[] sections = new DecodedToken[4];

    KeyChangeCollector(int sectionsNeeded) {
        this.sectionsNeeded = sectionsNeeded;
    }

    boolean accepts(int section) {
        return section >= 1 && section <= sectionsNeeded;
    }

    /** Stores (or replaces) a section; true when the set is complete. */
    boolean add(DecodedToken section) {
        sections[section.keySection() - 1] = section;
        for (int i = 0; i < sectionsNeeded; i++) {
            if (sections[i] == null) {
                return false;
            }
        }
        return true;
    }

    DecodedToken section(int n) {
        return sections[n - 1];
    }

    int ken() {
        return (section(1).kenHalf() << 4) | section(2).kenHalf();
    }

    long keyHigh() {
        return sectionsNeeded == 2 ? 0 : (section(1).keyPart() << 32) | section(3).keyPart();
    }

    long keyLow() {
        return sectionsNeeded == 2
                ? (section(1).keyPart() << 32) | section(2).keyPart()
                : (section(4).keyPart() << 32) | section(2).keyPart();
    }

    /** The new SGC (4-section sets only), or -1. */
    int sgc() {
        return sectionsNeeded == 2 ? -1 : (section(4).sgcPart() << 12) | section(3).sgcPart();
    }

    void clear() {
        Arrays.fill(sections, null);
    }
}
