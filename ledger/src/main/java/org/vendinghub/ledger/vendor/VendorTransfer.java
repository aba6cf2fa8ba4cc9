package org.vendinghub.ledger.vendor;

/** Float moved from one vendor to another (a dealer topping up its sub-vendor). */
public record VendorTransfer(String transferRef, long fromVendorId, long toVendorId, long amountMinor, String requestedBy) {
}
