package org.vendinghub.sts.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** 16-bit amount coding (IEC 62055-41 6.3.6; boundaries from STS_REFERENCE.md 3.6 and the CTSA12 vectors). */
class UnitsCodingTest {

    @ParameterizedTest(name = "{0} -> {1} -> {2}")
    @CsvSource({
        "0,        0000, 0",
        "1,        0001, 1",
        "16383,    3FFF, 16383",
        "16384,    4000, 16384",
        "16385,    4001, 16394",
        "16394,    4001, 16394",
        "180214,   7FFF, 180214",
        "180215,   8000, 180224",
        "180223,   8000, 180224",
        "180224,   8000, 180224",
        "180225,   8001, 180324",
        "1818524,  BFFF, 1818524",
        "1818525,  C000, 1818624",
        "1818623,  C000, 1818624",
        "1818624,  C000, 1818624",
        "1818625,  C001, 1819624",
        "18201623, FFFF, 18201624",
        "18201624, FFFF, 18201624",
    })
    void encodes_rounding_up_and_decodes(long value, String field, long meterSees) {
        assertThat(String.format("%04X", UnitsCoding.encode(value))).isEqualTo(field);
        assertThat(UnitsCoding.decode(Integer.parseInt(field, 16))).isEqualTo(meterSees);
        assertThat(UnitsCoding.roundUp(value)).isEqualTo(meterSees).isGreaterThanOrEqualTo(value);
    }

    @Test
    void every_field_round_trips() {
        for (int field = 0; field <= 0xFFFF; field++) {
            assertThat(UnitsCoding.encode(UnitsCoding.decode(field))).isEqualTo(field);
        }
    }

    @Test
    void over_the_maximum_is_refused() {
        assertThatThrownBy(() -> UnitsCoding.encode(18_201_625))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("amount 18201625 exceeds the maximum of 18201624");
        assertThatThrownBy(() -> UnitsCoding.encode(-1)).hasMessage("amount must not be negative, not -1");
    }
}
