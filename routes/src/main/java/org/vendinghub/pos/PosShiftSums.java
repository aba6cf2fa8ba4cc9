package org.vendinghub.pos;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

/**
 * A shift's batch totals, counted by SQL from its links and the vends they became: credit vends that issued tokens
 * (ISSUED, DELIVERED, REVERSED) are sales, the REVERSED ones also reversals; VOIDED ones were refused; the money splits
 * come from each vend's stored price breakdown, exactly what the ledger posted for it.
 */
@Repository
class PosShiftSums {

    private static final String JOIN = "FROM pos_vend p JOIN vend v ON v.channel = 'POS' AND v.channel_ref = p.channel_ref ";
    private static final String MONEY = "COUNT(*) AS n, COALESCE(SUM(v.amount_minor), 0) AS amount, "
            + part("energyMinor") + " AS energy, " + part("taxMinor") + " AS tax, " + part("feesMinor") + " AS fees, "
            + part("debtMinor") + " AS debt, COALESCE(SUM(v.units_tenths), 0) AS units ";

    private final JdbcTemplate jdbc;

    PosShiftSums(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    PosShiftTotals totals(long shiftId, String currency) {
        PosShiftTotals.Sum sold = sum("v.status IN ('ISSUED', 'DELIVERED', 'REVERSED')", shiftId);
        PosShiftTotals.Sum reversed = sum("v.status = 'REVERSED'", shiftId);
        Map<String, Long> tokens = new java.util.HashMap<>();
        jdbc.query("SELECT t.kind, COUNT(*) AS n " + JOIN + "JOIN vend_token t ON t.vend_id = v.id "
                        + "WHERE p.shift_id = ? AND v.status IN ('ISSUED', 'DELIVERED', 'REVERSED') GROUP BY t.kind",
                rs -> {
                    tokens.put(rs.getString("kind"), rs.getLong("n"));
                }, shiftId);
        long refused = count("SELECT COUNT(*) " + JOIN + "WHERE p.shift_id = ? AND v.status = 'VOIDED'", shiftId);
        long inProgress = count("SELECT COUNT(*) " + JOIN + "WHERE p.shift_id = ? AND v.status IN ('RECEIVED', 'RESERVED')", shiftId);
        long reprints = count("SELECT COALESCE(SUM(GREATEST(receipt_prints - 1, 0)), 0) FROM pos_vend WHERE shift_id = ?", shiftId);
        return new PosShiftTotals(currency, sold, reversed, new PosShiftTotals.Tokens(tokens.getOrDefault("CREDIT", 0L),
                tokens.getOrDefault("KEY_CHANGE", 0L), tokens.getOrDefault("ENGINEERING", 0L)), refused, inProgress, reprints);
    }

    /**
     * Requests of the shift that may still become vends: vends not yet settled, and links whose vend row does not exist
     * yet, unless they were made before {@code abandonedBefore} (their request died before it reached the vend flow).
     */
    long unsettled(long shiftId, Instant abandonedBefore) {
        long running = count("SELECT COUNT(*) " + JOIN + "WHERE p.shift_id = ? AND v.status IN ('RECEIVED', 'RESERVED')", shiftId);
        Long unborn = jdbc.queryForObject("SELECT COUNT(*) FROM pos_vend p WHERE p.shift_id = ? AND p.created_at >= ? AND NOT EXISTS "
                + "(SELECT 1 FROM vend v WHERE v.channel = 'POS' AND v.channel_ref = p.channel_ref)", Long.class, shiftId,
                Timestamp.from(abandonedBefore));
        return running + (unborn == null ? 0 : unborn);
    }

    private PosShiftTotals.Sum sum(String condition, long shiftId) {
        return jdbc.queryForObject("SELECT " + MONEY + JOIN + "WHERE p.shift_id = ? AND v.purpose = 'CREDIT' AND " + condition,
                (rs, i) -> new PosShiftTotals.Sum(rs.getLong("n"), rs.getLong("amount"), rs.getLong("energy"), rs.getLong("tax"),
                        rs.getLong("fees"), rs.getLong("debt"), rs.getLong("units")), shiftId);
    }

    private long count(String sql, long shiftId) {
        Long n = jdbc.queryForObject(sql, Long.class, shiftId);
        return n == null ? 0 : n;
    }

    /** One whole-number field of the stored price breakdown, summed as an integer (never through a double). */
    private static String part(String field) {
        return "COALESCE(SUM(CAST(JSON_VALUE(v.breakdown_json, '$." + field + "') AS SIGNED)), 0)";
    }
}
