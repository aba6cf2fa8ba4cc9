package org.vendinghub.vend;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How a token and a receipt number are printed: on every receipt, page and SMS. */
class VendPrintTest {

    @Test
    void a_token_is_printed_in_blocks_of_four_digits() {
        assertThat(token("12345678901234567890").formatted()).isEqualTo("1234 5678 9012 3456 7890");
        assertThat(token("1234567890123456789").formatted()).as("no trailing space when the last block is short")
                .isEqualTo("1234 5678 9012 3456 789");
        assertThat(token("1234").formatted()).isEqualTo("1234");
    }

    @Test
    void a_receipt_number_has_at_least_nine_digits_after_the_r() {
        assertThat(VendView.receiptNo(42)).isEqualTo("R000000042");
        assertThat(VendView.receiptNo(123_456_789)).isEqualTo("R123456789");
        assertThat(VendView.receiptNo(1_234_567_890L)).isEqualTo("R1234567890");
    }

    private static VendToken token(String digits) {
        return new VendToken(1, "CREDIT", "Credit", digits, 0, 0, 1L, 10, false);
    }
}
