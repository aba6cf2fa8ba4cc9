package org.vendinghub.vend;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.vendinghub.domain.VendId;
import org.vendinghub.ledger.pricing.PriceBreakdown;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The vend and vend_token tables. Plain JDBC: these rows are on the hot path of every vend. */
@Repository
class VendStore {

    private static final String COLUMNS = "id, seq, channel, channel_ref, meter_number, meter_id, purpose, status, amount_minor, "
            + "currency, units_requested, units_tenths, breakdown_json, failure_code, failure_message, delivery_status, "
            + "delivery_attempts, delivery_detail, refund_status, created_by, created_at, issued_at, payload_hash";

    private static final String TOKEN_COLUMNS = "t.seq t_seq, t.kind t_kind, t.description t_description, t.token t_token, "
            + "t.token_class t_class, t.subclass t_subclass, t.tid t_tid, t.value t_value, t.test_token t_test";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final ObjectMapper json;
    private final Clock clock;

    VendStore(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.json = json;
        this.clock = clock;
    }

    /** New vends, RECEIVED, as the channel edge stores them before anything else happens (one statement). */
    void insertReceivedAll(List<Received> vends) {
        if (vends.isEmpty()) {
            return;
        }
        Timestamp now = now();
        jdbc.batchUpdate("INSERT INTO vend (id, channel, channel_ref, payload_hash, meter_number, purpose, request_json, status, "
                + "amount_minor, currency, units_requested, delivery_status, refund_status, created_by, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, 'CREDIT', ?, 'RECEIVED', ?, ?, ?, ?, 'NONE', ?, ?, ?)", vends, vends.size(), (ps, v) -> {
                    VendRequest r = v.request();
                    ps.setString(1, v.id().toString());
                    ps.setString(2, r.channelRef().channel());
                    ps.setString(3, r.channelRef().reference());
                    ps.setString(4, v.payloadHash());
                    ps.setString(5, r.meterNumber());
                    ps.setString(6, write(r));
                    ps.setObject(7, r.amount() == null ? null : r.amount().amountMinor());
                    ps.setString(8, r.amount() == null ? null : r.amount().currency());
                    ps.setObject(9, r.unitsTenths());
                    ps.setString(10, r.smsTo() == null && r.emailTo() == null ? "NONE" : "PENDING");
                    ps.setString(11, r.operator());
                    ps.setTimestamp(12, now);
                    ps.setTimestamp(13, now);
                });
    }

    /** A vend to insert as RECEIVED, with its request's hash (computed once at the edge). */
    record Received(VendId id, VendRequest request, String payloadHash) {
    }

    /** What a saga step needs of a vend, read under its row lock. */
    record StepRow(VendId id, VendStatus status, String requestJson, Long meterId, PriceBreakdown breakdown, String deliveryStatus) {

        /** Issued, and somebody asked for the tokens by SMS or e-mail: they are still to be sent. */
        boolean deliveryDue(VendStatus after) {
            return after == VendStatus.ISSUED && "PENDING".equals(deliveryStatus);
        }

        /** The row once its money is reserved for {@code meter} at {@code price}. */
        StepRow reserved(long meter, PriceBreakdown price) {
            return new StepRow(id, VendStatus.RESERVED, requestJson, meter, price, deliveryStatus);
        }
    }

    /** The utility each vendor sells for, by vendor id: one statement for a batch (empty for none). */
    Map<Long, Long> vendorUtilities(Collection<Long> vendorIds) {
        Map<Long, Long> utilities = new HashMap<>();
        if (!vendorIds.isEmpty()) {
            named.query("SELECT id, utility_id FROM vendor WHERE id IN (:ids)", Map.of("ids", vendorIds),
                    rs -> { utilities.put(rs.getLong(1), rs.getLong(2)); });
        }
        return utilities;
    }

    /** Locks the vends' rows (ascending id) and reads what the saga steps need: one statement for a batch. */
    Map<VendId, StepRow> lockForStep(Collection<VendId> ids) {
        Map<VendId, StepRow> rows = new HashMap<>();
        named.query("SELECT id, status, request_json, meter_id, breakdown_json, delivery_status FROM vend WHERE id IN (:ids) "
                        + "ORDER BY id FOR UPDATE",
                Map.of("ids", ids.stream().map(VendId::toString).collect(Collectors.toCollection(TreeSet::new))), rs -> {
                    VendId id = VendId.parse(rs.getString(1));
                    String breakdown = rs.getString(5);
                    rows.put(id, new StepRow(id, VendStatus.valueOf(rs.getString(2)), rs.getString(3), rs.getObject(4, Long.class),
                            breakdown == null ? null : read(breakdown), rs.getString(6)));
                });
        return rows;
    }

