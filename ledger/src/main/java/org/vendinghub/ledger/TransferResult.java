package org.vendinghub.ledger;

/**
 * The answer to a create/post/void: CREATED now, or EXISTS because the same id with the same content was
 * already recorded (a retry). Callers treat both alike, as TigerBeetle's clients do.
 */
public record TransferResult(Outcome outcome, TransferView transfer) {

    public enum Outcome { CREATED, EXISTS }

    public boolean created() {
        return outcome == Outcome.CREATED;
    }
}
