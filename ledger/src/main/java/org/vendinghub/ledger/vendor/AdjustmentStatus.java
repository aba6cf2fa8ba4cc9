package org.vendinghub.ledger.vendor;

public enum AdjustmentStatus { REQUESTED, APPROVED, REJECTED }