    VendRequest readRequest(String json) {
        try {
            return this.json.readValue(json, VendRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a vend has an unreadable request", e);
        }
    }

    /** {@link #markReserved} for a batch. */
    void markReservedAll(List<Reserved> vends) {
        if (vends.isEmpty()) {
            return;
        }
        Timestamp now = now();
        jdbc.batchUpdate("UPDATE vend SET status = 'RESERVED', meter_id = ?, breakdown_json = ?, units_tenths = ?, amount_minor = ?, "
                + "currency = ?, updated_at = ? WHERE id = ? AND status = 'RECEIVED'", vends, vends.size(), (ps, v) -> {
                    ps.setLong(1, v.meterId());
                    ps.setString(2, write(v.price()));
                    ps.setLong(3, v.price().unitsTenths());
                    ps.setLong(4, v.price().tenderedMinor());
                    ps.setString(5, v.price().currency());
                    ps.setTimestamp(6, now);
                    ps.setString(7, v.id().toString());
                });
    }

    record Reserved(VendId id, long meterId, PriceBreakdown price) {
    }

    /** {@link #markIssued} for a batch: the vends and all their tokens, one statement each. */
    void markIssuedAll(List<Issued> vends) {
        if (vends.isEmpty()) {
            return;
        }
        Timestamp now = now();
        // the price too: a vend reserved in the same batch was not marked RESERVED first (one UPDATE instead of two)
        jdbc.batchUpdate("UPDATE vend SET status = 'ISSUED', meter_id = ?, breakdown_json = ?, units_tenths = ?, amount_minor = ?, "
                + "currency = ?, issued_at = ?, updated_at = ? WHERE id = ? AND status IN ('RECEIVED', 'RESERVED')", vends, vends.size(),
                (ps, v) -> {
                    ps.setLong(1, v.meterId());
                    ps.setString(2, write(v.price()));
                    ps.setObject(3, v.unitsTenths());
                    ps.setLong(4, v.price().tenderedMinor());
                    ps.setString(5, v.price().currency());
                    ps.setTimestamp(6, now);
                    ps.setTimestamp(7, now);
                    ps.setString(8, v.id().toString());
                });
        List<Object[]> tokens = new ArrayList<>();
        for (Issued v : vends) {
            for (VendToken t : v.tokens()) {
                tokens.add(new Object[]{v.id().toString(), t.seq(), v.meterId(), t.kind(), t.description(), t.token(), t.tokenClass(),
                        t.subclass(), t.tid(), t.value(), t.testToken(), now});
            }
        }
        jdbc.batchUpdate("INSERT INTO vend_token (vend_id, seq, meter_id, kind, description, token, token_class, subclass, tid, value, "
                + "test_token, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", tokens);
    }

    record Issued(VendId id, long meterId, PriceBreakdown price, Long unitsTenths, List<VendToken> tokens) {
    }

    void insertEngineering(VendId id, EngineeringRequest request, String payloadHash) {
        Timestamp now = now();
        jdbc.update("INSERT INTO vend (id, channel, channel_ref, payload_hash, meter_number, purpose, request_json, status, "
                        + "units_requested, delivery_status, refund_status, created_by, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, 'ENGINEERING', ?, 'RECEIVED', ?, 'NONE', 'NONE', ?, ?, ?)",
                id.toString(), request.channelRef().channel(), request.channelRef().reference(), payloadHash, request.meterNumber(),
                write(request), request.type() == EngineeringRequest.Type.FREE_UNITS ? request.value() : null, request.operator(), now, now);
    }

    VendRequest request(VendId id) {
        String text = jdbc.queryForObject("SELECT request_json FROM vend WHERE id = ?", String.class, id.toString());
        try {
            return json.readValue(text, VendRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("vend " + id + " has an unreadable request", e);
        }
    }

    /** The vend with its tokens, in one query (the channel edge reads it after every vend). */
    Optional<VendView> find(VendId id) {
        List<VendView> rows = new ArrayList<>();
        List<VendToken> tokens = new ArrayList<>();
        jdbc.query("SELECT " + TOKEN_COLUMNS + ", v.* FROM vend v LEFT JOIN vend_token t ON t.vend_id = v.id WHERE v.id = ? ORDER BY t.seq",
                rs -> {
                    if (rows.isEmpty()) {
                        rows.add(view(rs, 0));
                    }
                    if (rs.getObject("t_seq") != null) {
                        tokens.add(new VendToken(rs.getInt("t_seq"), rs.getString("t_kind"), rs.getString("t_description"),
                                rs.getString("t_token"), rs.getInt("t_class"), rs.getInt("t_subclass"), rs.getObject("t_tid", Long.class),
                                rs.getLong("t_value"), rs.getBoolean("t_test")));
                    }
                }, id.toString());
        return rows.stream().findFirst().map(v -> withTokens(v, tokens));
    }

    /** The vend row alone (its tokens list empty): one query, for the steps that only need status, price or channel. */
    Optional<VendView> findWithoutTokens(VendId id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM vend WHERE id = ?", this::view, id.toString()).stream().findFirst();
    }

    Optional<VendView> findByChannelRef(String channel, String reference) {
        List<VendView> rows = jdbc.query("SELECT " + COLUMNS + " FROM vend WHERE channel = ? AND channel_ref = ?", this::view,
                channel, reference);
        return rows.stream().findFirst().map(this::withTokens);
    }

    VendStatus status(VendId id) {
        return VendStatus.valueOf(jdbc.queryForObject("SELECT status FROM vend WHERE id = ? FOR UPDATE", String.class, id.toString()));
    }

    void markReserved(VendId id, long meterId, PriceBreakdown price) {
        jdbc.update("UPDATE vend SET status = 'RESERVED', meter_id = ?, breakdown_json = ?, units_tenths = ?, amount_minor = ?, "
                        + "currency = ?, updated_at = ? WHERE id = ? AND status = 'RECEIVED'",
                meterId, write(price), price.unitsTenths(), price.tenderedMinor(), price.currency(), now(), id.toString());
    }

    void markIssued(VendId id, long meterId, Long unitsTenths, List<VendToken> tokens) {
        Timestamp now = now();
        int updated = jdbc.update("UPDATE vend SET status = 'ISSUED', meter_id = ?, units_tenths = ?, issued_at = ?, updated_at = ? "
                + "WHERE id = ? AND status IN ('RECEIVED', 'RESERVED')", meterId, unitsTenths, now, now, id.toString());
        if (updated != 1) {
            throw new IllegalStateException("vend " + id + " was not waiting for its token");
        }
        jdbc.batchUpdate("INSERT INTO vend_token (vend_id, seq, meter_id, kind, description, token, token_class, subclass, tid, value, "
                + "test_token, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", tokens, tokens.size(), (ps, t) -> {
                    ps.setString(1, id.toString());
                    ps.setInt(2, t.seq());
                    ps.setLong(3, meterId);
                    ps.setString(4, t.kind());
                    ps.setString(5, t.description());
                    ps.setString(6, t.token());
                    ps.setInt(7, t.tokenClass());
                    ps.setInt(8, t.subclass());
                    ps.setObject(9, t.tid());
                    ps.setLong(10, t.value());
                    ps.setBoolean(11, t.testToken());
                    ps.setTimestamp(12, now);
                });
    }

    /** Ends a vend that has no token. Keeps the first failure reason: it is the one the channel was told. */
    void markVoided(VendId id, String code, String message) {
        jdbc.update("UPDATE vend SET status = 'VOIDED', failure_code = COALESCE(failure_code, ?), "
                        + "failure_message = COALESCE(failure_message, ?), delivery_status = 'NONE', updated_at = ? "
                        + "WHERE id = ? AND status IN ('RECEIVED', 'RESERVED', 'VOIDED')",
                code, truncate(message, 500), now(), id.toString());
    }

    /** Gives a voided vend that has no reason yet this one. */
    void explainVoided(VendId id, String code, String message) {
        jdbc.update("UPDATE vend SET failure_code = ?, failure_message = ?, updated_at = ? "
                + "WHERE id = ? AND status = 'VOIDED' AND failure_code IS NULL", code, message, now(), id.toString());
    }

    void markRefund(VendId id, String refundStatus) {
        jdbc.update("UPDATE vend SET refund_status = ?, updated_at = ? WHERE id = ?", refundStatus, now(), id.toString());
    }

    void markDelivery(VendId id, String deliveryStatus, String detail) {
        jdbc.update("UPDATE vend SET delivery_status = ?, delivery_attempts = delivery_attempts + 1, delivery_detail = ?, "
                        + "status = CASE WHEN ? = 'SENT' AND status = 'ISSUED' THEN 'DELIVERED' ELSE status END, updated_at = ? WHERE id = ?",
                deliveryStatus, truncate(detail, 500), deliveryStatus, now(), id.toString());
    }

    void markReversed(VendId id, String reason) {
        jdbc.update("UPDATE vend SET status = 'REVERSED', failure_code = 'REVERSED', failure_message = ?, updated_at = ? WHERE id = ?",
                truncate(reason, 500), now(), id.toString());
    }

    /**
     * Vends left unfinished (by a crash, or a lost message) since before {@code before} and resubmitted at most
     * {@code attemptsMax} times so far: the recovery route resubmits them, or gives up on those at the limit.
     */
    List<VendHousekeeping.VendRef> unfinishedSince(Instant before, int attemptsMax, int limit) {
        return jdbc.query("SELECT id, meter_number, status, recovery_attempts FROM vend WHERE status IN ('RECEIVED', 'RESERVED') "
                        + "AND updated_at < ? AND recovery_attempts <= ? ORDER BY updated_at LIMIT ?",
                (rs, row) -> new VendHousekeeping.VendRef(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)),
                Timestamp.from(before), attemptsMax, limit);
    }

    /** Counts one more resubmission of each vend (updated_at stays: it says when the vend last moved). */
    void countRecoveries(List<String> vendIds) {
        jdbc.batchUpdate("UPDATE vend SET recovery_attempts = recovery_attempts + 1 WHERE id = ?",
                vendIds.stream().map(id -> new Object[]{id}).toList());
    }

    List<String> deliveriesDueSince(Instant before, int attemptsMax, int limit) {
        return jdbc.queryForList("SELECT id FROM vend WHERE delivery_status IN ('PENDING', 'FAILED') AND status IN ('ISSUED') "
                + "AND delivery_attempts < ? AND updated_at < ? ORDER BY updated_at LIMIT ?", String.class, attemptsMax, Timestamp.from(before), limit);
    }

    List<VendToken> recentTokensOfMeter(String meterNumber, int limit) {
        return jdbc.query("SELECT t.* FROM vend_token t JOIN vend v ON v.id = t.vend_id WHERE v.meter_number = ? "
                + "ORDER BY t.created_at DESC, t.seq DESC LIMIT ?", VendStore::token, meterNumber, limit);
    }

    List<VendView> recentVendsOfMeter(String meterNumber, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM vend WHERE meter_number = ? AND status IN ('ISSUED','DELIVERED','REVERSED') "
                + "ORDER BY created_at DESC LIMIT ?", this::view, meterNumber, limit).stream().map(this::withTokens).toList();
    }

