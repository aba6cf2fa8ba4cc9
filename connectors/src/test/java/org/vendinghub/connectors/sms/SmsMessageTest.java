package org.vendinghub.connectors.sms;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.vendinghub.domain.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SmsMessageTest {

    private static final String TEXT = "Token 1234 5678 9012 3456 7890";

    @ParameterizedTest(name = "{0} is a valid recipient")
    @ValueSource(strings = {"+25471234", "+254712345678", "+123456789012345"})
    void e164_numbers_of_8_to_15_digits_are_accepted(String to) {
        assertThat(new SmsMessage(to, TEXT, "vend-1").to()).isEqualTo(to);
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @NullSource
    @ValueSource(strings = {"", "254712345678", "0712345678", "+2547123", "+1234567890123456", "+254 712 345 678",
            "+254712345678,+254700000000", "+25471234567x"})
    void anything_but_plus_and_8_to_15_digits_is_refused_with_the_rule(String to) {
        assertThatThrownBy(() -> new SmsMessage(to, TEXT, "vend-1"))
                .isInstanceOf(ValidationException.class)
                .hasMessage("SMS recipient must be in E.164 form: '+' and 8 to 15 digits, e.g. +254712345678")
                .extracting(e -> ((ValidationException) e).field()).isEqualTo("to");
    }

    @Test
    void text_of_1_and_of_918_characters_is_accepted() {
        assertThat(new SmsMessage("+254712345678", "x", "vend-1").text()).hasSize(1);
        assertThat(new SmsMessage("+254712345678", "x".repeat(918), "vend-1").text()).hasSize(918);
    }

    @ParameterizedTest(name = "text of {0} characters is refused")
    @ValueSource(ints = {0, 919})
    void empty_or_longer_than_918_characters_text_is_refused(int length) {
        assertThatThrownBy(() -> new SmsMessage("+254712345678", "x".repeat(length), "vend-1"))
                .isInstanceOf(ValidationException.class)
                .hasMessage("SMS text must be 1 to 918 characters");
    }

    @Test
    void missing_text_is_refused() {
        assertThatThrownBy(() -> new SmsMessage("+254712345678", null, "vend-1"))
                .hasMessage("SMS text must be 1 to 918 characters");
    }

    @ParameterizedTest(name = "reference \"{0}\" is refused")
    @NullSource
    @ValueSource(strings = {"", "  "})
    void a_reference_is_required(String reference) {
        assertThatThrownBy(() -> new SmsMessage("+254712345678", TEXT, reference))
                .isInstanceOf(ValidationException.class)
                .hasMessage("SMS reference is required: pass our id for it, e.g. the vend id");
    }

    @Test
    void printing_a_message_leaves_out_its_text_which_may_carry_a_token() {
        assertThat(new SmsMessage("+254712345678", TEXT, "vend-1").toString())
                .isEqualTo("SmsMessage[to=+254712345678, text=(30 chars), reference=vend-1]");
    }
}
