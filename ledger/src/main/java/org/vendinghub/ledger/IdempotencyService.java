package org.vendinghub.ledger;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.vendinghub.domain.ChannelRef;
import org.vendinghub.domain.ValidationException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The ledger side of request idempotency (STYLE §2.3c): one row per (channel, channel reference) with a SHA-256 of the
 * request payload, written in the same transaction as the first effect of the request (the vend's reservation).
 * Same key, same hash: a replay, answer with the stored result. Same key, other hash: a conflict.
 */
@Service
public class IdempotencyService {

    public record Claim(boolean replay, String resultRef) {
    }

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final LedgerService ledger;

    public IdempotencyService(JdbcTemplate jdbc, LedgerService ledger) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.ledger = ledger;
    }

    /**
     * Claims the key for {@code resultRef} (normally the new vend id). Returns {@code replay=false} when the key is
     * (now or already) claimed for this same result reference, or {@code replay=true} with the first request's result
     * reference. A concurrent twin waits on the row lock of the first and then sees its row.
     */
    @Transactional
    public Claim claim(ChannelRef key, String payloadHash, String resultRef) {
        ValidationException.require(payloadHash != null && payloadHash.matches("[0-9a-f]{64}"), "payloadHash",
                "payload hash must be 64 lower-case hex digits (SHA-256)");
        ValidationException.require(resultRef != null && !resultRef.isBlank() && resultRef.length() <= 64, "resultRef",
                "result reference must be 1 to 64 characters");
        // ON DUPLICATE KEY takes an exclusive lock on an existing row (INSERT IGNORE would take a shared one, and two
        // twins upgrading shared to exclusive deadlock): twins queue on the first one's row and then read it.
        jdbc.update("INSERT INTO ledger_idempotency (channel, channel_ref, payload_hash, result_ref, created_at)"
                + " VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE channel = channel", key.channel(), key.reference(), payloadHash,
                resultRef, ledger.now().atOffset(ZoneOffset.UTC).toLocalDateTime());
        Map<String, Object> stored = jdbc.queryForMap("SELECT payload_hash, result_ref FROM ledger_idempotency"
                + " WHERE channel = ? AND channel_ref = ? FOR UPDATE", key.channel(), key.reference());
        if (!payloadHash.equals(stored.get("payload_hash"))) {
            throw new ConflictException(ResultCode.IDEMPOTENCY_KEY_REUSED_WITH_DIFFERENT_PAYLOAD, key.channel() + " reference "
                    + key.reference() + " was already used for a different request");
        }
        String first = (String) stored.get("result_ref");
        return new Claim(!first.equals(resultRef), first);
    }

    /** One key to claim in a batch: the key, the request's hash and the result the caller would create. */
    public record ClaimRequest(ChannelRef key, String payloadHash, String resultRef) {
    }

    /** A batch request's claim, or the conflict of a key used before for a different request. */
    public record ClaimOutcome(Claim claim, ConflictException conflict) {
    }

    /**
     * {@link #claim} for many keys in the caller's transaction, with one statement per kind of row. Each request gets its
     * claim, or the {@link ConflictException} of a key used before for a different request. Two requests for one key in
     * the same batch: the first claims it, the second is its replay (or a conflict).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<ClaimOutcome> claimAll(List<ClaimRequest> requests) {
        LocalDateTime now = ledger.now().atOffset(ZoneOffset.UTC).toLocalDateTime();
        for (ClaimRequest r : requests) {
            ValidationException.require(r.payloadHash() != null && r.payloadHash().matches("[0-9a-f]{64}"), "payloadHash",
                    "payload hash must be 64 lower-case hex digits (SHA-256)");
        }
        jdbc.batchUpdate("INSERT INTO ledger_idempotency (channel, channel_ref, payload_hash, result_ref, created_at)"
                + " VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE channel = channel", requests, requests.size(), (ps, r) -> {
                    ps.setString(1, r.key().channel());
                    ps.setString(2, r.key().reference());
                    ps.setString(3, r.payloadHash());
                    ps.setString(4, r.resultRef());
                    ps.setObject(5, now);
                });
        Map<ChannelRef, String[]> stored = new HashMap<>();
        Map<String, Set<String>> refsByChannel = new HashMap<>();
        requests.forEach(r -> refsByChannel.computeIfAbsent(r.key().channel(), c -> new HashSet<>()).add(r.key().reference()));
        refsByChannel.forEach((channel, refs) -> named.query("SELECT channel_ref, payload_hash, result_ref FROM ledger_idempotency"
                + " WHERE channel = :channel AND channel_ref IN (:refs)", Map.of("channel", channel, "refs", refs), rs -> {
                    stored.put(new ChannelRef(channel, rs.getString(1)), new String[]{rs.getString(2), rs.getString(3)});
                }));
        List<ClaimOutcome> claims = new ArrayList<>(requests.size());
        for (ClaimRequest r : requests) {
            String[] row = stored.get(r.key());
            if (row == null) {
                throw new IllegalStateException("idempotency key " + r.key() + " was written but cannot be read back");
            }
            claims.add(!r.payloadHash().equals(row[0])
                    ? new ClaimOutcome(null, new ConflictException(ResultCode.IDEMPOTENCY_KEY_REUSED_WITH_DIFFERENT_PAYLOAD,
                            r.key().channel() + " reference " + r.key().reference() + " was already used for a different request"))
                    : new ClaimOutcome(new Claim(!row[1].equals(r.resultRef()), row[1]), null));
        }
        return claims;
    }

    @Transactional(readOnly = true)
    public java.util.Optional<String> resultOf(ChannelRef key) {
        List<String> refs = jdbc.queryForList("SELECT result_ref FROM ledger_idempotency WHERE channel = ? AND channel_ref = ?",
                String.class, key.channel(), key.reference());
        return refs.stream().findFirst();
    }

    /** SHA-256 of a canonical form of the request (the caller decides the form: e.g. "meter|amount|currency"). */
    public static String sha256Hex(String canonicalPayload) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonicalPayload.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
