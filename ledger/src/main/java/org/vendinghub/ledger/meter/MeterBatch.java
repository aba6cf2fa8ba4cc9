package org.vendinghub.ledger.meter;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.vendinghub.domain.StsParameters;
import org.vendinghub.ledger.LedgerService;
import org.vendinghub.ledger.SqlTimes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Meters for many vends at once, with one statement per kind of row: what {@link MeterService} does for one meter
 * (look-up, the locked TID sequence, due key changes), for a batch of vends in one transaction.
 */
@Service
public class MeterBatch {

    private static final String COLUMNS = "id, utility_id, meter_number, iin, supply_group_id, sgc, ti, krn, key_type, base_date, "
            + "dkga, ea, last_tid, status, blocked_reason, kind, tariff_id, customer_id";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final LedgerService ledger;

    public MeterBatch(JdbcTemplate jdbc, LedgerService ledger) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.ledger = ledger;
    }

    /** The meters with these numbers, by number; unknown numbers are missing from the map. */
    @Transactional(readOnly = true)
    public Map<String, MeterView> byNumbers(Collection<String> numbers) {
        Map<String, MeterView> found = new HashMap<>();
        if (!numbers.isEmpty()) {
            named.query("SELECT " + COLUMNS + " FROM meter WHERE meter_number IN (:numbers)", Map.of("numbers", numbers),
                    rs -> {
                        MeterView m = view(rs);
                        found.put(m.meterNumber(), m);
                    });
        }
        return found;
    }

    /**
     * Locks the meters (ascending id, so two batches never deadlock on them) and reads their current rows: the TID
     * sequence of each stays this transaction's until it ends. Runs in the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<Long, MeterView> lockAll(Collection<Long> meterIds) {
        Map<Long, MeterView> locked = new LinkedHashMap<>();
        if (!meterIds.isEmpty()) {
            named.query("SELECT " + COLUMNS + " FROM meter WHERE id IN (:ids) ORDER BY id FOR UPDATE",
                    Map.of("ids", new TreeSet<>(meterIds)), rs -> {
                        MeterView m = view(rs);
                        locked.put(m.id(), m);
                    });
        }
        return locked;
    }

    /** Stores each meter's last TID, after {@link Tids#allocate} under {@link #lockAll}'s locks. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void saveLastTids(Map<Long, Long> lastTidByMeter) {
        List<Map.Entry<Long, Long>> rows = new ArrayList<>(lastTidByMeter.entrySet());
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("UPDATE meter SET last_tid = ? WHERE id = ? AND last_tid < ?", rows, rows.size(), (ps, e) -> {
                ps.setLong(1, e.getValue());
                ps.setLong(2, e.getKey());
                ps.setLong(3, e.getValue());
            });
        }
    }

    /** The due key changes of these meters, oldest first, by meter (most meters have none). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<Long, List<KeyChangeView>> dueKeyChanges(Collection<Long> meterIds) {
        Map<Long, List<KeyChangeView>> due = new HashMap<>();
        if (!meterIds.isEmpty()) {
            named.query("SELECT id, meter_id, old_sgc, old_ti, old_krn, old_key_type, old_base_date, old_dkga, old_ea, new_sgc, new_ti, "
                            + "new_krn, new_key_type, new_base_date, new_dkga, new_ea, status, requested_by, requested_at "
                            + "FROM meter_key_change WHERE meter_id IN (:ids) AND status = 'DUE' ORDER BY meter_id, id",
                    Map.of("ids", meterIds), rs -> {
                        KeyChangeView k = new KeyChangeView(rs.getLong(1), rs.getLong(2),
                                new StsParameters(rs.getString(3), rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getString(8), rs.getString(9)),
                                new StsParameters(rs.getString(10), rs.getString(11), rs.getInt(12), rs.getInt(13), rs.getInt(14), rs.getString(15), rs.getString(16)),
                                rs.getString(17), rs.getString(18), SqlTimes.instant(rs.getObject(19, java.time.LocalDateTime.class)), null);
                        due.computeIfAbsent(k.meterId(), id -> new ArrayList<>()).add(k);
                    });
        }
        return due;
    }

    /** Marks key changes issued, in the transaction that persists their tokens. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void markKeyChangesIssued(Collection<Long> keyChangeIds) {
        List<Long> ids = new ArrayList<>(keyChangeIds);
        if (!ids.isEmpty()) {
            Instant now = ledger.now();
            // one statement, so that its count is exact (batched updates report no counts: useBulkStmts)
            int updated = named.update("UPDATE meter_key_change SET status = 'ISSUED', issued_at = :now WHERE id IN (:ids) AND status = 'DUE'",
                    Map.of("now", SqlTimes.utc(now), "ids", ids));
            if (updated != ids.size()) {
                throw new org.vendinghub.ledger.ConflictException(org.vendinghub.ledger.ResultCode.INVALID_STATE,
                        "a key change was already issued");
            }
        }
    }

    /**
     * The vending key ids of the supply groups these STS parameters name, by {@link #keyOf}: read per batch, because a
     * supply group's key can be changed.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, String> vendingKeyIds(Collection<StsParameters> params) {
        Map<String, String> ids = new HashMap<>();
        if (!params.isEmpty()) {
            named.query("SELECT sgc, krn, vending_key_id FROM supply_group WHERE sgc IN (:sgcs)",
                    Map.of("sgcs", params.stream().map(StsParameters::sgc).collect(java.util.stream.Collectors.toSet())),
                    rs -> {
                        ids.put(rs.getString(1) + "/" + rs.getInt(2), rs.getString(3));
                    });
        }
        return ids;
    }

    /** The key of {@link #vendingKeyIds}' map for a supply group: SGC and key revision. */
    public static String keyOf(StsParameters sts) {
        return sts.sgc() + "/" + sts.krn();
    }

    private static MeterView view(ResultSet rs) throws SQLException {
        long tariff = rs.getLong("tariff_id");
        Long tariffId = rs.wasNull() ? null : tariff;
        long customer = rs.getLong("customer_id");
        Long customerId = rs.wasNull() ? null : customer;
        return new MeterView(rs.getLong("id"), rs.getLong("utility_id"), rs.getString("meter_number"), rs.getString("iin"),
                rs.getLong("supply_group_id"), new StsParameters(rs.getString("sgc"), rs.getString("ti"), rs.getInt("krn"),
                rs.getInt("key_type"), rs.getInt("base_date"), rs.getString("dkga"), rs.getString("ea")), rs.getLong("last_tid"),
                MeterStatus.valueOf(rs.getString("status")), rs.getString("blocked_reason"), MeterKind.valueOf(rs.getString("kind")),
                tariffId, customerId);
    }
}
