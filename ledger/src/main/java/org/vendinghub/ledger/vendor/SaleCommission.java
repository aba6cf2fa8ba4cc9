package org.vendinghub.ledger.vendor;

/**
 * What a sale through this vendor pays in commission, in basis points of the tendered amount: the vendor's own
 * (COMMISSION terms only) and its agent's (if it has one). Ids are null when nobody earns.
 */
public record SaleCommission(long vendorId, int vendorBp, Long agentId, int agentBp) {
}
