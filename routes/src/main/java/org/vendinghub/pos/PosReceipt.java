package org.vendinghub.pos;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A vend receipt for a POS thermal printer, as plain text for 32- or 48-column paper and as ESC/POS bytes.
 *
 * @param lines label/amount pairs printed in order (units, amount, tax, fees, debt…)
 * @param token the 20-digit token; printed in blocks of four digits
 */
public record PosReceipt(String utility, String vendor, String receiptNo, String meterNumber, List<Line> lines, String token) {

    public record Line(String label, String value) {
    }

    public PosReceipt {
        lines = List.copyOf(lines);
        if (token == null || !token.matches("\\d{20}")) {
            throw new IllegalArgumentException("token must be 20 digits");
        }
    }

    /** The receipt as lines of at most {@code columns} characters (32 or 48). */
    public List<String> text(int columns) {
        if (columns != 32 && columns != 48) {
            throw new IllegalArgumentException("printers have 32 or 48 columns, not " + columns);
        }
        List<String> out = new ArrayList<>();
        out.add(center(utility, columns));
        out.add(center(vendor, columns));
        out.add("-".repeat(columns));
        out.add(pair("Receipt", receiptNo, columns));
        out.add(pair("Meter", meterNumber, columns));
        lines.forEach(l -> out.add(pair(l.label(), l.value(), columns)));
        out.add("-".repeat(columns));
        out.add(center("TOKEN", columns));
        out.add(center(token.replaceAll("(\\d{4})(?!$)", "$1 "), columns));
        return out;
    }

    /** ESC/POS: initialise, the text, the token in double height, feed and cut. */
    public byte[] escPos(int columns) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{0x1B, 0x40});                      // ESC @ initialise
        List<String> text = text(columns);
        for (int i = 0; i < text.size(); i++) {
            boolean tokenLine = i == text.size() - 1;
            if (tokenLine) {
                out.writeBytes(new byte[]{0x1B, 0x21, 0x10});        // ESC ! double height
            }
            out.writeBytes((text.get(i) + "\n").getBytes(StandardCharsets.US_ASCII));
            if (tokenLine) {
                out.writeBytes(new byte[]{0x1B, 0x21, 0x00});        // ESC ! normal
            }
        }
        out.writeBytes(new byte[]{0x1B, 0x64, 0x03, 0x1D, 0x56, 0x01}); // ESC d 3 feed, GS V 1 partial cut
        return out.toByteArray();
    }

    private static String pair(String label, String value, int columns) {
        String v = value.length() > columns ? value.substring(0, columns) : value;
        int room = columns - v.length() - 1;
        String l = label.length() > room ? label.substring(0, Math.max(0, room)) : label;
        return l + " ".repeat(columns - l.length() - v.length()) + v;
    }

    private static String center(String s, int columns) {
        String t = s.length() > columns ? s.substring(0, columns) : s;
        return " ".repeat((columns - t.length()) / 2) + t;
    }
}
