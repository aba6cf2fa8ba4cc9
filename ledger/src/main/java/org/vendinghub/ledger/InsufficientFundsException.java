package org.vendinghub.ledger;

/** The transfer would take an account that may not go negative below zero or below its credit limit (HTTP 422). */
public class InsufficientFundsException extends LedgerRejection {

    private final long accountId;
    private final long availableMinor;

    public InsufficientFundsException(ResultCode code, long accountId, long availableMinor, long amountMinor) {
        super(code, "account " + accountId + " has " + availableMinor + " available, the transfer needs " + amountMinor);
        this.accountId = accountId;
        this.availableMinor = availableMinor;
    }

    public long accountId() {
        return accountId;
    }

    public long availableMinor() {
        return availableMinor;
    }
}
