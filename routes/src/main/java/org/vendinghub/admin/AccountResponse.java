package org.vendinghub.admin;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.vendinghub.domain.Money;
import org.vendinghub.ledger.AccountType;
import org.vendinghub.ledger.AccountView;

/**
 * A ledger account and its four running balances. {@code creditBalance} = posted credits - posted debits (what a float
 * or wallet holds); {@code available} also takes off reserved debits and adds the credit limit.
 */
@Schema(description = "A ledger account with its balances")
record AccountResponse(long id, AccountType type, String ownerRef, String currency, Money debitsPending, Money debitsPosted,
                       Money creditsPending, Money creditsPosted, Money creditBalance, Money creditLimit, Money available,
                       Instant createdAt) {

    static AccountResponse of(AccountView a) {
        String c = a.currency();
        return new AccountResponse(a.id(), a.type(), a.ownerRef(), c, Money.of(a.debitsPendingMinor(), c),
                Money.of(a.debitsPostedMinor(), c), Money.of(a.creditsPendingMinor(), c), Money.of(a.creditsPostedMinor(), c),
                Money.of(a.creditBalanceMinor(), c), Money.of(a.creditLimitMinor(), c), Money.of(a.availableMinor(), c), a.createdAt());
    }
}
