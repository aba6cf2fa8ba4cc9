package org.vendinghub.sts.cli;

import org.vendinghub.sts.BaseDate;
import org.vendinghub.sts.CreditTokenRequest;
import org.vendinghub.sts.Dkga;
import org.vendinghub.sts.Ea;
import org.vendinghub.sts.MeterKeyParams;
import org.vendinghub.sts.Pan;
import org.vendinghub.sts.TokenEngine;
import org.vendinghub.sts.crypto.DecoderKey;
import org.vendinghub.sts.crypto.DecoderKeyGenerator;

/**
 * Single-thread throughput of class 0 credit tokens: decoder key derivation plus token (DKGA02 + EA07,
 * DKGA04 + EA11), and with a decoder key derived once (EA07). Cycles through 1024 meters so that nothing
 * is served from a cache. The JMH benchmark in the test sources measures the same paths.
 */
final class Bench {

    private static final int METERS = 1024;

    private Bench() {
    }

    static String run(long seconds) {
        if (seconds < 1 || seconds > 600) {
            throw new IllegalArgumentException("--seconds must be 1..600, not " + seconds);
        }
        long nanos = seconds * 1_000_000_000L;
        TokenEngine engine = TokenEngine.withSampleTables();
        Workload dkga02 = new Workload(engine, Dkga.DKGA02, Ea.EA07, new byte[] {-85, -85, -85, -85, -85, -85, -85, -85});
        Workload dkga04 = new Workload(engine, Dkga.DKGA04, Ea.EA11, new byte[20]);
        Workload cached = new Workload(engine, Dkga.DKGA02, Ea.EA07, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        for (Workload w : new Workload[] {dkga02, dkga04, cached}) {
            w.measure(nanos / 4, w == cached); // warm-up
        }
        return new Json().put("dkga02Ea07PerSecond", dkga02.measure(nanos, false))
                .put("dkga04Ea11PerSecond", dkga04.measure(nanos, false))
                .put("cachedKeyEa07PerSecond", cached.measure(nanos, true))
                .put("seconds", seconds).put("threads", 1).toString();
    }

    /** A vending key and 1024 meters. */
    static final class Workload {
        private final TokenEngine engine;
        private final DecoderKeyGenerator generator;
        private final MeterKeyParams[] meters = new MeterKeyParams[METERS];
        private long sink;

        Workload(TokenEngine engine, Dkga dkga, Ea ea, byte[] vendingKey) {
            this.engine = engine;
            this.generator = DecoderKeyGenerator.of(dkga, vendingKey);
            for (int i = 0; i < METERS; i++) {
                String drn = String.format("%011d", 10_000_000L + i * 7919L);
                meters[i] = new MeterKeyParams(Pan.of("600727", drn), "123456", 1, 1, 2, BaseDate.Y2014, dkga, ea);
            }
        }

        /** Tokens per second over {@code nanos}. */
        long measure(long nanos, boolean cachedKey) {
            DecoderKey fixed = generator.derive(meters[0]);
            long count = 0;
            long start = System.nanoTime();
            long end = start + nanos;
            long now = start;
            while (now < end) {
                for (int i = 0; i < 1024; i++) {
                    MeterKeyParams meter = meters[i];
                    DecoderKey dk = cachedKey ? fixed : generator.derive(meter);
                    long tid = 100_000 + 2 * (count & 0xFFFFF) + 2; // even: never the reserved minute
                    sink += engine.issue(dk, cachedKey ? meters[0] : meter,
                            new CreditTokenRequest(0, 1 + (count & 0xFFFF), tid, (int) count & 15)).token().charAt(19);
                    count++;
                }
                now = System.nanoTime();
            }
            return count * 1_000_000_000L / (now - start) + (sink == 42 ? 1 : 0);
        }
    }
}
