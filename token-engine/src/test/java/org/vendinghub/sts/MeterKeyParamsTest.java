package org.vendinghub.sts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MeterKeyParamsTest {

    @Test
    void pan_with_wrong_check_digit_is_refused_with_the_expected_digit() {
        assertThatThrownBy(() -> new MeterKeyParams("600727000000000008", "123456", 1, 1, 2, BaseDate.Y1993,
                Dkga.DKGA02, Ea.EA07))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PAN 600727000000000008 has check digit 8, expected 9");
    }

    @Test
    void pan_must_be_18_digits() {
        assertThatThrownBy(() -> Pan.validate("60072700000000009")).hasMessage("PAN must be 18 digits, not '60072700000000009'");
        assertThatThrownBy(() -> Pan.validate("60072700000000000A")).hasMessage("PAN must be 18 digits, not '60072700000000000A'");
    }

    @Test
    void pan_from_iin_and_drn_gets_its_luhn_digit() {
        assertThat(Pan.of("600727", "00000000000")).isEqualTo("600727000000000009");
        assertThat(Pan.of("0000", "0100000000008")).isEqualTo("000001000000000082");
        MeterKeyParams m = MeterKeyParams.ofIinDrn("600727", "00000000000", "123456", 1, 1, 2, BaseDate.Y1993,
                Dkga.DKGA02, Ea.EA07);
        assertThat(m.pan()).isEqualTo("600727000000000009");
        assertThat(m.iin()).isEqualTo("600727");
        assertThat(m.drn()).isEqualTo("00000000000");
    }

    @Test
    void manufacturer_code_comes_from_the_drn() {
        assertThat(Pan.mfrCode("600727120000000003".substring(0, 17) + Pan.checkDigit("60072712000000000"))).isEqualTo(12);
        assertThat(Pan.mfrDigits("600727000000000009")).isEqualTo(2);
        assertThat(Pan.mfrCode("000001000000000082")).isEqualTo(100);
        assertThat(Pan.mfrDigits("000001000000000082")).isEqualTo(4);
    }

    @Test
    void field_ranges_are_checked_with_exact_messages() {
        String pan = "600727000000000009";
        assertThatThrownBy(() -> new MeterKeyParams(pan, "12345", 1, 1, 2, BaseDate.Y1993, Dkga.DKGA02, Ea.EA07))
                .hasMessage("SGC must be 6 digits, not '12345'");
        assertThatThrownBy(() -> new MeterKeyParams(pan, "123456", 100, 1, 2, BaseDate.Y1993, Dkga.DKGA02, Ea.EA07))
                .hasMessage("TI must be 0..99, not 100");
        assertThatThrownBy(() -> new MeterKeyParams(pan, "123456", 1, 0, 2, BaseDate.Y1993, Dkga.DKGA02, Ea.EA07))
                .hasMessage("KRN must be 1..9, not 0");
        assertThatThrownBy(() -> new MeterKeyParams(pan, "123456", 1, 1, 4, BaseDate.Y1993, Dkga.DKGA02, Ea.EA07))
                .hasMessage("KT must be 0..3, not 4");
        assertThatThrownBy(() -> new MeterKeyParams(pan, "123456", 1, 1, 2, BaseDate.Y1993, Dkga.DKGA02, Ea.EA11))
                .hasMessage("DKGA02 supports EA07 only; EA11 needs DKGA04");
        assertThatThrownBy(() -> BaseDate.of(2000)).hasMessage("base date must be 1993, 2014 or 2035, not 2000");
    }
}
