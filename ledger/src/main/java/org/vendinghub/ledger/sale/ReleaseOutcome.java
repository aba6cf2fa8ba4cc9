package org.vendinghub.ledger.sale;

/** What {@link VendMoneyService#release} found. All four mean "no money is held for this vend any more". */
public enum ReleaseOutcome { VOIDED, ALREADY_VOIDED, ALREADY_EXPIRED, NOTHING_RESERVED }
