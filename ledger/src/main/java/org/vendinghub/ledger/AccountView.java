package org.vendinghub.ledger;

import java.time.Instant;

/**
 * An account and its four running balances. For a credit-normal account (float, wallet, revenue) the balance is
 * credits - debits; for a debit-normal one (clearing, receivable) debits - credits.
 */
public record AccountView(long id, AccountType type, String currency, String ownerRef, long creditLimitMinor,
                          long debitsPendingMinor, long debitsPostedMinor, long creditsPendingMinor, long creditsPostedMinor,
                          Instant createdAt) {

    /** Posted credits minus posted debits. */
    public long creditBalanceMinor() {
        return creditsPostedMinor - debitsPostedMinor;
    }

    /** Posted debits minus posted credits. */
    public long debitBalanceMinor() {
        return debitsPostedMinor - creditsPostedMinor;
    }

    /** What a credit-normal account can still spend: credits - debits - reserved debits + credit limit. */
    public long availableMinor() {
        return creditsPostedMinor - debitsPostedMinor - debitsPendingMinor + creditLimitMinor;
    }
}
