package org.vendinghub.ledger.pricing;

import org.vendinghub.ledger.LedgerRejection;
import org.vendinghub.ledger.ResultCode;

/** The purchase cannot be sold as asked (too small to cover the fees and one tenth of a unit). HTTP 422. */
public class PurchaseRefusedException extends LedgerRejection {

    private final long minimumMinor;

    public PurchaseRefusedException(String message, long minimumMinor) {
        super(ResultCode.PURCHASE_TOO_SMALL, message);
        this.minimumMinor = minimumMinor;
    }

    /** The smallest amount that would be accepted now. */
    public long minimumMinor() {
        return minimumMinor;
    }
}
