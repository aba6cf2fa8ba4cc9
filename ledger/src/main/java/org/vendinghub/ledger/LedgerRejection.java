package org.vendinghub.ledger;

/** A request the ledger or a domain service refused on purpose. Subclasses say how a REST layer answers. */
public abstract class LedgerRejection extends RuntimeException {

    private final ResultCode code;

    protected LedgerRejection(ResultCode code, String message) {
        super(message);
        this.code = code;
    }

    public ResultCode code() {
        return code;
    }
}
