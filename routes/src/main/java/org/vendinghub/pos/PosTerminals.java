package org.vendinghub.pos;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vendinghub.audit.AuditLog;
import org.vendinghub.domain.ValidationException;
import org.vendinghub.ledger.ConflictException;
import org.vendinghub.ledger.NotFoundException;
import org.vendinghub.ledger.ResultCode;
import org.vendinghub.ledger.vendor.VendorService;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * The POS terminals of the vendors: registration (the secret is shown once and kept only as bcrypt), enable and
 * disable, the app version terminal management wants, and the switch that suspends a whole vendor's POS selling.
 * Every change is audited in its own transaction.
 */
@Service
public class PosTerminals {

    private static final String ID_RULE = "[A-Za-z0-9._-]{1,32}";
    private static final String VERSION_RULE = "[0-9A-Za-z.+_-]{1,32}";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SELECT = "SELECT t.*, (SELECT s.shift_no FROM pos_shift s WHERE s.open_terminal = t.id) AS open_shift_no "
            + "FROM pos_terminal t ";

    /** A terminal as terminal management sees it (never its secret). */
    public record TerminalView(String terminalId, long vendorId, String name, boolean enabled, String disabledReason,
                               boolean hasSecret, String certSubject, String wantedAppVersion, String appVersion,
                               Instant lastSeenAt, Instant createdAt, Integer openShiftNo) {

        public boolean updateWanted() {
            return wantedAppVersion != null && !wantedAppVersion.equals(appVersion);
        }
    }

    /** A new terminal, or a new secret: {@code secret} is shown this once and never again (null when none was made). */
    public record Registered(TerminalView terminal, String secret) {
    }

    /** Whether a vendor may sell on its terminals at all. */
    public record VendorPos(long vendorId, boolean enabled, String reason) {
    }

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final VendorService vendors;
    private final AuditLog audit;
    private final Clock clock;

