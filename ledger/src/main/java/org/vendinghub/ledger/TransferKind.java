package org.vendinghub.ledger;

/** The phase a transfer row records. Only PENDING reserves; the last three resolve a PENDING once. */
public enum TransferKind { SINGLE_PHASE, PENDING, POST_PENDING, VOID_PENDING, EXPIRE_PENDING }
