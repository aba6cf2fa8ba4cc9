package org.vendinghub.ledger.debt;

/**
 * A debt to take on for a customer (arrears from billing, a meter tamper fine...), recovered as
 * {@code recoveryBp} basis points of each purchase, at most {@code capPerPurchaseMinor} a purchase when set.
 *
 * @param debtRef caller-chosen id of this take-on, so that a retried request does not book the debt twice
 */
public record NewDebt(String debtRef, long customerId, String description, long amountMinor, int recoveryBp,
                      Long capPerPurchaseMinor, String createdBy) {
}
