package org.vendinghub.ledger.pricing;

/** What a breakdown line pays for. The four kinds go to four different ledger accounts. */
public enum LineKind { FIXED_FEE, DEBT_RECOVERY, TAX, ENERGY }
