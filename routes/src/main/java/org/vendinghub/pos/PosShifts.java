package org.vendinghub.pos;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vendinghub.audit.AuditLog;
import org.vendinghub.ledger.vendor.VendorService;
import org.vendinghub.ledger.vendor.VendorView;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Shifts of a terminal: at most one open at a time (the database enforces it); vends need one. Closing computes the
 * batch totals from the shift's vends ({@link PosShiftSums}) and stores them, so the Z-report reprints the same for
 * ever. A shift does not close while one of its vends is still on its way (409 VENDS_IN_PROGRESS: close again).
 */
@Service
class PosShifts {

    /** A shift; {@code closedTotals} are the totals stored at close (null while open). */
    record Shift(long id, long terminalPk, int shiftNo, long vendorId, String status, String openedBy, Instant openedAt,
                 long openingFloatMinor, String closedBy, Instant closedAt, Long closingFloatMinor, PosShiftTotals closedTotals) {

        boolean open() {
            return "OPEN".equals(status);
        }
    }

    private static final String SELECT = "SELECT s.*, o.login AS opened_login, c.login AS closed_login FROM pos_shift s "
            + "JOIN pos_cashier o ON o.id = s.opened_by LEFT JOIN pos_cashier c ON c.id = s.closed_by ";

    private final JdbcTemplate jdbc;
    private final PosShiftSums sums;
    private final VendorService vendors;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final PosProperties properties;
    private final Clock clock;

    PosShifts(JdbcTemplate jdbc, PosShiftSums sums, VendorService vendors, AuditLog audit, ObjectMapper json, PosProperties properties,
              Clock clock) {
        this.jdbc = jdbc;
        this.sums = sums;
        this.vendors = vendors;
        this.audit = audit;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    Shift open(PosCaller caller) {
        jdbc.queryForObject("SELECT id FROM pos_terminal WHERE id = ? FOR UPDATE", Long.class, caller.terminalPk()); // one opener at a time
        Optional<Shift> already = current(caller);
        if (already.isPresent()) {
            throw alreadyOpen(already.get());
        }
        Integer last = jdbc.queryForObject("SELECT MAX(shift_no) FROM pos_shift WHERE terminal_pk = ?", Integer.class, caller.terminalPk());
        int shiftNo = last == null ? 1 : last + 1;
        VendorView vendor = vendors.vendor(caller.vendorId());
        try {
            jdbc.update("INSERT INTO pos_shift (terminal_pk, shift_no, vendor_id, status, opened_by, opened_at, opening_float_minor) "
                            + "VALUES (?, ?, ?, 'OPEN', ?, ?, ?)", caller.terminalPk(), shiftNo, caller.vendorId(), caller.cashierId(),
                    Timestamp.from(clock.instant()), vendor.availableMinor());
        } catch (DuplicateKeyException e) {
            throw alreadyOpen(current(caller).orElseThrow());
        }
        audit.record(caller.getName(), "POS_SHIFT_OPENED", "terminal:" + caller.terminalId(), "shift " + shiftNo);
        return current(caller).orElseThrow();
    }

    Optional<Shift> current(PosCaller caller) {
        return jdbc.query(SELECT + "WHERE s.open_terminal = ?", this::shift, caller.terminalPk()).stream().findFirst();
    }

    Shift requireCurrent(PosCaller caller) {
        return current(caller).orElseThrow(PosShifts::noOpenShift);
    }

    /** The open shift, locked until the caller's transaction ends (vends are linked and shifts closed under this lock). */
    Shift lockOpen(PosCaller caller) {
        List<Long> ids = jdbc.queryForList("SELECT id FROM pos_shift WHERE open_terminal = ? FOR UPDATE", Long.class, caller.terminalPk());
        if (ids.isEmpty()) {
            throw noOpenShift();
        }
        return byId(ids.get(0));
    }

    boolean isOpen(long shiftId) {
        return byId(shiftId).open();
    }

    /** A shift of the caller's terminal (404 for any other). */
    Shift of(PosCaller caller, long shiftId) {
        return jdbc.query(SELECT + "WHERE s.id = ? AND s.terminal_pk = ?", this::shift, shiftId, caller.terminalPk()).stream().findFirst()
                .orElseThrow(() -> PosRefusedException.notFound("NOT_FOUND", "terminal " + caller.terminalId() + " has no shift " + shiftId));
    }

    /** The totals as they stand: stored ones for a closed shift, counted now for an open one. */
    PosShiftTotals totals(Shift shift) {
        return shift.closedTotals() != null ? shift.closedTotals() : sums.totals(shift.id(), vendors.vendor(shift.vendorId()).currency());
    }

    @Transactional
    Shift close(PosCaller caller) {
        Shift shift = lockOpen(caller);
        long pending = sums.unsettled(shift.id(), clock.instant().minus(properties.abandonedAfter()));
        if (pending > 0) {
            throw PosRefusedException.conflict("VENDS_IN_PROGRESS", pending + " vend(s) of this shift are still on their way: "
                    + "ask for them again with the same clientRef, then close the shift again");
        }
        VendorView vendor = vendors.vendor(caller.vendorId());
        PosShiftTotals totals = sums.totals(shift.id(), vendor.currency());
        jdbc.update("UPDATE pos_shift SET status = 'CLOSED', closed_by = ?, closed_at = ?, closing_float_minor = ?, totals_json = ? "
                        + "WHERE id = ? AND status = 'OPEN'", caller.cashierId(), Timestamp.from(clock.instant()), vendor.availableMinor(),
                write(totals), shift.id());
        audit.record(caller.getName(), "POS_SHIFT_CLOSED", "terminal:" + caller.terminalId(), "shift " + shift.shiftNo() + ": "
                + totals.net().count() + " net vends, " + totals.net().valueMinor() + " " + totals.currency() + " minor net, "
                + totals.reversals().count() + " reversals");
        return byId(shift.id());
    }

    private Shift byId(long id) {
        return jdbc.query(SELECT + "WHERE s.id = ?", this::shift, id).stream().findFirst().orElseThrow();
    }

    private static PosRefusedException noOpenShift() {
        return PosRefusedException.conflict("NO_OPEN_SHIFT", "this terminal has no open shift: open one first (POST /api/pos/v1/shifts)");
    }

    private static PosRefusedException alreadyOpen(Shift open) {
        return PosRefusedException.conflict("SHIFT_ALREADY_OPEN", "shift " + open.shiftNo() + " of this terminal is open since "
                + open.openedAt() + " (opened by " + open.openedBy() + "): close it first");
    }

    private String write(PosShiftTotals totals) {
        try {
            return json.writeValueAsString(totals);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("shift totals cannot be written", e);
        }
    }

    private Shift shift(ResultSet rs, int row) throws SQLException {
        Timestamp closed = rs.getTimestamp("closed_at");
        Number closingFloat = (Number) rs.getObject("closing_float_minor");
        String totals = rs.getString("totals_json");
        try {
            return new Shift(rs.getLong("id"), rs.getLong("terminal_pk"), rs.getInt("shift_no"), rs.getLong("vendor_id"),
                    rs.getString("status"), rs.getString("opened_login"), rs.getTimestamp("opened_at").toInstant(),
                    rs.getLong("opening_float_minor"), rs.getString("closed_login"), closed == null ? null : closed.toInstant(),
                    closingFloat == null ? null : closingFloat.longValue(),
                    totals == null ? null : json.readValue(totals, PosShiftTotals.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("shift " + rs.getLong("id") + " has unreadable totals", e);
        }
    }
}
