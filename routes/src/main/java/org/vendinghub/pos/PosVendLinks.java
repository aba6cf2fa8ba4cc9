package org.vendinghub.pos;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The pos_vend table: which terminal, cashier and shift every POS vend request belongs to. A request is linked under
 * the lock of the terminal's open shift before it goes to the vend flow, so a shift never closes past a vend it does
 * not count, and a retry with the same reference finds its first link.
 */
@Repository
class PosVendLinks {

    static final String CHANNEL = "POS";

    record Link(String channelRef, String clientRef, long terminalPk, long cashierId, String cashierLogin, long shiftId,
                String vendId, int receiptPrints, Long reversedBy, Instant createdAt) {
    }

    /** The link of a request, and whether this call made it (false: a retry of an earlier request). */
    record Claim(Link link, boolean created) {
    }

    private static final String SELECT = "SELECT p.*, c.login FROM pos_vend p JOIN pos_cashier c ON c.id = p.cashier_id ";

    private final JdbcTemplate jdbc;
    private final PosShifts shifts;
    private final Clock clock;

    PosVendLinks(JdbcTemplate jdbc, PosShifts shifts, Clock clock) {
        this.jdbc = jdbc;
        this.shifts = shifts;
        this.clock = clock;
    }

    /**
     * Links a new request to the terminal's open shift (409 NO_OPEN_SHIFT without one), or finds the link of a retry. A
     * retry whose first request never became a vend and whose shift has closed since is refused: it would land in a
     * shift whose Z-report is printed.
     */
    @Transactional
    Claim claim(PosCaller caller, String channelRef, String clientRef) {
        Optional<Link> earlier = byChannelRef(channelRef);
        if (earlier.isPresent()) {
            return retry(earlier.get());
        }
        PosShifts.Shift shift = shifts.lockOpen(caller);
        try {
            jdbc.update("INSERT INTO pos_vend (channel_ref, client_ref, terminal_pk, cashier_id, shift_id, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                    channelRef, clientRef, caller.terminalPk(), caller.cashierId(), shift.id(), Timestamp.from(clock.instant()));
        } catch (DuplicateKeyException e) {
            return retry(byChannelRef(channelRef).orElseThrow()); // a twin of this request linked it first
        }
        return new Claim(byChannelRef(channelRef).orElseThrow(), true);
    }

    private Claim retry(Link link) {
        if (link.vendId() == null && !vendExists(link.channelRef()) && !shifts.isOpen(link.shiftId())) {
            throw PosRefusedException.conflict("SHIFT_CLOSED", "the request with this clientRef never reached the vend flow and its "
                    + "shift has closed since: nothing was charged; sell again with a new clientRef");
        }
        return new Claim(link, false);
    }

    /** Undoes a link this call made when its request was refused before it became a vend (e.g. a malformed request). */
    void forgetUnvended(String channelRef) {
        jdbc.update("DELETE FROM pos_vend WHERE channel_ref = ? AND vend_id IS NULL AND NOT EXISTS "
                + "(SELECT 1 FROM vend v WHERE v.channel = ? AND v.channel_ref = ?)", channelRef, CHANNEL, channelRef);
    }

    void setVendId(String channelRef, String vendId) {
        jdbc.update("UPDATE pos_vend SET vend_id = ? WHERE channel_ref = ? AND vend_id IS NULL", vendId, channelRef);
    }

    Optional<Link> byChannelRef(String channelRef) {
        return jdbc.query(SELECT + "WHERE p.channel_ref = ?", PosVendLinks::link, channelRef).stream().findFirst();
    }

    /** The link of a vend, by the vend's id or, before the id was noted, through the vend's channel reference. */
    Optional<Link> byVendId(String vendId) {
        List<Link> found = jdbc.query(SELECT + "WHERE p.vend_id = ? UNION " + SELECT
                + "JOIN vend v ON v.channel = 'POS' AND v.channel_ref = p.channel_ref WHERE v.id = ?", PosVendLinks::link, vendId, vendId);
        return found.stream().findFirst();
    }

    /** The shift's vends with their tokens that can still be handed out (issued, not reversed), newest first. */
    List<String> issuedVendIds(long shiftId, int limit) {
        return jdbc.queryForList("SELECT v.id FROM pos_vend p JOIN vend v ON v.channel = 'POS' AND v.channel_ref = p.channel_ref "
                + "WHERE p.shift_id = ? AND v.status IN ('ISSUED', 'DELIVERED') ORDER BY v.seq DESC LIMIT ?", String.class, shiftId, limit);
    }

    /** Every vend of the shift, newest first (ids of the vend table). */
    List<String> vendIds(long shiftId, int limit) {
        return jdbc.queryForList("SELECT v.id FROM pos_vend p JOIN vend v ON v.channel = 'POS' AND v.channel_ref = p.channel_ref "
                + "WHERE p.shift_id = ? ORDER BY v.seq DESC LIMIT ?", String.class, shiftId, limit);
    }

    /** Counts a print of the vend's receipt; answers how many times it was printed before (0: this is the original). */
    @Transactional
    int countPrint(String channelRef) {
        Integer before = jdbc.queryForObject("SELECT receipt_prints FROM pos_vend WHERE channel_ref = ? FOR UPDATE", Integer.class, channelRef);
        jdbc.update("UPDATE pos_vend SET receipt_prints = receipt_prints + 1 WHERE channel_ref = ?", channelRef);
        return before == null ? 0 : before;
    }

    void markReversed(String channelRef, long cashierId) {
        jdbc.update("UPDATE pos_vend SET reversed_by = ? WHERE channel_ref = ?", cashierId, channelRef);
    }

    private boolean vendExists(String channelRef) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM vend WHERE channel = ? AND channel_ref = ?", Integer.class, CHANNEL, channelRef);
        return n != null && n > 0;
    }

    private static Link link(ResultSet rs, int row) throws SQLException {
        Number reversedBy = (Number) rs.getObject("reversed_by");
        return new Link(rs.getString("channel_ref"), rs.getString("client_ref"), rs.getLong("terminal_pk"), rs.getLong("cashier_id"),
                rs.getString("login"), rs.getLong("shift_id"), rs.getString("vend_id"), rs.getInt("receipt_prints"),
                reversedBy == null ? null : reversedBy.longValue(), rs.getTimestamp("created_at").toInstant());
    }
}
