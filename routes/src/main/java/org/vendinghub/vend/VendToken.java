package org.vendinghub.vend;

/** One token a vend issued, as kept and shown: the 20 digits and what they do. */
public record VendToken(int seq, String kind, String description, String token, int tokenClass, int subclass, Long tid,
                        long value, boolean testToken) {

    /** The token in blocks of four digits, as printed on receipts and read out to customers. */
    public String formatted() {
        return token.replaceAll("(\\d{4})(?!$)", "$1 ");
    }
}
