package org.vendinghub.ledger.testsupport;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger's invariants, checked by SQL straight on the tables (not through the code under test):
 * the books balance per currency, every account's balances equal what its transfers say, no account breaks
 * its balance rule, and each pending transfer is resolved at most once.
 */
public final class LedgerInvariants {

    private LedgerInvariants() {
    }

    public static void assertHold(JdbcTemplate jdbc) {
        assertDebitsEqualCreditsPerCurrency(jdbc);
        assertBalancesEqualTransfers(jdbc);
        assertBalanceRules(jdbc);
        assertPendingResolvedAtMostOnce(jdbc);
    }

    public static void assertDebitsEqualCreditsPerCurrency(JdbcTemplate jdbc) {
        List<Map<String, Object>> unbalanced = jdbc.queryForList("""
                SELECT currency, SUM(debits_posted) dp, SUM(credits_posted) cp, SUM(debits_pending) dq, SUM(credits_pending) cq
                FROM ledger_account GROUP BY currency
                HAVING SUM(debits_posted) <> SUM(credits_posted) OR SUM(debits_pending) <> SUM(credits_pending)""");
        assertThat(unbalanced).as("currencies whose debits and credits differ").isEmpty();
    }

    /** Recomputes every account's four balances from the transfer rows. */
    public static void assertBalancesEqualTransfers(JdbcTemplate jdbc) {
        List<Map<String, Object>> wrong = jdbc.queryForList("""
                SELECT a.id,
                  a.debits_posted, COALESCE((SELECT SUM(t.amount_minor) FROM ledger_transfer t WHERE t.debit_account_id = a.id
                    AND t.kind IN ('SINGLE_PHASE', 'POST_PENDING')), 0) AS dp,
                  a.credits_posted, COALESCE((SELECT SUM(t.amount_minor) FROM ledger_transfer t WHERE t.credit_account_id = a.id
                    AND t.kind IN ('SINGLE_PHASE', 'POST_PENDING')), 0) AS cp,
                  a.debits_pending, COALESCE((SELECT SUM(t.amount_minor) FROM ledger_transfer t WHERE t.debit_account_id = a.id
                    AND t.kind = 'PENDING' AND NOT EXISTS (SELECT 1 FROM ledger_transfer r WHERE r.pending_id = t.id)), 0) AS dq,
                  a.credits_pending, COALESCE((SELECT SUM(t.amount_minor) FROM ledger_transfer t WHERE t.credit_account_id = a.id
                    AND t.kind = 'PENDING' AND NOT EXISTS (SELECT 1 FROM ledger_transfer r WHERE r.pending_id = t.id)), 0) AS cq
                FROM ledger_account a
                HAVING a.debits_posted <> dp OR a.credits_posted <> cp OR a.debits_pending <> dq OR a.credits_pending <> cq""");
        assertThat(wrong).as("accounts whose balances differ from their transfers").isEmpty();
        Long postedDebits = jdbc.queryForObject("SELECT COALESCE(SUM(amount_minor), 0) FROM ledger_transfer"
                + " WHERE kind IN ('SINGLE_PHASE', 'POST_PENDING')", Long.class);
        Long accountDebits = jdbc.queryForObject("SELECT COALESCE(SUM(debits_posted), 0) FROM ledger_account", Long.class);
        assertThat(accountDebits).as("posted debits in accounts vs in transfers").isEqualTo(postedDebits);
    }

    public static void assertBalanceRules(JdbcTemplate jdbc) {
        List<Map<String, Object>> broken = jdbc.queryForList("""
                SELECT id, type FROM ledger_account
                WHERE (debits_must_not_exceed_credits AND debits_posted + debits_pending > credits_posted + credit_limit_minor)
                   OR (credits_must_not_exceed_debits AND credits_posted + credits_pending > debits_posted)""");
        assertThat(broken).as("accounts beyond their balance rule").isEmpty();
    }

    public static void assertPendingResolvedAtMostOnce(JdbcTemplate jdbc) {
        List<Map<String, Object>> wrong = jdbc.queryForList("""
                SELECT p.id FROM ledger_transfer p WHERE p.kind = 'PENDING'
                  AND ((SELECT COUNT(*) FROM ledger_transfer r WHERE r.pending_id = p.id) > 1
                   OR ((SELECT COUNT(*) FROM ledger_transfer r WHERE r.pending_id = p.id)
                       + (SELECT COUNT(*) FROM ledger_pending_open o WHERE o.transfer_id = p.id)) <> 1)""");
        assertThat(wrong).as("pending transfers resolved more than once, or neither open nor resolved").isEmpty();
        Long orphans = jdbc.queryForObject("SELECT COUNT(*) FROM ledger_transfer r JOIN ledger_transfer p ON p.id = r.pending_id"
                + " WHERE p.kind <> 'PENDING'", Long.class);
        assertThat(orphans).as("resolutions pointing at a transfer that is not pending").isZero();
    }
}
