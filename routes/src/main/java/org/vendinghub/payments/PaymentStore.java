package org.vendinghub.payments;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Tables mm_payment, mm_callback and mm_refund. Every status change is guarded by the status it leaves. */
@Repository
class PaymentStore {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    PaymentStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // ---- payments

    void insert(Payment p) {
        Timestamp now = now();
        jdbc.update("INSERT INTO mm_payment (id, provider, kind, provider_ref, receipt, merchant_request_id, msisdn, meter_number, "
                        + "amount_minor, currency, status, result_code, result_desc, vend_id, created_by, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)",
                p.id(), p.provider(), p.kind(), p.providerRef(), p.receipt(), p.merchantRequestId(), p.msisdn(), p.meterNumber(),
                p.amountMinor(), p.currency(), p.status().name(), p.resultCode(), truncate(p.resultDesc()), p.createdBy(), now, now);
    }

    Optional<Payment> find(String id) {
        return jdbc.query("SELECT * FROM mm_payment WHERE id = ?", PaymentStore::payment, id).stream().findFirst();
    }

    Optional<Payment> lock(String id) {
        return jdbc.query("SELECT * FROM mm_payment WHERE id = ? FOR UPDATE", PaymentStore::payment, id).stream().findFirst();
    }

    Optional<Payment> byProviderRef(String provider, String ref) {
        return jdbc.query("SELECT * FROM mm_payment WHERE provider = ? AND provider_ref = ?", PaymentStore::payment, provider, ref)
                .stream().findFirst();
    }

    Optional<Payment> byReference(String reference) {
        return jdbc.query("SELECT * FROM mm_payment WHERE provider_ref = ? OR receipt = ? OR id = ? ORDER BY created_at LIMIT 1",
                PaymentStore::payment, reference, reference, reference).stream().findFirst();
    }

    Optional<Payment> byReceipt(String provider, String receipt) {
        return jdbc.query("SELECT * FROM mm_payment WHERE provider = ? AND receipt = ?", PaymentStore::payment, provider, receipt)
                .stream().findFirst();
    }

    Optional<Payment> byVend(String vendId) {
        return jdbc.query("SELECT * FROM mm_payment WHERE vend_id = ?", PaymentStore::payment, vendId).stream().findFirst();
    }

    /** STK payments whose push has no answer yet, from {@code msisdn} for {@code amountMinor}, newest first. */
    List<Payment> unansweredStk(String msisdn, long amountMinor, Instant since) {
        return jdbc.query("SELECT * FROM mm_payment WHERE provider = 'MPESA' AND kind = 'STK' AND status = 'INITIATED' "
                        + "AND provider_ref IS NULL AND msisdn = ? AND amount_minor = ? AND created_at >= ? ORDER BY created_at DESC",
                PaymentStore::payment, msisdn, amountMinor, Timestamp.from(since));
    }

    boolean markPending(String id, String providerRef, String merchantRequestId) {
        return jdbc.update("UPDATE mm_payment SET status = 'PENDING', provider_ref = COALESCE(provider_ref, ?), "
                        + "merchant_request_id = COALESCE(?, merchant_request_id), updated_at = ? WHERE id = ? AND status = 'INITIATED'",
                providerRef, merchantRequestId, now(), id) == 1;
    }

    void setProviderRef(String id, String providerRef) {
        jdbc.update("UPDATE mm_payment SET provider_ref = ?, updated_at = ? WHERE id = ? AND provider_ref IS NULL", providerRef, now(), id);
    }

    void note(String id, String code, String desc) {
        jdbc.update("UPDATE mm_payment SET result_code = ?, result_desc = ?, updated_at = ? WHERE id = ?", code, truncate(desc), now(), id);
    }

    /**
     * True when this call made the payment PAID (false: it was already final). A payment the hub gave up on (FAILED
     * NO_RESULT) is still made PAID when the provider says so later: money received is never dropped.
     */
    boolean markPaid(String id, String receipt, String code, String desc) {
        return jdbc.update("UPDATE mm_payment SET status = 'PAID', receipt = COALESCE(?, receipt), result_code = ?, result_desc = ?, "
                        + "updated_at = ? WHERE id = ? AND (status IN ('INITIATED', 'PENDING') OR (status = 'FAILED' AND result_code = 'NO_RESULT'))",
                receipt, code, truncate(desc), now(), id) == 1;
    }

    boolean markFailed(String id, String code, String desc) {
        return jdbc.update("UPDATE mm_payment SET status = 'FAILED', result_code = ?, result_desc = ?, updated_at = ? "
                + "WHERE id = ? AND status IN ('INITIATED', 'PENDING')", code, truncate(desc), now(), id) == 1;
    }

