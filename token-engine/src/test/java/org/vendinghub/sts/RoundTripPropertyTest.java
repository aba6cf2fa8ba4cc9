package org.vendinghub.sts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vendinghub.sts.crypto.DecoderKey;
import org.vendinghub.sts.crypto.DecoderKeyGenerator;
import org.vendinghub.sts.meter.MeterResult;
import org.vendinghub.sts.meter.MeterSimulator;
import org.vendinghub.sts.token.CurrencyCoding;
import org.vendinghub.sts.token.Tid;
import org.vendinghub.sts.token.UnitsCoding;

/** Thousands of random tokens: generate, decode, and enter into a simulated meter (seeded, repeatable). */
class RoundTripPropertyTest {

    enum Setup {
        DKGA02_EA07(Fixtures.EA07_METER),
        DKGA04_EA07(Fixtures.DKGA04_EA07_METER),
        DKGA04_EA11(Fixtures.EA11_METER);

        final MeterKeyParams meter;

        Setup(MeterKeyParams meter) {
            this.meter = meter;
        }
    }

    private final TokenEngine engine = TokenEngine.withSampleTables();

    @ParameterizedTest
    @EnumSource(Setup.class)
    void random_tokens_round_trip_and_are_accepted(Setup setup) {
        Random random = new Random(20240601L + setup.ordinal());
        MeterKeyParams meter = setup.meter;
        DecoderKey dk = DecoderKeyGenerator.of(meter.dkga(), Fixtures.vkFor(meter)).derive(meter);
        MeterSimulator sim = MeterSimulator.builder(meter, dk).creditLimit(Long.MAX_VALUE / 4).build();
        long lastTid = 0;
        long[] expectedCredit = new long[8];
        for (int i = 0; i < 3000; i++) {
            lastTid = Tid.next(lastTid + random.nextInt(5000), lastTid);
            TokenRequest request = randomRequest(random, lastTid);
            IssuedToken issued = engine.issue(dk, meter, request);
            assertThat(issued.token()).hasSize(20).containsOnlyDigits();

            DecodedToken decoded = engine.decode(dk, meter.ea(), issued.token());
            assertThat(decoded.crcOk()).isTrue();
            assertThat(decoded.tokenClass()).isEqualTo(issued.tokenClass());
            assertThat(decoded.subclass()).isEqualTo(issued.subclass());
            assertThat(decoded.tid()).isEqualTo(lastTid);
            assertThat(decoded.value()).isEqualTo(issued.value());
            if (request instanceof CreditTokenRequest) {
                CreditTokenRequest c = (CreditTokenRequest) request;
                assertThat(issued.value()).isGreaterThanOrEqualTo(c.amount());
                if (!c.isCurrency()) {
                    assertThat(decoded.rnd()).isEqualTo(issued.rnd());
                }
                expectedCredit[c.subclass()] += issued.value();
            }
            assertThat(sim.enter(issued.token())).isEqualTo(MeterResult.ACCEPT);
            assertThat(sim.enter(issued.token())).isEqualTo(MeterResult.USED);
        }
        for (int s = 0; s < 8; s++) {
            assertThat(sim.credit(s)).isEqualTo(expectedCredit[s]);
        }
    }

    private static TokenRequest randomRequest(Random random, long tid) {
        int rnd = random.nextInt(16);
        switch (random.nextInt(3)) {
            case 0:
                return new CreditTokenRequest(random.nextInt(4), (long) (random.nextDouble() * UnitsCoding.MAX), tid, rnd);
            case 1:
                return new CreditTokenRequest(4 + random.nextInt(4), random.nextInt(1 << 30), tid, rnd);
            default:
                int[] subclasses = {0, 2, 5, 6, 7};
                int sub = subclasses[random.nextInt(subclasses.length)];
                long value = ManagementTokenRequest.isWatts(sub) ? random.nextInt((int) UnitsCoding.MAX + 1)
                        : random.nextInt(0x10000);
                return new ManagementTokenRequest(sub, value, tid, rnd);
        }
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void wrong_key_fails_the_crc(Setup setup) {
        MeterKeyParams meter = setup.meter;
        DecoderKey dk = DecoderKeyGenerator.of(meter.dkga(), Fixtures.vkFor(meter)).derive(meter);
        MeterKeyParams other = meter.withKrn(meter.krn() + 1);
        DecoderKey wrong = DecoderKeyGenerator.of(other.dkga(), Fixtures.vkFor(other)).derive(other);
        Random random = new Random(5);
        int crcOk = 0;
        for (int i = 0; i < 2000; i++) {
            String token = engine.issue(dk, meter, new CreditTokenRequest(0, random.nextInt(100000), Tid.next(10 + i, 9 + i), 1)).token();
            if (engine.decode(wrong, meter.ea(), token).crcOk()) {
                crcOk++;
            }
        }
        assertThat(crcOk).isLessThanOrEqualTo(1); // 16-bit CRC: chance 2000/65536 of a false pass
        assertThat(CurrencyCoding.MAX).isPositive();
    }
}
