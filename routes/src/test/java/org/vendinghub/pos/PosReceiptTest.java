package org.vendinghub.pos;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PosReceiptTest {

    private final PosReceipt receipt = new PosReceipt("Test Power", "Corner Shop", "R000000123", "01234567897",
            List.of(new PosReceipt.Line("Units", "4.0 kWh"), new PosReceipt.Line("Amount", "KES 116.00"),
                    new PosReceipt.Line("VAT 16%", "KES 16.00"), new PosReceipt.Line("Debt recovered", "KES 0.00")),
            "12345678901234567890");

    @ParameterizedTest
    @ValueSource(ints = {32, 48})
    void every_line_fits_the_paper_and_the_token_is_printed_in_blocks_of_four(int columns) {
        List<String> text = receipt.text(columns);
        assertThat(text).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(columns));
        assertThat(text).anySatisfy(line -> assertThat(line.trim()).isEqualTo("1234 5678 9012 3456 7890"));
        assertThat(text).contains("Units" + " ".repeat(columns - 5 - 7) + "4.0 kWh");
    }

    @Test
    void esc_pos_bytes_initialise_print_the_token_large_and_cut() {
        byte[] bytes = receipt.escPos(32);
        assertThat(bytes[0]).isEqualTo((byte) 0x1B);
        assertThat(bytes[1]).isEqualTo((byte) 0x40);
        String tokenLine = receipt.text(32).get(receipt.text(32).size() - 1);
        assertThat(tokenLine.trim()).isEqualTo("1234 5678 9012 3456 7890");
        assertThat(new String(bytes, StandardCharsets.US_ASCII)).contains("\u001B!\u0010" + tokenLine + "\n\u001B!\u0000");
        assertThat(bytes[bytes.length - 3]).isEqualTo((byte) 0x1D);
        assertThat(bytes[bytes.length - 2]).isEqualTo((byte) 0x56);
    }

    @Test
    void a_printer_width_other_than_32_or_48_is_refused() {
        assertThatThrownBy(() -> receipt.text(40)).hasMessage("printers have 32 or 48 columns, not 40");
    }
}