    PosTerminals(JdbcTemplate jdbc, PasswordEncoder passwords, VendorService vendors, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.vendors = vendors;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Registered register(long vendorId, String terminalId, String name, String certSubject, boolean withSecret,
                               String wantedAppVersion, String actor) {
        ValidationException.require(terminalId != null && terminalId.matches(ID_RULE), "terminalId",
                "terminalId must be 1 to 32 letters, digits, '.', '_' or '-' (the terminal's serial number)");
        ValidationException.require(name != null && !name.isBlank() && name.length() <= 100, "name", "name must be 1 to 100 characters");
        String subject = certSubject == null || certSubject.isBlank() ? null : certSubject.trim();
        ValidationException.require(subject == null || subject.length() <= 300, "certSubject", "certSubject must be at most 300 characters");
        ValidationException.require(withSecret || subject != null, "certSubject",
                "a terminal needs a secret or a TLS client certificate subject (or both)");
        requireVersion(wantedAppVersion);
        vendors.vendor(vendorId); // 404 for an unknown vendor
        String secret = withSecret ? newSecret() : null;
        try {
            jdbc.update("INSERT INTO pos_terminal (terminal_id, vendor_id, name, secret_hash, cert_subject, enabled, wanted_app_version, "
                            + "created_by, created_at) VALUES (?, ?, ?, ?, ?, TRUE, ?, ?, ?)", terminalId, vendorId, name.trim(),
                    secret == null ? null : passwords.encode(secret), subject, wantedAppVersion, actor, now());
        } catch (DuplicateKeyException e) {
            throw new ConflictException(ResultCode.ALREADY_EXISTS, "terminal " + terminalId
                    + " or its certificate subject is already registered (terminal ids are unique across all vendors)");
        }
        audit.record(actor, "POS_TERMINAL_REGISTERED", "terminal:" + terminalId, "vendor " + vendorId + ", " + name.trim()
                + (secret == null ? "" : ", with secret") + (subject == null ? "" : ", certificate " + subject));
        return new Registered(terminal(vendorId, terminalId), secret);
    }

    /** A new secret; the old one stops working at once. */
    @Transactional
    public Registered newSecret(long vendorId, String terminalId, String actor) {
        TerminalView t = terminal(vendorId, terminalId);
        String secret = newSecret();
        jdbc.update("UPDATE pos_terminal SET secret_hash = ? WHERE terminal_id = ?", passwords.encode(secret), t.terminalId());
        audit.record(actor, "POS_TERMINAL_SECRET_CHANGED", "terminal:" + terminalId, "vendor " + vendorId);
        return new Registered(terminal(vendorId, terminalId), secret);
    }

    /** Disables (with a reason the terminal is told) or enables a terminal; its cashier session ends on disable. */
    @Transactional
    public TerminalView setEnabled(long vendorId, String terminalId, boolean enabled, String reason, String actor) {
        TerminalView t = terminal(vendorId, terminalId);
        ValidationException.require(enabled || reason != null && !reason.isBlank() && reason.length() <= 200, "reason",
                "disabling a terminal needs a reason of 1 to 200 characters (the terminal shows it)");
        jdbc.update("UPDATE pos_terminal SET enabled = ?, disabled_reason = ? WHERE terminal_id = ?", enabled,
                enabled ? null : reason.trim(), t.terminalId());
        if (!enabled) {
            jdbc.update("UPDATE pos_session SET ended_at = ?, ended_reason = 'TERMINAL_DISABLED' WHERE terminal_pk = "
                    + "(SELECT id FROM pos_terminal WHERE terminal_id = ?) AND ended_at IS NULL", now(), t.terminalId());
        }
        audit.record(actor, enabled ? "POS_TERMINAL_ENABLED" : "POS_TERMINAL_DISABLED", "terminal:" + terminalId,
                enabled ? "vendor " + vendorId : reason);
        return terminal(vendorId, terminalId);
    }

    /** The app version the terminal should run (null: no wish); it learns it from its status and every answer's header. */
    @Transactional
    public TerminalView setWantedAppVersion(long vendorId, String terminalId, String version, String actor) {
        requireVersion(version);
        TerminalView t = terminal(vendorId, terminalId);
        jdbc.update("UPDATE pos_terminal SET wanted_app_version = ? WHERE terminal_id = ?", version, t.terminalId());
        audit.record(actor, "POS_APP_VERSION_WANTED", "terminal:" + terminalId, version == null ? "no wish" : version);
        return terminal(vendorId, terminalId);
    }

    /** Announces an app version to every terminal of the vendor; answers how many terminals were told. */
    @Transactional
    public int setWantedAppVersionOfVendor(long vendorId, String version, String actor) {
        requireVersion(version);
        vendors.vendor(vendorId);
        int n = jdbc.update("UPDATE pos_terminal SET wanted_app_version = ? WHERE vendor_id = ?", version, vendorId);
        audit.record(actor, "POS_APP_VERSION_WANTED", "vendor:" + vendorId, (version == null ? "no wish" : version) + " for " + n + " terminals");
        return n;
    }

    public List<TerminalView> terminals(long vendorId) {
        vendors.vendor(vendorId);
        return jdbc.query(SELECT + "WHERE t.vendor_id = ? ORDER BY t.terminal_id", PosTerminals::view, vendorId);
    }

    public TerminalView terminal(long vendorId, String terminalId) {
        return jdbc.query(SELECT + "WHERE t.terminal_id = ? AND t.vendor_id = ?", PosTerminals::view, terminalId, vendorId)
                .stream().findFirst().orElseThrow(() -> NotFoundException.of("terminal " + terminalId + " of vendor", vendorId));
    }

    /** Suspends or resumes all POS selling of a vendor (its terminals answer 403 VENDOR_DISABLED meanwhile). */
    @Transactional
    public VendorPos setVendorEnabled(long vendorId, boolean enabled, String reason, String actor) {
        vendors.vendor(vendorId);
        ValidationException.require(enabled || reason != null && !reason.isBlank() && reason.length() <= 200, "reason",
                "suspending a vendor's POS selling needs a reason of 1 to 200 characters");
        jdbc.update("INSERT INTO pos_vendor (vendor_id, enabled, reason, changed_by, changed_at) VALUES (?, ?, ?, ?, ?) "
                        + "ON DUPLICATE KEY UPDATE enabled = VALUES(enabled), reason = VALUES(reason), changed_by = VALUES(changed_by), "
                        + "changed_at = VALUES(changed_at)", vendorId, enabled, enabled ? null : reason.trim(), actor, now());
        audit.record(actor, enabled ? "POS_VENDOR_ENABLED" : "POS_VENDOR_SUSPENDED", "vendor:" + vendorId, enabled ? "" : reason);
        return vendorPos(vendorId);
    }

    public VendorPos vendorPos(long vendorId) {
        vendors.vendor(vendorId);
        return jdbc.query("SELECT enabled, reason FROM pos_vendor WHERE vendor_id = ?",
                        (rs, i) -> new VendorPos(vendorId, rs.getBoolean("enabled"), rs.getString("reason")), vendorId)
                .stream().findFirst().orElse(new VendorPos(vendorId, true, null));
    }

    private static void requireVersion(String version) {
        ValidationException.require(version == null || version.matches(VERSION_RULE), "wantedAppVersion",
                "an app version is 1 to 32 letters, digits, '.', '+', '_' or '-' (e.g. 2.4.1)");
    }

    private static String newSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static TerminalView view(ResultSet rs, int row) throws SQLException {
        Timestamp seen = rs.getTimestamp("last_seen_at");
        Number openShift = (Number) rs.getObject("open_shift_no");
        return new TerminalView(rs.getString("terminal_id"), rs.getLong("vendor_id"), rs.getString("name"), rs.getBoolean("enabled"),
                rs.getString("disabled_reason"), rs.getString("secret_hash") != null, rs.getString("cert_subject"),
                rs.getString("wanted_app_version"), rs.getString("app_version"), seen == null ? null : seen.toInstant(),
                rs.getTimestamp("created_at").toInstant(), openShift == null ? null : openShift.intValue());
    }
}
