package org.vendinghub.pos;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * A slip for a POS thermal printer: rows that lay themselves out on 32- or 48-column paper, as plain text or as
 * ESC/POS bytes. Long values wrap instead of being cut, so nothing printed is ever lost. Text is plain ASCII (accents
 * dropped), because that is what every printer's default code page prints the same.
 */
public final class PosPrintout {

    /** How a row prints: LARGE is double height and bold (the token), BOLD a centred heading. */
    enum Style { CENTER, BOLD, PAIR, BOLD_PAIR, RULE, LARGE, TEXT }

    private record Row(Style style, String left, String right) {
    }

    /** One laid-out line of paper and how to print it. */
    private record Laid(Style style, String text) {
    }

    private static final byte ESC = 0x1B;
    private static final byte GS = 0x1D;

    private final List<Row> rows = new ArrayList<>();

    PosPrintout center(String text) {
        return add(Style.CENTER, text, null);
    }

    PosPrintout bold(String text) {
        return add(Style.BOLD, text, null);
    }

    PosPrintout pair(String label, String value) {
        return add(Style.PAIR, label, value);
    }

    PosPrintout boldPair(String label, String value) {
        return add(Style.BOLD_PAIR, label, value);
    }

    PosPrintout rule() {
        return add(Style.RULE, "", null);
    }

    PosPrintout large(String text) {
        return add(Style.LARGE, text, null);
    }

    PosPrintout text(String text) {
        return add(Style.TEXT, text, null);
    }

    private PosPrintout add(Style style, String left, String right) {
        if (left != null && (right != null || style != Style.PAIR && style != Style.BOLD_PAIR)) {
            rows.add(new Row(style, ascii(left), right == null ? null : ascii(right)));
        }
        return this;
    }

    /** The slip as lines of at most {@code columns} characters (32 or 48). */
    public List<String> text(int columns) {
        return lay(columns).stream().map(Laid::text).toList();
    }

    /** ESC/POS: initialise, the lines (headings bold, the token double height), feed and a partial cut. */
    public byte[] escPos(int columns) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{ESC, '@'});
        for (Laid line : lay(columns)) {
            byte mode = switch (line.style()) {
                case LARGE -> 0x18;               // ESC ! : emphasised + double height
                case BOLD, BOLD_PAIR -> 0x08;     // emphasised
                default -> 0x00;
            };
            if (mode != 0) {
                out.writeBytes(new byte[]{ESC, '!', mode});
            }
            out.writeBytes((line.text() + "\n").getBytes(StandardCharsets.US_ASCII));
            if (mode != 0) {
                out.writeBytes(new byte[]{ESC, '!', 0x00});
            }
        }
        out.writeBytes(new byte[]{ESC, 'd', 0x03, GS, 'V', 0x01}); // feed 3 lines, partial cut
        return out.toByteArray();
    }

    private List<Laid> lay(int columns) {
        if (columns != 32 && columns != 48) {
            throw new IllegalArgumentException("printers have 32 or 48 columns, not " + columns);
        }
        List<Laid> out = new ArrayList<>();
        for (Row row : rows) {
            switch (row.style()) {
                case RULE -> out.add(new Laid(Style.RULE, "-".repeat(columns)));
                case TEXT -> wrap(row.left(), columns).forEach(l -> out.add(new Laid(Style.TEXT, l)));
                case PAIR, BOLD_PAIR -> pair(row, columns).forEach(l -> out.add(new Laid(row.style(), l)));
                default -> wrap(row.left(), columns).forEach(l -> out.add(new Laid(row.style(), centered(l, columns))));
            }
        }
        return out;
    }

    /** Label left, value right on one line; when both do not fit, the label and then the value right-aligned below. */
    private static List<String> pair(Row row, int columns) {
        String label = row.left();
        String value = row.right();
        if (label.length() + 1 + value.length() <= columns) {
            return List.of(label + " ".repeat(columns - label.length() - value.length()) + value);
        }
        List<String> out = new ArrayList<>(wrap(label, columns));
        wrap(value, columns).forEach(v -> out.add(" ".repeat(columns - v.length()) + v));
        return out;
    }

    /** Word wrap; a word longer than the line is split. */
    private static List<String> wrap(String text, int columns) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            while (word.length() > columns) {
                if (!line.isEmpty()) {
                    out.add(line.toString());
                    line.setLength(0);
                }
                out.add(word.substring(0, columns));
                word = word.substring(columns);
            }
            if (!line.isEmpty() && line.length() + 1 + word.length() > columns) {
                out.add(line.toString());
                line.setLength(0);
            }
            if (!word.isEmpty()) {
                line.append(line.isEmpty() ? "" : " ").append(word);
            }
        }
        if (!line.isEmpty() || out.isEmpty()) {
            out.add(line.toString());
        }
        return out;
    }

    private static String centered(String text, int columns) {
        return " ".repeat((columns - text.length()) / 2) + text;
    }

    /** Printable ASCII only: accents are dropped ("Chébet" prints "Chebet"), anything else becomes '?'. */
    static String ascii(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        StringBuilder out = new StringBuilder(plain.length());
        plain.chars().forEach(c -> out.append(c >= 0x20 && c < 0x7F ? (char) c : Character.isWhitespace(c) ? ' ' : '?'));
        return out.toString();
    }
}
