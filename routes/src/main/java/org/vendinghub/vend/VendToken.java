package org.vendinghub.vend;

/** One token a vend issued, as kept and shown: the 20 digits and what they do. */
public record VendToken(int seq, String kind, String description, String token, int tokenClass, int subclass, Long tid,
                        long value, boolean testToken) {

    /** The token in blocks of four digits, as printed on receipts and read out to customers. */
    public String formatted() {
        return inBlocks(token);
    }

    /** Digits in blocks of four ("1234 5678 9012 3456 7890"); not a regex: this runs for every vend answered. */
    public static String inBlocks(String digits) {
        StringBuilder blocks = new StringBuilder(digits.length() + digits.length() / 4);
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                blocks.append(' ');
            }
            blocks.append(digits.charAt(i));
        }
        return blocks.toString();
    }
}
