package org.vendinghub.sts.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** 20-digit form and transposition (IEC 62055-41 6.4.2; STS_REFERENCE.md 4). */
class TokenNumberTest {

    @Test
    void largest_token_is_2_pow_66_minus_1_and_anything_above_is_refused() {
        assertThat(TokenNumber.toDigits(3, -1L)).isEqualTo("73786976294838206463");
        assertThat(TokenNumber.parse("73786976294838206463").block()).isEqualTo(-1L & ~(3L << 27) | (3L << 27));
        assertThatThrownBy(() -> TokenNumber.parse("73786976294838206464"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("token 73786976294838206464 is not below 2^66");
        assertThatThrownBy(() -> TokenNumber.parse("99999999999999999999"))
                .hasMessage("token 99999999999999999999 is not below 2^66");
        assertThatThrownBy(() -> TokenNumber.parse("1234")).hasMessage("token must be 20 digits, not '1234'");
        assertThatThrownBy(() -> TokenNumber.parse("1234567890123456789x"))
                .hasMessage("token must be 20 digits, not '1234567890123456789x'");
    }

    @Test
    void leading_zeros_are_kept() {
        assertThat(TokenNumber.toDigits(0, 0)).isEqualTo("00000000000000000000");
        assertThat(TokenNumber.toDigits(0, 150997584L)).isEqualTo("00000000000150997584");
    }

    @Test
    void digits_match_biginteger_and_transposition_round_trips() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            int tokenClass = random.nextInt(4);
            long block = random.nextLong();
            String token = TokenNumber.format(tokenClass, block);
            BigInteger value = new BigInteger(token);
            assertThat(value.bitLength()).isLessThanOrEqualTo(66);
            assertThat(value.testBit(28)).isEqualTo((tokenClass & 2) != 0);
            assertThat(value.testBit(27)).isEqualTo((tokenClass & 1) != 0);
            assertThat(value.testBit(65)).isEqualTo((block >>> 28 & 1) != 0);
            assertThat(value.testBit(64)).isEqualTo((block >>> 27 & 1) != 0);
            TokenNumber.Parsed parsed = TokenNumber.parse(token);
            assertThat(parsed.tokenClass()).isEqualTo(tokenClass);
            assertThat(parsed.block()).isEqualTo(block);
        }
    }
}
