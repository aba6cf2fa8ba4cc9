package org.vendinghub.ledger;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vendinghub.domain.ChannelRef;
import org.vendinghub.domain.ValidationException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
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
    private final LedgerService ledger;

    public IdempotencyService(JdbcTemplate jdbc, LedgerService ledger) {
        this.jdbc = jdbc;
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
