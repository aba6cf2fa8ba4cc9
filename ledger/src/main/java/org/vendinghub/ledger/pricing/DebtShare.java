package org.vendinghub.ledger.pricing;

/**
 * A customer's debt as pricing sees it: what is still owed, the share of each purchase that goes to it
 * ({@code recoveryBp} basis points: 2500 = 25 %) and an optional cap per purchase.
 */
public record DebtShare(long debtId, String label, long outstandingMinor, int recoveryBp, Long capPerPurchaseMinor) {
}
