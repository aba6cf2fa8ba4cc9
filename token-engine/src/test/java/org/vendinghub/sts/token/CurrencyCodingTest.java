package org.vendinghub.sts.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 20-bit currency coding (STS_REFERENCE.md 3.7: s(1) e(5) m(14), 10^-5 units, rounded up). */
class CurrencyCodingTest {

    @ParameterizedTest(name = "{0} -> {1} -> {2}")
    @CsvSource({
        "0,       00000, 0",
        "16383,   03FFF, 16383",
        "16384,   04000, 16384",
        "16385,   04001, 16394",
        "180223,  08000, 180224",
        "-1,      80001, -1",
        "-16385,  84000, -16384",
        "-180223, 87FFF, -180214",
    })
    void rounds_up_towards_plus_infinity(long amount, String field, long meterSees) {
        assertThat(String.format("%05X", CurrencyCoding.encode(amount))).isEqualTo(field);
        assertThat(CurrencyCoding.decode(Integer.parseInt(field, 16))).isEqualTo(meterSees);
    }

    @Test
    void random_amounts_round_up_by_less_than_one_step() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            long amount = (long) (random.nextDouble() * 1e12) * (random.nextBoolean() ? 1 : -1);
            int field = CurrencyCoding.encode(amount);
            long decoded = CurrencyCoding.decode(field);
            assertThat(decoded).isGreaterThanOrEqualTo(amount);
            int e = (field >>> 14) & 0x1F;
            assertThat(decoded - amount).isLessThan((long) Math.pow(10, e));
            assertThat(CurrencyCoding.encode(decoded)).isEqualTo(field);
        }
    }

    @Test
    void limits_have_exact_messages() {
        assertThatThrownBy(() -> CurrencyCoding.encode(CurrencyCoding.MAX + 1))
                .hasMessage("currency amount " + (CurrencyCoding.MAX + 1) + " exceeds the maximum of " + CurrencyCoding.MAX);
        assertThatThrownBy(() -> CurrencyCoding.decode(20 << 14))
                .hasMessage("currency exponent 20 is beyond the supported maximum 14");
    }
}
