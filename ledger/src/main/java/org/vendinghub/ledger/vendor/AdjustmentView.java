package org.vendinghub.ledger.vendor;

import java.time.Instant;

/** A manual float adjustment: positive credits the float. Posted only when approved by a second user. */
public record AdjustmentView(long id, long vendorId, long amountMinor, String reason, AdjustmentStatus status,
                             String requestedBy, Instant requestedAt, String decidedBy, Instant decidedAt, String transferId) {
}
