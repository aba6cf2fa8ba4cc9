package org.vendinghub.ledger;

/** Releases a pending transfer's reservation. {@code id} is the void's own transfer id; a retry reuses it. */
public record VoidPending(String id, String pendingId) {

    public VoidPending {
        NewTransfer.requireTransferId(id, "id");
        NewTransfer.requireTransferId(pendingId, "pendingId");
    }
}
