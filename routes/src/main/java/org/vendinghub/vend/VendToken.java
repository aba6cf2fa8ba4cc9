package org.vendinghub.vend;

/** One token a vend issued, as kept and shown: the 20 digits and what they do. */
public record VendToken(int seq, String kind, String description, String token, int tokenClass, int subclass, Long tid,
                        long value, boolean testToken) {

    /** The token in blocks of four digits, as printed on receipts and read out to customers. */
    public String formatted() {
        StringBuilder blocks = new StringBuilder(token.length() + token.length() / 4);
        for (int i = 0; i < token.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                blocks.append(' ');
            }
            blocks.append(token.charAt(i));
        }
        return blocks.toString();
    }
}
