package org.vendinghub.ledger.vendor;

/** A vendor with its float balance: {@code availableMinor} = credits - debits - reserved + credit limit. */
public record VendorView(long id, long utilityId, String name, Long groupId, Long agentId, VendorTerms terms,
                         int discountBp, int commissionBp, long floatAccountId, String currency, long balanceMinor,
                         long reservedMinor, long creditLimitMinor, long availableMinor) {
}
