package org.vendinghub.ledger;

import java.time.Instant;

/** A stored transfer, as read back. {@code pendingId} is set on post/void/expiry rows; {@code expiresAt} on pending ones. */
public record TransferView(String id, TransferKind kind, long debitAccountId, long creditAccountId, long amountMinor,
                           String currency, TransferCode code, String pendingId, long timeoutSeconds, Instant expiresAt,
                           String linkedId, String reference, Instant createdAt) {
}
