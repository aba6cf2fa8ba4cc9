package org.vendinghub.sts.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
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
 * Single-thread class 0 token throughput: key derivation included (DKGA02 + EA07, DKGA04 + EA11) and with
 * a decoder key derived once (EA07). Cycles through 1024 meters. Run: see token-engine/README.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(1)
public class TokenBenchmark {

    private static final int METERS = 1024;

    private final TokenEngine engine = TokenEngine.withSampleTables();
    private final MeterKeyParams[] ea07Meters = new MeterKeyParams[METERS];
    private final MeterKeyParams[] ea11Meters = new MeterKeyParams[METERS];
    private DecoderKeyGenerator dkga02;
    private DecoderKeyGenerator dkga04;
    private DecoderKey cached;
    private int next;
    private long tid = 100_000;

    @Setup
    public void setUp() {
        dkga02 = DecoderKeyGenerator.of(Dkga.DKGA02, new byte[] {-85, -85, -85, -85, -85, -85, -85, -85});
        dkga04 = DecoderKeyGenerator.of(Dkga.DKGA04, new byte[20]);
        for (int i = 0; i < METERS; i++) {
            String pan = Pan.of("600727", String.format("%011d", 10_000_000L + i * 7919L));
            ea07Meters[i] = new MeterKeyParams(pan, "123456", 1, 1, 2, BaseDate.Y2014, Dkga.DKGA02, Ea.EA07);
            ea11Meters[i] = new MeterKeyParams(pan, "123456", 1, 1, 2, BaseDate.Y2014, Dkga.DKGA04, Ea.EA11);
        }
        cached = dkga02.derive(ea07Meters[0]);
    }

    private CreditTokenRequest request() {
        tid += 2; // even TIDs are never the reserved minute
        if (tid > 16_000_000) {
            tid = 100_000;
        }
        return new CreditTokenRequest(0, 1 + (tid & 0xFFFF), tid, (int) tid & 15);
    }

    @Benchmark
    public String dkga02Ea07() {
        MeterKeyParams meter = ea07Meters[next++ & (METERS - 1)];
        return engine.issue(dkga02.derive(meter), meter, request()).token();
    }

    @Benchmark
    public String dkga04Ea11() {
        MeterKeyParams meter = ea11Meters[next++ & (METERS - 1)];
        return engine.issue(dkga04.derive(meter), meter, request()).token();
    }

    @Benchmark
    public String cachedKeyEa07() {
        return engine.issue(cached, ea07Meters[0], request()).token();
    }
}
