package org.vendinghub.connectors.email;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.vendinghub.domain.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmailMessageTest {

    private static final String SUBJECT = "Your electricity token";
    private static final String TEXT = "Token 1234 5678 9012 3456 7890";

    @ParameterizedTest(name = "{0} is a valid recipient")
    @ValueSource(strings = {"amina@example.com", "first.last+tokens@mail.example.co.ke", "x@y.zz"})
    void ordinary_addresses_are_accepted(String to) {
        assertThat(new EmailMessage(to, SUBJECT, TEXT, "vend-1").to()).isEqualTo(to);
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @NullSource
    @ValueSource(strings = {"", "amina", "amina@", "@example.com", "amina@example", "amina@@example.com",
            "amina@example.com, eve@example.com", "Amina <amina@example.com>", "amina@example.com\r\nBcc: eve@example.com",
            "amina @example.com", "amina@example..com"})
    void anything_but_one_plain_address_is_refused_with_the_rule(String to) {
        assertThatThrownBy(() -> new EmailMessage(to, SUBJECT, TEXT, "vend-1"))
                .isInstanceOf(ValidationException.class)
                .hasMessage("e-mail recipient must be one address like name@example.com")
                .extracting(e -> ((ValidationException) e).field()).isEqualTo("to");
    }

    @Test
    void an_address_longer_than_254_characters_is_refused() {
        String to = "a".repeat(64) + "@" + "b".repeat(186) + ".com";
        assertThat(to).hasSize(255);

        assertThatThrownBy(() -> new EmailMessage(to, SUBJECT, TEXT, "vend-1"))
                .hasMessage("e-mail recipient must be one address like name@example.com");
    }

    @ParameterizedTest(name = "subject \"{0}\" is refused")
    @NullSource
    @ValueSource(strings = {"", " ", "Your token\r\nBcc: eve@example.com", "Your token\nsecond line"})
    void the_subject_must_be_one_non_blank_line(String subject) {
        assertThatThrownBy(() -> new EmailMessage("amina@example.com", subject, TEXT, "vend-1"))
                .isInstanceOf(ValidationException.class)
                .hasMessage("e-mail subject must be one line of 1 to 200 characters");
    }

    @Test
    void the_subject_may_have_200_characters_but_not_201() {
        assertThat(new EmailMessage("amina@example.com", "s".repeat(200), TEXT, "vend-1").subject()).hasSize(200);
        assertThatThrownBy(() -> new EmailMessage("amina@example.com", "s".repeat(201), TEXT, "vend-1"))
                .hasMessage("e-mail subject must be one line of 1 to 200 characters");
    }

    @ParameterizedTest(name = "text \"{0}\" is refused")
    @NullSource
    @ValueSource(strings = {"", " \n "})
    void text_is_required(String text) {
        assertThatThrownBy(() -> new EmailMessage("amina@example.com", SUBJECT, text, "vend-1"))
                .isInstanceOf(ValidationException.class)
                .hasMessage("e-mail text is required");
    }

    @ParameterizedTest(name = "reference \"{0}\" is refused")
    @NullSource
    @ValueSource(strings = {"", "  "})
    void a_reference_is_required(String reference) {
        assertThatThrownBy(() -> new EmailMessage("amina@example.com", SUBJECT, TEXT, reference))
                .isInstanceOf(ValidationException.class)
                .hasMessage("e-mail reference is required: pass our id for it, e.g. the vend id");
    }

    @Test
    void printing_a_message_leaves_out_its_text_which_may_carry_a_token() {
        assertThat(new EmailMessage("amina@example.com", SUBJECT, TEXT, "vend-1").toString())
                .isEqualTo("EmailMessage[to=amina@example.com, subject=Your electricity token, text=(30 chars), reference=vend-1]");
    }
}
