package org.vendinghub.ledger;

import org.vendinghub.domain.ValidationException;

/**
 * A transfer to create: single-phase (posted at once) or pending (reserved until posted, voided or expired).
 *
 * @param id             chosen by the caller and reused on every retry: 1..56 of [A-Za-z0-9._:-]
 * @param timeoutSeconds pending only: after this the sweeper expires the reservation; 0 for single-phase
 * @param reference      free text stored with the transfer (vend id, deposit slip...), may be null
 */
public record NewTransfer(String id, long debitAccountId, long creditAccountId, long amountMinor, TransferCode code,
                          boolean pending, long timeoutSeconds, String reference) {

    public static final long TIMEOUT_SECONDS_MAX = 7 * 24 * 3600;

    public NewTransfer {
        requireTransferId(id, "id");
        ValidationException.require(debitAccountId != creditAccountId, "creditAccountId",
                "debit and credit account must differ");
        ValidationException.require(amountMinor > 0, "amountMinor", "amount must be positive");
        ValidationException.require(code != null, "code", "transfer code is required");
        ValidationException.require(!pending || (timeoutSeconds > 0 && timeoutSeconds <= TIMEOUT_SECONDS_MAX), "timeoutSeconds",
                "a pending transfer needs a timeout of 1 to " + TIMEOUT_SECONDS_MAX + " seconds");
        ValidationException.require(pending || timeoutSeconds == 0, "timeoutSeconds",
                "only a pending transfer has a timeout");
        ValidationException.require(reference == null || reference.length() <= 128, "reference",
                "reference must be at most 128 characters");
    }

    public static NewTransfer posted(String id, long debitAccountId, long creditAccountId, long amountMinor,
                                     TransferCode code, String reference) {
        return new NewTransfer(id, debitAccountId, creditAccountId, amountMinor, code, false, 0, reference);
    }

    public static NewTransfer pending(String id, long debitAccountId, long creditAccountId, long amountMinor,
                                      TransferCode code, long timeoutSeconds, String reference) {
        return new NewTransfer(id, debitAccountId, creditAccountId, amountMinor, code, true, timeoutSeconds, reference);
    }

    /** Ids leave room for the ledger's own derived ids ("expired:" + id fits the 64-character column). */
    static void requireTransferId(String id, String field) {
        ValidationException.require(id != null && id.matches("[A-Za-z0-9._:-]{1,56}"), field,
                "transfer id must be 1 to 56 characters of A-Z a-z 0-9 . _ : -");
    }
}
