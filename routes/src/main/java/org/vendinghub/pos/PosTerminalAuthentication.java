package org.vendinghub.pos;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.vendinghub.security.CheckedSecrets;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Checks a terminal's credentials on every POS request: HTTP Basic {@code terminalId:secret}, a TLS client certificate
 * whose subject is registered, or both when the terminal has both. The terminal's row is read on every request, so a
 * disabled terminal or vendor is refused at once; only the bcrypt check of an unchanged secret is remembered (as an
 * HMAC under a key made at start, per terminal), because a terminal sends its secret with every request.
 */
@Component
class PosTerminalAuthentication {

    private static final Logger log = LoggerFactory.getLogger(PosTerminalAuthentication.class);
    private static final Duration SEEN_EVERY = Duration.ofMinutes(1);
    private static final String SELECT = "SELECT t.*, COALESCE(v.enabled, TRUE) AS vendor_enabled, v.reason AS vendor_reason "
            + "FROM pos_terminal t LEFT JOIN pos_vendor v ON v.vendor_id = t.vendor_id ";

    record Terminal(long pk, String terminalId, long vendorId, String secretHash, String certSubject, boolean enabled,
                    String disabledReason, String wantedAppVersion, String appVersion, Instant lastSeenAt, boolean vendorEnabled,
                    String vendorReason) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final CheckedSecrets secrets;

    PosTerminalAuthentication(JdbcTemplate jdbc, PasswordEncoder passwords, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.secrets = new CheckedSecrets(passwords);
    }

    /**
     * The terminal these credentials prove, or a refusal: 401 for missing or wrong credentials (the same answer for an
     * unknown terminal and a wrong secret), 403 once the credentials are right but the terminal or its vendor is disabled.
     */
    Terminal authenticate(String terminalId, String secret, String tlsSubject) {
        Terminal t;
        if (terminalId != null) {
            t = find("WHERE t.terminal_id = ?", terminalId);
            if (!secrets.matches(terminalId, secret, t == null ? null : t.secretHash())) {
                log.warn("POS terminal {} refused: unknown terminal or wrong secret", terminalId);
                throw PosRefusedException.unauthorized("BAD_TERMINAL_CREDENTIALS", "terminal " + terminalId
                        + " is not registered or its secret is wrong");
            }
            if (t.certSubject() != null && !t.certSubject().equals(tlsSubject)) {
                throw PosRefusedException.unauthorized("CLIENT_CERTIFICATE_REQUIRED", "terminal " + terminalId
                        + " must call with its registered TLS client certificate");
            }
        } else if (tlsSubject != null) {
            t = find("WHERE t.cert_subject = ?", tlsSubject);
            if (t == null) {
                log.warn("POS client certificate refused: subject not registered");
                throw PosRefusedException.unauthorized("UNKNOWN_CERTIFICATE", "no terminal is registered for this client certificate");
            }
            if (t.secretHash() != null) { // a terminal that has both needs both, whichever it forgot
                throw PosRefusedException.unauthorized("TERMINAL_CREDENTIALS_REQUIRED", "terminal " + t.terminalId()
                        + " must also send its terminal id and secret (HTTP Basic)");
            }
        } else {
            throw PosRefusedException.unauthorized("TERMINAL_CREDENTIALS_REQUIRED", "a POS terminal authenticates with HTTP Basic "
                    + "(terminal id and secret) or its registered TLS client certificate");
        }
        if (!t.enabled()) {
            throw PosRefusedException.forbidden("TERMINAL_DISABLED", "terminal " + t.terminalId() + " is disabled: " + t.disabledReason());
        }
        if (!t.vendorEnabled()) {
            throw PosRefusedException.forbidden("VENDOR_DISABLED", "POS selling of this terminal's vendor is suspended: " + t.vendorReason());
        }
        return t;
    }

    /** Notes when the terminal was last seen and which app version it reports; written at most once a minute. */
    void seen(Terminal t, String reportedVersion) {
        String version = reportedVersion == null || reportedVersion.isBlank() ? t.appVersion()
                : reportedVersion.length() > 32 ? reportedVersion.substring(0, 32) : reportedVersion;
        Instant now = clock.instant();
        if (t.lastSeenAt() == null || t.lastSeenAt().isBefore(now.minus(SEEN_EVERY)) || !Objects.equals(version, t.appVersion())) {
            jdbc.update("UPDATE pos_terminal SET last_seen_at = ?, app_version = ? WHERE id = ?", Timestamp.from(now), version, t.pk());
        }
    }

    private Terminal find(String where, String value) {
        List<Terminal> found = jdbc.query(SELECT + where, PosTerminalAuthentication::terminal, value);
        return found.isEmpty() ? null : found.get(0);
    }

    private static Terminal terminal(ResultSet rs, int row) throws SQLException {
        Timestamp seen = rs.getTimestamp("last_seen_at");
        return new Terminal(rs.getLong("id"), rs.getString("terminal_id"), rs.getLong("vendor_id"), rs.getString("secret_hash"),
                rs.getString("cert_subject"), rs.getBoolean("enabled"), rs.getString("disabled_reason"),
                rs.getString("wanted_app_version"), rs.getString("app_version"), seen == null ? null : seen.toInstant(),
                rs.getBoolean("vendor_enabled"), rs.getString("vendor_reason"));
    }
}