    private VendView withTokens(VendView v) {
        return withTokens(v, jdbc.query("SELECT * FROM vend_token WHERE vend_id = ? ORDER BY seq", VendStore::token, v.id()));
    }

    private static VendView withTokens(VendView v, List<VendToken> tokens) {
        return new VendView(v.id(), v.receiptSeq(), v.channel(), v.channelRef(), v.meterNumber(), v.meterId(), v.purpose(), v.status(),
                v.amountMinor(), v.currency(), v.unitsRequested(), v.unitsTenths(), v.breakdown(), tokens, v.failureCode(),
                v.failureMessage(), v.deliveryStatus(), v.deliveryAttempts(), v.deliveryDetail(), v.refundStatus(), v.createdBy(), v.createdAt(),
                v.issuedAt(), v.payloadHash());
    }

    private VendView view(ResultSet rs, int row) throws SQLException {
        String breakdown = rs.getString("breakdown_json");
        Timestamp issued = rs.getTimestamp("issued_at");
        return new VendView(rs.getString("id"), rs.getLong("seq"), rs.getString("channel"), rs.getString("channel_ref"),
                rs.getString("meter_number"), (Long) rs.getObject("meter_id", Long.class), rs.getString("purpose"),
                VendStatus.valueOf(rs.getString("status")), rs.getObject("amount_minor", Long.class), rs.getString("currency"),
                rs.getObject("units_requested", Long.class), rs.getObject("units_tenths", Long.class),
                breakdown == null ? null : read(breakdown), List.of(), rs.getString("failure_code"), rs.getString("failure_message"),
                rs.getString("delivery_status"), rs.getInt("delivery_attempts"), rs.getString("delivery_detail"), rs.getString("refund_status"),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), issued == null ? null : issued.toInstant(),
                rs.getString("payload_hash"));
    }

    private static VendToken token(ResultSet rs, int row) throws SQLException {
        return new VendToken(rs.getInt("seq"), rs.getString("kind"), rs.getString("description"), rs.getString("token"),
                rs.getInt("token_class"), rs.getInt("subclass"), rs.getObject("tid", Long.class), rs.getLong("value"),
                rs.getBoolean("test_token"));
    }

    private PriceBreakdown read(String text) {
        try {
            return json.readValue(text, PriceBreakdown.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable price breakdown", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
