package org.vendinghub.ledger.sale;

import org.vendinghub.domain.ValidationException;
import org.vendinghub.ledger.AccountType;

/**
 * Whose money pays a vend: a vendor's float, a payment channel's clearing account (the channel collected the money),
 * or a thin-meter customer's wallet. Floats and wallets may not go negative; that is checked at reservation.
 */
public record Payer(Kind kind, String ref) {

    public enum Kind { VENDOR, CHANNEL, WALLET }

    public Payer {
        ValidationException.require(kind != null, "payer", "payer kind is required");
        ValidationException.require(ref != null && ref.matches(kind == Kind.CHANNEL ? "[A-Z][A-Z0-9_]{1,31}" : "[0-9]{1,18}"),
                "payer", kind == Kind.CHANNEL ? "channel must be 2 to 32 capital letters, digits or underscores"
                        : "payer id must be a number");
    }

    public static Payer vendor(long vendorId) {
        return new Payer(Kind.VENDOR, Long.toString(vendorId));
    }

    public static Payer channel(String channel) {
        return new Payer(Kind.CHANNEL, channel);
    }

    public static Payer wallet(long customerId) {
        return new Payer(Kind.WALLET, Long.toString(customerId));
    }

    AccountType accountType() {
        return switch (kind) {
            case VENDOR -> AccountType.VENDOR_FLOAT;
            case CHANNEL -> AccountType.CHANNEL_CLEARING;
            case WALLET -> AccountType.CUSTOMER_WALLET;
        };
    }

    String ownerRef() {
        return switch (kind) {
            case VENDOR -> "vendor:" + ref;
            case CHANNEL -> "channel:" + ref;
            case WALLET -> "customer:" + ref;
        };
    }
}
