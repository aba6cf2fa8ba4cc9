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
        List<long[]> seen = new ArrayList<>(); // connection id, settings sent on it so far
        for (int i = 0; i < 6; i++) {
            seen.add(transactions.readCommitted().execute(s -> new long[]{
                    jdbc.queryForObject("SELECT CONNECTION_ID()", Long.class),
                    jdbc.queryForObject("SELECT variable_value FROM information_schema.session_status"
                            + " WHERE variable_name = 'COM_SET_OPTION'", Long.class)}));
        }

        int pairs = 0;
        for (int i = 1; i < seen.size(); i++) {
            if (seen.get(i)[0] == seen.get(i - 1)[0]) {
                pairs++;
                assertThat(seen.get(i)[1]).as("SET statements between two batches").isEqualTo(seen.get(i - 1)[1]);
            }
        }
        assertThat(pairs).as("consecutive batches on one connection").isPositive();
    }

    @Test
    void statementsArePreparedOnceOnTheServerAndReused() {
        List<long[]> seen = new ArrayList<>(); // connection id, statements prepared on it so far, executed so far
        for (int i = 0; i < 6; i++) {
            int round = i;
            seen.add(transactions.readCommitted().execute(s -> {
                jdbc.queryForObject("SELECT COUNT(*) FROM vend WHERE meter_number = ?", Long.class, "round-" + round);
                return jdbc.queryForList("SELECT CONNECTION_ID(), variable_name, variable_value FROM information_schema.session_status"
                        + " WHERE variable_name IN ('COM_STMT_PREPARE', 'COM_STMT_EXECUTE') ORDER BY variable_name").stream()
                        .reduce(new long[3], (row, r) -> {
                            row[0] = ((Number) r.get("CONNECTION_ID()")).longValue();
                            row["COM_STMT_PREPARE".equals(r.get("variable_name")) ? 1 : 2] = Long.parseLong((String) r.get("variable_value"));
                            return row;
                        }, (a, b) -> a);
            }));
        }

        int pairs = 0;
        for (int i = 2; i < seen.size(); i++) { // from the third on, both statements were prepared on this connection before
            if (seen.get(i)[0] == seen.get(i - 1)[0]) {
                pairs++;
                assertThat(seen.get(i)[1]).as("statements prepared again").isEqualTo(seen.get(i - 1)[1]);
                assertThat(seen.get(i)[2]).as("statements executed as prepared").isGreaterThan(seen.get(i - 1)[2]);
            }
        }
        assertThat(pairs).as("consecutive batches on one connection").isPositive();
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