    /** The M-Pesa receipt learnt after the payment was settled (a late callback, or Transaction Status). Never replaced. */
    boolean setReceipt(String id, String receipt) {
        return jdbc.update("UPDATE mm_payment SET receipt = ?, updated_at = ? WHERE id = ? AND receipt IS NULL", receipt, now(), id) == 1;
    }

    void setVend(String id, String vendId) {
        jdbc.update("UPDATE mm_payment SET vend_id = ?, updated_at = ? WHERE id = ? AND (vend_id IS NULL OR vend_id = ?)",
                vendId, now(), id, vendId);
    }

    void setStatus(String id, PaymentStatus status) {
        jdbc.update("UPDATE mm_payment SET status = ?, updated_at = ? WHERE id = ?", status.name(), now(), id);
    }

    void countCheck(String id) {
        jdbc.update("UPDATE mm_payment SET checks = checks + 1, updated_at = ? WHERE id = ?", now(), id);
    }

    List<String> openSince(String provider, String kind, Instant before, int limit) {
        return jdbc.queryForList("SELECT id FROM mm_payment WHERE provider = ? AND kind = ? AND status IN ('INITIATED', 'PENDING') "
                + "AND updated_at < ? ORDER BY updated_at LIMIT ?", String.class, provider, kind, Timestamp.from(before), limit);
    }

    List<String> paidWithoutVendSince(Instant before, int limit) {
        return jdbc.queryForList("SELECT id FROM mm_payment WHERE status = 'PAID' AND vend_id IS NULL AND updated_at < ? "
                + "ORDER BY updated_at LIMIT ?", String.class, Timestamp.from(before), limit);
    }

    // ---- callbacks

