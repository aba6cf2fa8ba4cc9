package org.vendinghub.ledger.debt;

import java.time.Instant;

/** A debt and where it stands; outstanding and collected come from its ledger account. */
public record DebtView(long id, long customerId, String currency, String description, long originalMinor,
                       long outstandingMinor, long collectedMinor, long writtenOffMinor, int recoveryBp,
                       Long capPerPurchaseMinor, long accountId, String createdBy, Instant createdAt) {
}
