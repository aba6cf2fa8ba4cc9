package org.vendinghub.ledger.vendor;

/**
 * A vendor to create or the new terms of one. With DISCOUNT terms {@code commissionBp} must be 0 and vice versa.
 * {@code creditLimitMinor}: how far the float may go below zero (0: never).
 */
public record NewVendor(long utilityId, String name, Long groupId, Long agentId, VendorTerms terms, int discountBp,
                        int commissionBp, long creditLimitMinor) {
}
