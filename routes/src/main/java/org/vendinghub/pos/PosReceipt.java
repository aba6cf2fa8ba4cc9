package org.vendinghub.pos;

import org.vendinghub.vend.VendToken;

import java.util.List;

/**
 * A vend receipt for a POS thermal printer, as plain text for 32- or 48-column paper and as ESC/POS bytes: the
 * utility (name, address, tax number) and the vendor, who sold it where and when, the meter and customer, the money
 * lines (energy with its units, fixed fees, debt recovered, tax), the total, and every token in blocks of four digits
 * (key-change tokens first, in the order they must be entered).
 *
 * @param details label/value pairs about the sale (vendor, terminal, cashier, date, receipt, meter, customer...)
 * @param lines   the money lines of the price, in order
 * @param copy    0 for the original, 1 for the first reprint, and so on
 */
public record PosReceipt(Party utility, List<Line> details, List<Line> lines, Line total, List<Token> tokens, int copy,
                         String footer) implements PosPrintable {

    public record Party(String name, String address, String taxReference) {
    }

    public record Line(String label, String value) {
    }

    /** @param test a test token (from a test key or a test meter): printed with a warning */
    public record Token(String description, String digits, boolean test) {

        public Token {
            if (digits == null || !digits.matches("\\d{20}")) {
                throw new IllegalArgumentException("token must be 20 digits");
            }
        }

        /** Blocks of four digits, as customers key them in: "1234 5678 9012 3456 7890". */
        public String grouped() {
            return VendToken.inBlocks(digits);
        }
    }

    public PosReceipt {
        details = List.copyOf(details);
        lines = List.copyOf(lines);
        tokens = List.copyOf(tokens);
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("a receipt prints at least one token");
        }
    }

    /** The receipt as lines of at most {@code columns} characters (32 or 48). */
    public List<String> text(int columns) {
        return printout().text(columns);
    }

    /** ESC/POS: initialise, the receipt with the tokens in double height, feed and cut. */
    public byte[] escPos(int columns) {
        return printout().escPos(columns);
    }

    PosPrintout printout() {
        PosPrintout p = new PosPrintout().bold(utility.name());
        if (utility.address() != null && !utility.address().isBlank()) {
            p.center(utility.address());
        }
        if (utility.taxReference() != null && !utility.taxReference().isBlank()) {
            p.center("Tax No " + utility.taxReference());
        }
        p.rule().bold(copy == 0 ? "TAX INVOICE" : "TAX INVOICE - COPY " + copy);
        details.forEach(d -> p.pair(d.label(), d.value()));
        p.rule();
        lines.forEach(l -> p.pair(l.label(), l.value()));
        if (total != null) {
            p.boldPair(total.label(), total.value());
        }
        p.rule();
        for (Token token : tokens) {
            p.center(token.description());
            p.large(token.grouped());
            if (token.test()) {
                p.bold("TEST TOKEN - NOT FOR SALE");
            }
        }
        if (footer != null && !footer.isBlank()) {
            p.rule().text(footer);
        }
        return p;
    }
}
