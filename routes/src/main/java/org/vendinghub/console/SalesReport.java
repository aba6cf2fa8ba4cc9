package org.vendinghub.console;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import org.vendinghub.vend.VendView;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * What the dashboard reads from the vend table, as aggregate SQL: sales grouped by day, channel and currency (one pass
 * over the covering index ix_vend_sales), and the few vends that need someone's attention. A vendor-group user sees
 * only vends paid from the floats of that group's vendors.
 */
@Repository
class SalesReport {

    /** A sale is a credit vend whose token is out and whose money stayed (reversed vends gave it back). */
    private static final String SOLD = "purpose = 'CREDIT' AND status IN ('ISSUED', 'DELIVERED')";
    private static final String IN_GROUP = " AND payer_vendor_id IN (SELECT id FROM vendor WHERE group_id = ?)";
    private static final String LINE = "SELECT id, seq, meter_number, channel, status, failure_code, failure_message, delivery_status, "
            + "refund_status, amount_minor, currency, created_at, updated_at FROM vend WHERE ";
    static final int LINES_MAX = 10;
    /** A long list needs attention either way; counting it to the end would read every row of a bad day. */
    static final int COUNT_MAX = 1000;

    /** The sales of one day, channel and currency. */
    record SalesRow(LocalDate day, String channel, String currency, long vends, long valueMinor, long unitsTenths) {
    }

    /** A vend listed for attention, with what went wrong where it is known. */
    record VendLine(String id, long receiptSeq, String meterNumber, String channel, String status, String failureCode,
                    String failureMessage, String deliveryStatus, String refundStatus, Long amountMinor, String currency,
                    Instant createdAt, Instant updatedAt) {
        public String receiptNo() {
            return VendView.receiptNo(receiptSeq);
        }
    }

    /**
     * How many there are (counted up to {@value #COUNT_MAX}: past that the page says "1000+"), and the first
     * {@value #LINES_MAX} of them.
     */
    record Lines(long count, List<VendLine> first) {
        public String shown() {
            return count >= COUNT_MAX ? COUNT_MAX + "+" : Long.toString(count);
        }
    }

    private final JdbcTemplate jdbc;

    SalesReport(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Sales created in [from, to), by day since {@code from}, channel and currency. Days are counted in elapsed time from
     * {@code from} (a UTC midnight) rather than with DATE(), because the vend rows hold the JVM's local time: the count
     * is right in any zone without daylight saving.
     */
    List<SalesRow> sales(Instant from, Instant to, Long vendorGroupId) {
        Timestamp start = Timestamp.from(from);
        List<Object> args = new ArrayList<>(List.of(start, start, Timestamp.from(to)));
        String sql = "SELECT TIMESTAMPDIFF(SECOND, ?, created_at) DIV 86400 AS day_index, channel, currency, COUNT(*) AS vends, "
                + "COALESCE(SUM(amount_minor), 0) AS value_minor, COALESCE(SUM(units_tenths), 0) AS units_tenths FROM vend "
                + "WHERE created_at >= ? AND created_at < ? AND " + SOLD + scope(vendorGroupId, args)
                + " GROUP BY day_index, channel, currency ORDER BY day_index, channel, currency";
        LocalDate firstDay = LocalDate.ofInstant(from, ZoneOffset.UTC);
        return jdbc.query(sql, (rs, row) -> new SalesRow(firstDay.plusDays(rs.getLong("day_index")), rs.getString("channel"),
                rs.getString("currency"), rs.getLong("vends"), rs.getLong("value_minor"), rs.getLong("units_tenths")), args.toArray());
    }

    /** Vends that ended without a token for a reason (VOIDED with a failure code) in [from, to), newest first. */
    Lines failed(Instant from, Instant to, Long vendorGroupId) {
        List<Object> args = new ArrayList<>(List.of(Timestamp.from(from), Timestamp.from(to)));
        return lines("status = 'VOIDED' AND failure_code IS NOT NULL AND updated_at >= ? AND updated_at < ?" + scope(vendorGroupId, args),
                "updated_at DESC", args);
    }

    /** Vends still on their way (RECEIVED or RESERVED) that started before {@code before}, oldest first. */
    Lines stuck(Instant before, Long vendorGroupId) {
        List<Object> args = new ArrayList<>(List.of(Timestamp.from(before)));
        return lines("status IN ('RECEIVED', 'RESERVED') AND created_at < ?" + scope(vendorGroupId, args), "created_at", args);
    }

    /** Issued vends whose SMS or e-mail is still PENDING or FAILED since before {@code before}, oldest first. */
    Lines undelivered(Instant before, Long vendorGroupId) {
        List<Object> args = new ArrayList<>(List.of(Timestamp.from(before)));
        return lines("delivery_status IN ('PENDING', 'FAILED') AND updated_at < ? AND status = 'ISSUED'" + scope(vendorGroupId, args),
                "updated_at", args);
    }

    private Lines lines(String where, String order, List<Object> args) {
        List<Object> capped = new ArrayList<>(args);
        capped.add(COUNT_MAX);
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT 1 FROM vend WHERE " + where + " LIMIT ?) v", Long.class,
                capped.toArray());
        List<Object> limited = new ArrayList<>(args);
        limited.add(LINES_MAX);
        List<VendLine> first = jdbc.query(LINE + where + " ORDER BY " + order + " LIMIT ?", SalesReport::line, limited.toArray());
        return new Lines(count == null ? 0 : count, first);
    }

    private static String scope(Long vendorGroupId, List<Object> args) {
        if (vendorGroupId == null) {
            return "";
        }
        args.add(vendorGroupId);
        return IN_GROUP;
    }

    private static VendLine line(ResultSet rs, int row) throws SQLException {
        return new VendLine(rs.getString("id"), rs.getLong("seq"), rs.getString("meter_number"), rs.getString("channel"),
                rs.getString("status"), rs.getString("failure_code"), rs.getString("failure_message"), rs.getString("delivery_status"),
                rs.getString("refund_status"), rs.getObject("amount_minor", Long.class), rs.getString("currency"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