    long insertCallback(String provider, String kind, String correlation, String method, String sourceIp, String headersJson,
                        String body) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement("INSERT INTO mm_callback (provider, kind, correlation, method, source_ip, "
                    + "headers_json, body, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
            ps.setString(1, provider);
            ps.setString(2, kind);
            ps.setString(3, correlation == null ? null : correlation.length() > 64 ? correlation.substring(0, 64) : correlation);
            ps.setString(4, method);
            ps.setString(5, sourceIp);
            ps.setString(6, headersJson);
            ps.setString(7, body == null ? "" : body);
            ps.setTimestamp(8, now());
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    void callbackProcessed(long id, String outcome) {
        jdbc.update("UPDATE mm_callback SET processed_at = ?, outcome = ? WHERE id = ?", now(), truncate(outcome), id);
    }

    void callbackOutcome(long id, String outcome) {
        jdbc.update("UPDATE mm_callback SET outcome = ? WHERE id = ?", truncate(outcome), id);
    }

    record StoredCallback(long id, String kind, String body) {
    }

    List<StoredCallback> unprocessedCallbacks(String provider, String correlation) {
        return jdbc.query("SELECT id, kind, body FROM mm_callback WHERE provider = ? AND correlation = ? AND processed_at IS NULL "
                        + "ORDER BY id", (rs, n) -> new StoredCallback(rs.getLong("id"), rs.getString("kind"), rs.getString("body")),
                provider, correlation);
    }

    int callbackCount(String provider, String correlation) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM mm_callback WHERE provider = ? AND correlation = ?", Integer.class,
                provider, correlation);
    }

    // ---- refunds

    /**
     * Statuses from which a refund still moves. REFUNDED is final; FAILED is final for the hub (it tries no more), but
     * the provider's own later word that the money went back still moves it to REFUNDED.
     */
    private static final String REFUND_OPEN = "status IN ('QUEUED', 'LOOKUP', 'REQUESTED')";

    record Refund(String id, String vendId, String paymentId, String provider, String status, int attempts,
                  String originatorConversationId, String conversationId, String resultCode, String resultDesc, String receipt) {

        boolean open() {
            return "QUEUED".equals(status) || "LOOKUP".equals(status) || "REQUESTED".equals(status);
        }
    }

    /** True when this call created the refund (false: it existed already). */
    boolean insertRefund(String id, String vendId, String paymentId, String provider, Instant firstRetry) {
        Timestamp now = now();
        return jdbc.update("INSERT IGNORE INTO mm_refund (id, vend_id, payment_id, provider, status, next_attempt_at, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, 'QUEUED', ?, ?, ?)", id, vendId, paymentId, provider, Timestamp.from(firstRetry), now, now) == 1;
    }

    Optional<Refund> refund(String id) {
        return jdbc.query("SELECT * FROM mm_refund WHERE id = ?", PaymentStore::refund, id).stream().findFirst();
    }

    Optional<Refund> refundOfPayment(String paymentId) {
        return jdbc.query("SELECT * FROM mm_refund WHERE payment_id = ?", PaymentStore::refund, paymentId).stream().findFirst();
    }

    /** One attempt made (a call, or a status read): counted, with where the refund now is. False when it was final already. */
    boolean refundAttempted(String id, String status, String originator, String conversation, String code, String desc,
                            Instant nextAttempt) {
        return jdbc.update("UPDATE mm_refund SET status = ?, attempts = attempts + 1, originator_conversation_id = COALESCE(?, originator_conversation_id), "
                        + "conversation_id = COALESCE(?, conversation_id), result_code = ?, result_desc = ?, next_attempt_at = ?, updated_at = ? "
                        + "WHERE id = ? AND " + REFUND_OPEN, status, originator, conversation, code, truncate(desc),
                nextAttempt == null ? null : Timestamp.from(nextAttempt), now(), id) == 1;
    }

    /** A provider's answer that leaves the refund open ({@code status} QUEUED, LOOKUP or REQUESTED). False when it was final. */
    boolean refundResult(String id, String status, String code, String desc, Instant nextAttempt) {
        return jdbc.update("UPDATE mm_refund SET status = ?, result_code = ?, result_desc = ?, next_attempt_at = ?, updated_at = ? "
                        + "WHERE id = ? AND " + REFUND_OPEN, status, code, truncate(desc),
                nextAttempt == null ? null : Timestamp.from(nextAttempt), now(), id) == 1;
    }

    /** Ends the refund REFUNDED or FAILED. True only for the call that ended it (a duplicate result changes nothing). */
    boolean refundFinished(String id, String status, String code, String desc, String receipt) {
        return jdbc.update("UPDATE mm_refund SET status = ?, result_code = ?, result_desc = ?, receipt = COALESCE(?, receipt), "
                        + "next_attempt_at = NULL, updated_at = ? WHERE id = ? AND " + REFUND_OPEN,
                status, code, truncate(desc), receipt, now(), id) == 1;
    }

    /**
     * A refund given up as FAILED that the provider reports done after all (its result came late, or a request that
     * timed out had got through): it becomes REFUNDED. Only from FAILED; true for exactly one caller.
     */
    boolean refundSucceededAfterFailure(String id, String code, String desc, String receipt) {
        return jdbc.update("UPDATE mm_refund SET status = 'REFUNDED', result_code = ?, result_desc = ?, receipt = COALESCE(?, receipt), "
                + "next_attempt_at = NULL, updated_at = ? WHERE id = ? AND status = 'FAILED'", code, truncate(desc), receipt, now(), id) == 1;
    }

    /** Takes a due refund for this node: true for exactly one caller, which then attempts it. */
    boolean claimRefund(String id, Instant now, Instant nextAttempt) {
        return jdbc.update("UPDATE mm_refund SET next_attempt_at = ?, updated_at = ? WHERE id = ? AND next_attempt_at <= ? AND "
                + REFUND_OPEN, Timestamp.from(nextAttempt), now(), id, Timestamp.from(now)) == 1;
    }

    List<String> refundsDue(Instant now, int limit) {
        return jdbc.queryForList("SELECT id FROM mm_refund WHERE " + REFUND_OPEN + " AND next_attempt_at <= ? "
                + "ORDER BY next_attempt_at LIMIT ?", String.class, Timestamp.from(now), limit);
    }

    private static Payment payment(ResultSet rs, int row) throws SQLException {
        return new Payment(rs.getString("id"), rs.getString("provider"), rs.getString("kind"), rs.getString("provider_ref"),
                rs.getString("receipt"), rs.getString("merchant_request_id"), rs.getString("msisdn"), rs.getString("meter_number"),
                rs.getLong("amount_minor"), rs.getString("currency"), PaymentStatus.valueOf(rs.getString("status")),
                rs.getString("result_code"), rs.getString("result_desc"), rs.getString("vend_id"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(), rs.getInt("checks"));
    }

    private static Refund refund(ResultSet rs, int row) throws SQLException {
        return new Refund(rs.getString("id"), rs.getString("vend_id"), rs.getString("payment_id"), rs.getString("provider"),
                rs.getString("status"), rs.getInt("attempts"), rs.getString("originator_conversation_id"),
                rs.getString("conversation_id"), rs.getString("result_code"), rs.getString("result_desc"), rs.getString("receipt"));
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 500);
    }
}
