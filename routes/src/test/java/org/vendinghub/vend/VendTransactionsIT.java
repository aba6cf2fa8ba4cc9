package org.vendinghub.vend;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vendinghub.domain.ChannelRef;
import org.vendinghub.ledger.IdempotencyService;
import org.vendinghub.support.HubIntegrationTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The vend batches' transactions: READ COMMITTED without setting it (or auto-commit) on every transaction. */
class VendTransactionsIT extends HubIntegrationTest {

    @Autowired
    VendTransactions transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdempotencyService idempotency;

    @Test
    void batchesRunInReadCommittedWithoutAutoCommit() {
        Map<String, Object> session = transactions.readCommitted().execute(s ->
                jdbc.queryForMap("SELECT @@session.tx_isolation isolation, @@session.autocommit autocommit"));

        assertThat(session).containsEntry("isolation", "READ-COMMITTED");
        assertThat(((Number) session.get("autocommit")).intValue()).isZero();
    }

    @Test
    void consecutiveBatchesOnOneConnectionSendNoSettings() {
        List<long[][]> pairs = sameConnectionPairs(batches(() -> { }));

        assertThat(pairs).as("consecutive batches on one connection").isNotEmpty();
        pairs.forEach(p -> assertThat(p[1][SETS]).as("SET statements between two batches").isEqualTo(p[0][SETS]));
    }

    @Test
    void statementsArePreparedOnceOnTheServerAndReused() {
        List<long[]> seen = batches(() -> jdbc.queryForObject("SELECT COUNT(*) FROM vend WHERE meter_number = ?", Long.class,
                "round-" + UUID.randomUUID()));
        // from the second batch on, the statement was prepared on its connection before
        List<long[][]> pairs = sameConnectionPairs(seen.subList(1, seen.size()));

        assertThat(pairs).as("consecutive batches on one connection").isNotEmpty();
        pairs.forEach(p -> {
            assertThat(p[1][PREPARED]).as("statements prepared again").isEqualTo(p[0][PREPARED]);
            assertThat(p[1][EXECUTED]).as("statements executed as prepared").isGreaterThan(p[0][EXECUTED]);
        });
    }

    private static final int CONNECTION = 0;
    private static final int SETS = 1;
    private static final int PREPARED = 2;
    private static final int EXECUTED = 3;

    /** Six batches, each running {@code work} and then reading its connection's id and session counters. */
    private List<long[]> batches(Runnable work) {
        List<long[]> seen = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            seen.add(transactions.readCommitted().execute(s -> {
                work.run();
                return jdbc.queryForObject("SELECT CONNECTION_ID(), " + counter("COM_SET_OPTION") + ", " + counter("COM_STMT_PREPARE")
                        + ", " + counter("COM_STMT_EXECUTE"), (rs, n) -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)});
            }));
        }
        return seen;
    }

    private static String counter(String name) {
        return "(SELECT variable_value FROM information_schema.session_status WHERE variable_name = '" + name + "')";
    }

    /** Each batch with the one before it, where both ran on the same connection. */
    private static List<long[][]> sameConnectionPairs(List<long[]> seen) {
        List<long[][]> pairs = new ArrayList<>();
        for (int i = 1; i < seen.size(); i++) {
            if (seen.get(i)[CONNECTION] == seen.get(i - 1)[CONNECTION]) {
                pairs.add(new long[][]{seen.get(i - 1), seen.get(i)});
            }
        }
        return pairs;
    }

    @Test
    void ledgerWritesJoinTheBatchAndRollBackWithIt() {
        ChannelRef kept = new ChannelRef("API", "tx-kept-" + UUID.randomUUID());
        ChannelRef dropped = new ChannelRef("API", "tx-dropped-" + UUID.randomUUID());

        transactions.readCommitted().executeWithoutResult(s -> claim(kept)); // MANDATORY: refused outside a transaction
        assertThatThrownBy(() -> transactions.readCommitted().executeWithoutResult(s -> {
            claim(dropped);
            throw new IllegalStateException("the batch fails after its write");
        })).hasMessageContaining("the batch fails");

        assertThat(claims(kept)).isEqualTo(1);
        assertThat(claims(dropped)).as("a write of a failed batch, on the batch's own connection").isZero();
        Integer keptInNextBatch = transactions.readCommitted().execute(s -> claims(kept));
        assertThat(keptInNextBatch).as("the connections came back usable").isEqualTo(1);
    }

    private void claim(ChannelRef key) {
        idempotency.claimAll(List.of(new IdempotencyService.ClaimRequest(key, IdempotencyService.sha256Hex(key.reference()),
                UUID.randomUUID().toString())));
    }

    private int claims(ChannelRef key) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ledger_idempotency WHERE channel = ? AND channel_ref = ?", Integer.class,
                key.channel(), key.reference());
    }
}
