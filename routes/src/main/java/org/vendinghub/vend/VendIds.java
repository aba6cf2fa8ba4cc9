package org.vendinghub.vend;

import org.vendinghub.domain.VendId;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/** Time-ordered (version 7) UUIDs, so vend ids sort by creation and index well. */
final class VendIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private VendIds() {
    }

    static VendId next(Clock clock) {
        long millis = clock.millis();
        long high = (millis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFFL);
        long low = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new VendId(new UUID(high, low));
    }
}
