package org.vendinghub.ledger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vendinghub.domain.ChannelRef;
import org.vendinghub.domain.MeterNumber;
import org.vendinghub.domain.Money;
import org.vendinghub.domain.StsParameters;
import org.vendinghub.domain.ValidationException;
import org.vendinghub.domain.VendId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DomainValuesTest {

    @ParameterizedTest
    @CsvSource({"00000000000", "0100000000008", "01234567897"})
    void meter_numbers_with_a_valid_luhn_digit_are_accepted(String number) {
        assertThat(new MeterNumber(number).value()).isEqualTo(number);
    }

    @Test
    void the_sts_reference_pans_are_luhn_valid_with_their_iin() {
        // STS_REFERENCE §5.1: PANs 600727000000000009 and 000001000000000082
        assertThat(MeterNumber.luhnCheckDigit("60072700000000000")).isEqualTo(9);
        assertThat(MeterNumber.luhnCheckDigit("00000100000000008")).isEqualTo(2);
        assertThat(new MeterNumber("0100000000008").defaultIin()).isEqualTo("0000");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|meter number is required",
            "1234567890|meter number must be 11 or 13 digits",
            "123456789012|meter number must be 11 or 13 digits",
            "0123456789X|meter number must be 11 or 13 digits",
            "01234567890|meter number check digit is wrong",
            "0100000000009|meter number check digit is wrong"})
    void bad_meter_numbers_are_refused_with_exact_messages(String number, String message) {
        assertThatThrownBy(() -> new MeterNumber(number))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("meterNumber"))
                .hasMessage(message);
    }

    @Test
    void sts_parameters_are_validated_with_exact_messages() {
        assertThatThrownBy(() -> new StsParameters("12345", "01", 1, 2, 1993, "02", "07")).hasMessage("SGC must be 6 digits");
        assertThatThrownBy(() -> new StsParameters("123456", "1", 1, 2, 1993, "02", "07")).hasMessage("TI must be 2 digits");
        assertThatThrownBy(() -> new StsParameters("123456", "01", 0, 2, 1993, "02", "07")).hasMessage("KRN must be 1 to 9");
        assertThatThrownBy(() -> new StsParameters("123456", "01", 1, 4, 1993, "02", "07")).hasMessage("key type must be 0 to 3");
        assertThatThrownBy(() -> new StsParameters("123456", "01", 1, 2, 2000, "02", "07"))
                .hasMessage("base date must be 1993, 2014 or 2035");
        assertThatThrownBy(() -> new StsParameters("123456", "01", 1, 2, 1993, "01", "07")).hasMessage("DKGA must be 02 or 04");
        assertThatThrownBy(() -> new StsParameters("123456", "01", 1, 2, 1993, "02", "09")).hasMessage("EA must be 07 or 11");
    }

    @Test
    void a_change_of_sgc_ti_krn_key_type_or_base_date_changes_the_decoder_key_and_ea_does_not() {
        StsParameters p = new StsParameters("123456", "01", 1, 2, 1993, "02", "07");
        assertThat(p.decoderKeyDiffersFrom(new StsParameters("123457", "01", 1, 2, 1993, "02", "07"))).isTrue();
        assertThat(p.decoderKeyDiffersFrom(new StsParameters("123456", "02", 1, 2, 1993, "02", "07"))).isTrue();
        assertThat(p.decoderKeyDiffersFrom(new StsParameters("123456", "01", 2, 2, 1993, "02", "07"))).isTrue();
        assertThat(p.decoderKeyDiffersFrom(new StsParameters("123456", "01", 1, 2, 2014, "02", "07"))).isTrue();
        assertThat(p.decoderKeyDiffersFrom(new StsParameters("123456", "01", 1, 2, 1993, "02", "11"))).isFalse();
    }

    @Test
    void money_and_references_refuse_what_they_cannot_hold() {
        assertThatThrownBy(() -> new Money(1, "usd")).hasMessage("currency must be an ISO-4217 code of three capital letters");
        assertThatThrownBy(() -> Money.of(1, "USD").plus(Money.of(1, "ZMW"))).hasMessage("cannot combine USD with ZMW");
        assertThat(Money.of(150, "USD").minus(Money.of(50, "USD"))).isEqualTo(Money.of(100, "USD"));
        assertThatThrownBy(() -> new ChannelRef("mpesa", "X1")).hasMessage("channel must be 2 to 32 capital letters, digits or underscores");
        assertThatThrownBy(() -> new ChannelRef("MPESA", " ")).hasMessage("channel reference must be 1 to 128 characters");
        assertThatThrownBy(() -> VendId.parse("nope")).hasMessage("vend id must be a UUID");
    }
}
