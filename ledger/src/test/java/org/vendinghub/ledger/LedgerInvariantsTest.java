package org.vendinghub.ledger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.vendinghub.ledger.testsupport.LedgerInvariants;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The invariant check run after every test must itself be able to fail. */
class LedgerInvariantsTest extends LedgerIntegrationTest {

    @Autowired
    LedgerService ledger;

    @Test
    void the_invariant_check_catches_a_balance_that_differs_from_its_transfers() {
        long account = ledger.openAccount(AccountType.ENERGY_REVENUE, freshCurrency(), "").id();
        jdbc.update("UPDATE ledger_account SET credits_posted = credits_posted + 1 WHERE id = ?", account);
        try {
            assertThatThrownBy(() -> LedgerInvariants.assertHold(jdbc)).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("debits and credits differ");
            assertThatThrownBy(() -> LedgerInvariants.assertBalancesEqualTransfers(jdbc)).isInstanceOf(AssertionError.class);
        } finally {
            jdbc.update("UPDATE ledger_account SET credits_posted = credits_posted - 1 WHERE id = ?", account);
        }
    }
}
