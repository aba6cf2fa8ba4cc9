package org.vendinghub.ledger;

/** The request contradicts what is already recorded: a reused id, a resolved pending transfer, a state (HTTP 409). */
public class ConflictException extends LedgerRejection {

    public ConflictException(ResultCode code, String message) {
        super(code, message);
    }
}
