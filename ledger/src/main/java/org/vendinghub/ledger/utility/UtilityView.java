package org.vendinghub.ledger.utility;

/** A utility as the console and receipts show it. {@code taxRateBp}: VAT in basis points (1500 = 15 %). */
public record UtilityView(long id, String name, String currency, int taxRateBp, String address, String taxReference) {
}
