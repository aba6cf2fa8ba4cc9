package org.vendinghub.admin;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.vendinghub.domain.Money;
import org.vendinghub.ledger.TransferCode;
import org.vendinghub.ledger.TransferKind;
import org.vendinghub.ledger.TransferView;

/** One ledger transfer as a statement shows it. */
@Schema(description = "A ledger transfer: money moved from the debit account to the credit account")
record TransferResponse(String id, TransferKind kind, long debitAccountId, long creditAccountId, Money amount,
                        TransferCode code, String pendingId, String reference, Instant createdAt) {

    static TransferResponse of(TransferView t) {
        return new TransferResponse(t.id(), t.kind(), t.debitAccountId(), t.creditAccountId(), Money.of(t.amountMinor(), t.currency()),
                t.code(), t.pendingId(), t.reference(), t.createdAt());
    }
}
