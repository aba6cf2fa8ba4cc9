package org.vendinghub.ledger.vendor;

/**
 * How a vendor earns. DISCOUNT: it buys float in bulk at a discount (a deposit of X buys X / (1 - d) of float).
 * COMMISSION: it buys float at face value and earns a commission on each sale.
 */
public enum VendorTerms { DISCOUNT, COMMISSION }
