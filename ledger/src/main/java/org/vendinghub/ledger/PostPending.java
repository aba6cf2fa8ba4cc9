package org.vendinghub.ledger;

import org.vendinghub.domain.ValidationException;

/**
 * Posts a pending transfer, in full ({@code amountMinor} null) or in part (the rest is released).
 *
 * @param id a new transfer id for the posting itself; a retry reuses it
 */
public record PostPending(String id, String pendingId, Long amountMinor) {

    public PostPending {
        NewTransfer.requireTransferId(id, "id");
        NewTransfer.requireTransferId(pendingId, "pendingId");
        ValidationException.require(amountMinor == null || amountMinor > 0, "amountMinor", "amount must be positive");
    }

    public static PostPending full(String id, String pendingId) {
        return new PostPending(id, pendingId, null);
    }
}
