package org.vendinghub.console;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Vendors whose float runs low: what they can still sell (the ledger's "available": credits - debits - reserved + credit
 * limit, as {@link org.vendinghub.ledger.AccountView#availableMinor()}) is below their own warning level, or the default.
 * One query over all vendors, lowest first, instead of reading every vendor's account in turn.
 */
@Repository
class LowFloats {

    static final int LINES_MAX = 20;

    record LowFloat(long vendorId, String name, String currency, long availableMinor, long thresholdMinor) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    LowFloats(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    List<LowFloat> below(long defaultThresholdMinor, Long vendorGroupId) {
        List<Object> args = new ArrayList<>(List.of(defaultThresholdMinor, defaultThresholdMinor));
        String group = "";
        if (vendorGroupId != null) {
            group = " AND v.group_id = ?";
            args.add(vendorGroupId);
        }
        args.add(LINES_MAX);
        String available = "a.credits_posted - a.debits_posted - a.debits_pending + a.credit_limit_minor";
        return jdbc.query("SELECT v.id, v.name, a.currency, " + available + " AS available_minor, "
                        + "COALESCE(t.threshold_minor, ?) AS threshold_minor FROM vendor v "
                        + "JOIN ledger_account a ON a.id = v.float_account_id LEFT JOIN vendor_float_alert t ON t.vendor_id = v.id "
                        + "WHERE " + available + " < COALESCE(t.threshold_minor, ?)" + group
                        + " ORDER BY available_minor, v.id LIMIT ?",
                (rs, row) -> new LowFloat(rs.getLong("id"), rs.getString("name"), rs.getString("currency"),
                        rs.getLong("available_minor"), rs.getLong("threshold_minor")), args.toArray());
    }

    /** The vendor's own warning level, if it has one. */
    Optional<Long> thresholdOf(long vendorId) {
        return jdbc.queryForList("SELECT threshold_minor FROM vendor_float_alert WHERE vendor_id = ?", Long.class, vendorId)
                .stream().findFirst();
    }

    /** Sets the vendor's own warning level, or removes it (null) so that the default applies. */
    void setThreshold(long vendorId, Long thresholdMinor, String user) {
        if (thresholdMinor == null) {
            jdbc.update("DELETE FROM vendor_float_alert WHERE vendor_id = ?", vendorId);
            return;
        }
        jdbc.update("INSERT INTO vendor_float_alert (vendor_id, threshold_minor, updated_by, updated_at) VALUES (?, ?, ?, ?) "
                        + "ON DUPLICATE KEY UPDATE threshold_minor = VALUES(threshold_minor), updated_by = VALUES(updated_by), "
                        + "updated_at = VALUES(updated_at)", vendorId, thresholdMinor, user, Timestamp.from(clock.instant()));
    }
}
