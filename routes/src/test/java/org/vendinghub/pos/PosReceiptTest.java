package org.vendinghub.pos;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PosReceiptTest {

    private static final PosReceipt.Party UTILITY = new PosReceipt.Party("Test Power", "1 Grid Road, Kisumu, a long address "
            + "that does not fit on one line of a narrow printer", "P051234567X");

    private final PosReceipt receipt = new PosReceipt(UTILITY,
            List.of(new PosReceipt.Line("Vendor", "Corner Shop"), new PosReceipt.Line("Receipt", "R000000123"),
                    new PosReceipt.Line("Customer", "Chébet Wanjiru-Omondi of the Very Long Family Name")),
            List.of(new PosReceipt.Line("Energy 4.0 kWh", "100.00"), new PosReceipt.Line("Water levy", "2.50"),
                    new PosReceipt.Line("Debt recovery", "10.00"), new PosReceipt.Line("VAT 16%", "16.00"),
                    new PosReceipt.Line("Units", "4.0 kWh")),
            new PosReceipt.Line("TOTAL", "KES 128.50"),
            List.of(new PosReceipt.Token("Key change 1 of 2", "11112222333344445555", false),
                    new PosReceipt.Token("Credit 4.0 kWh", "12345678901234567890", false)),
            0, "Keep this receipt.");

    @ParameterizedTest
    @ValueSource(ints = {32, 48})
    void every_line_fits_the_paper_and_every_token_is_printed_in_blocks_of_four(int columns) {
        List<String> text = receipt.text(columns);
        assertThat(text).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(columns));
        assertThat(text).anySatisfy(line -> assertThat(line.trim()).isEqualTo("1234 5678 9012 3456 7890"));
        assertThat(text).anySatisfy(line -> assertThat(line.trim()).isEqualTo("1111 2222 3333 4444 5555"));
        assertThat(text).contains("VAT 16%" + " ".repeat(columns - 7 - 5) + "16.00");
        assertThat(text).contains("TOTAL" + " ".repeat(columns - 5 - 10) + "KES 128.50");
    }

    @Test
    void the_utility_with_its_tax_number_heads_the_receipt_and_long_values_wrap_instead_of_being_cut() {
        List<String> text = receipt.text(32);
        assertThat(text.get(0).trim()).isEqualTo("Test Power");
        assertThat(String.join(" ", text)).contains("Tax No P051234567X").contains("TAX INVOICE");
        String joined = String.join(" ", text).replaceAll("\\s+", " ");
        assertThat(joined).contains("narrow printer").contains("Very Long Family Name");
        assertThat(joined).as("accents are dropped for the printer's code page").contains("Chebet");
    }

    @Test
    void key_change_tokens_print_before_the_credit_token_in_the_order_they_are_entered() {
        List<String> text = receipt.text(48);
        int keyChange = indexOf(text, "1111 2222 3333 4444 5555");
        int credit = indexOf(text, "1234 5678 9012 3456 7890");
        assertThat(keyChange).isPositive().isLessThan(credit);
        assertThat(text.get(keyChange - 1).trim()).isEqualTo("Key change 1 of 2");
    }

    @Test
    void a_reprint_says_which_copy_it_is() {
        PosReceipt copy = new PosReceipt(UTILITY, receipt.details(), receipt.lines(), receipt.total(), receipt.tokens(), 2, null);
        assertThat(copy.text(32)).anySatisfy(line -> assertThat(line.trim()).isEqualTo("TAX INVOICE - COPY 2"));
        assertThat(receipt.text(32)).noneSatisfy(line -> assertThat(line).contains("COPY"));
    }

    @Test
    void esc_pos_bytes_initialise_print_the_token_large_and_bold_and_cut() {
        byte[] bytes = receipt.escPos(32);
        assertThat(bytes[0]).isEqualTo((byte) 0x1B);
        assertThat(bytes[1]).isEqualTo((byte) 0x40);
        String tokenLine = receipt.text(32).get(indexOf(receipt.text(32), "1234 5678 9012 3456 7890"));
        assertThat(new String(bytes, StandardCharsets.US_ASCII)).contains("\u001B!\u0018" + tokenLine + "\n\u001B!\u0000");
        assertThat(bytes[bytes.length - 3]).isEqualTo((byte) 0x1D);
        assertThat(bytes[bytes.length - 2]).isEqualTo((byte) 0x56);
    }

    @Test
    void a_printer_width_other_than_32_or_48_is_refused() {
        assertThatThrownBy(() -> receipt.text(40)).hasMessage("printers have 32 or 48 columns, not 40");
    }

    @Test
    void a_token_that_is_not_20_digits_cannot_be_printed() {
        assertThatThrownBy(() -> new PosReceipt.Token("Credit", "1234", false)).hasMessage("token must be 20 digits");
    }

    @ParameterizedTest
    @ValueSource(ints = {32, 48})
    void a_z_report_shows_sales_reversals_net_and_tokens_per_type_within_the_paper(int columns) {
        PosShiftTotals.Sum sales = new PosShiftTotals.Sum(3, 348_00, 300_00, 48_00, 0, 0, 120);
        PosShiftTotals.Sum reversed = new PosShiftTotals.Sum(1, 116_00, 100_00, 16_00, 0, 0, 40);
        PosShiftTotals totals = new PosShiftTotals("KES", sales, reversed, new PosShiftTotals.Tokens(3, 2, 0), 1, 0, 1);
        PosShiftReport z = new PosShiftReport(UTILITY, "Corner Shop", "POS-0042", 7, "jane", Instant.parse("2026-03-14T07:00:00Z"),
                "peter", Instant.parse("2026-03-14T17:00:00Z"), 1_000_00, 768_00L, totals, Instant.parse("2026-03-14T17:00:01Z"),
                ZoneId.of("UTC"));

        List<String> text = z.text(columns);

        assertThat(text).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(columns));
        assertThat(text).anySatisfy(line -> assertThat(line.trim()).isEqualTo("Z REPORT - SHIFT CLOSED"));
        String all = String.join("\n", text);
        assertThat(all).contains("KES 348.00").contains("KES 116.00").contains("KES 232.00"); // sales, reversals, net
        assertThat(text).contains("Key change" + " ".repeat(columns - 10 - 1) + "2");
        assertThat(text).contains("Float at close" + " ".repeat(columns - 14 - 10) + "KES 768.00");
        assertThat(totals.net()).isEqualTo(new PosShiftTotals.Sum(2, 232_00, 200_00, 32_00, 0, 0, 80));
    }

    private static int indexOf(List<String> text, String trimmed) {
        for (int i = 0; i < text.size(); i++) {
            if (text.get(i).trim().equals(trimmed)) {
                return i;
            }
        }
        return -1;
    }
}
