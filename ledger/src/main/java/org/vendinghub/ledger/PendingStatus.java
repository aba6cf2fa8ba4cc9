package org.vendinghub.ledger;

/** Where a pending transfer stands. Everything but PENDING is final. */
public enum PendingStatus { PENDING, POSTED, VOIDED, EXPIRED }
