package org.vendinghub.pos;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.vendinghub.audit.AuditLog;
import org.vendinghub.ledger.IdempotencyService;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Operator sessions: a cashier signs in on a terminal and gets a short-lived token that works on that terminal only
 * (with the terminal's own credentials). The token is random; only its SHA-256 is stored. A terminal has one cashier at
 * a time: signing in ends the terminal's previous session.
 */
@Service
class PosSessions {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    /** A new session: the token is given to the terminal this once. */
    record Opened(String token, Instant idleUntil, Instant validUntil, PosCashiers.Cashier cashier) {
    }

    private record Live(long terminalPk, long cashierId, String login, String name, boolean cashierEnabled, Instant idleUntil,
                        Instant validUntil, Instant endedAt, String endedReason) {
    }

    private final JdbcTemplate jdbc;
    private final PosCashiers cashiers;
    private final AuditLog audit;
    private final PosProperties properties;
    private final Clock clock;

    PosSessions(JdbcTemplate jdbc, PosCashiers cashiers, AuditLog audit, PosProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.cashiers = cashiers;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    Opened signIn(PosCaller terminal, String login, String pin) {
        PosCashiers.Cashier cashier = cashiers.verify(terminal.vendorId(), login, pin, terminal.getName());
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant valid = now.plus(properties.sessionMax());
        Instant idle = min(now.plus(properties.sessionIdleTimeout()), valid);
        jdbc.update("UPDATE pos_session SET ended_at = ?, ended_reason = 'REPLACED' WHERE terminal_pk = ? AND ended_at IS NULL",
                Timestamp.from(now), terminal.terminalPk());
        jdbc.update("INSERT INTO pos_session (token_hash, terminal_pk, cashier_id, created_at, idle_until, valid_until) "
                        + "VALUES (?, ?, ?, ?, ?, ?)", IdempotencyService.sha256Hex(token), terminal.terminalPk(), cashier.id(),
                Timestamp.from(now), Timestamp.from(idle), Timestamp.from(valid));
        audit.record("pos:" + terminal.terminalId() + "/" + cashier.login(), "POS_LOGIN", "terminal:" + terminal.terminalId(),
                "cashier " + cashier.login() + " signed in");
        return new Opened(token, idle, valid, cashier);
    }

    /** The caller with its cashier, or 401 when the token is unknown, of another terminal, ended or expired. */
    PosCaller resolve(PosCaller terminal, String token) {
        String hash = IdempotencyService.sha256Hex(token);
        List<Live> found = jdbc.query("SELECT s.*, c.login, c.name, c.enabled FROM pos_session s JOIN pos_cashier c ON c.id = s.cashier_id "
                + "WHERE s.token_hash = ?", (rs, i) -> new Live(rs.getLong("terminal_pk"), rs.getLong("cashier_id"), rs.getString("login"),
                rs.getString("name"), rs.getBoolean("enabled"), rs.getTimestamp("idle_until").toInstant(),
                rs.getTimestamp("valid_until").toInstant(), rs.getTimestamp("ended_at") == null ? null : rs.getTimestamp("ended_at").toInstant(),
                rs.getString("ended_reason")), hash);
        if (found.isEmpty() || found.get(0).terminalPk() != terminal.terminalPk()) {
            // a token of another terminal is refused like an unknown one: it only works with the terminal it was made on
            throw PosRefusedException.unauthorized("SESSION_INVALID", "the operator session is not valid on this terminal: sign in again");
        }
        Live s = found.get(0);
        Instant now = clock.instant();
        if (s.endedAt() != null) {
            throw PosRefusedException.unauthorized("SESSION_ENDED", "the operator session ended (" + s.endedReason() + "): sign in again");
        }
        if (!now.isBefore(s.idleUntil()) || !now.isBefore(s.validUntil()) || !s.cashierEnabled()) {
            throw PosRefusedException.unauthorized("SESSION_EXPIRED", "the operator session expired: sign in again");
        }
        Instant idle = min(now.plus(properties.sessionIdleTimeout()), s.validUntil());
        if (idle.isAfter(s.idleUntil().plus(TOUCH_EVERY))) {
            jdbc.update("UPDATE pos_session SET idle_until = ? WHERE token_hash = ? AND ended_at IS NULL", Timestamp.from(idle), hash);
        }
        return new PosCaller(terminal.terminalPk(), terminal.terminalId(), terminal.vendorId(), s.cashierId(), s.login(), s.name(), hash);
    }

    void signOut(PosCaller caller) {
        jdbc.update("UPDATE pos_session SET ended_at = ?, ended_reason = 'SIGNED_OUT' WHERE token_hash = ? AND ended_at IS NULL",
                Timestamp.from(clock.instant()), caller.sessionHash());
        audit.record(caller.getName(), "POS_LOGOUT", "terminal:" + caller.terminalId(), "cashier " + caller.cashierLogin() + " signed out");
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
