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

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A vendor's cashiers, who sign in on its terminals with a PIN (4 to 12 digits) or a password (8 to 64 characters),
 * kept only as bcrypt. Too many wrong PINs in a row lock the cashier for a while ({@code hub.pos.lockout-*}); a new
 * PIN or an unlock by a manager ends that sooner. Disabling a cashier or changing the PIN ends the cashier's sessions.
 */
@Service
public class PosCashiers {

    private static final String LOGIN_RULE = "[a-z0-9][a-z0-9._-]{0,23}";

    /** A cashier as the vendor's management sees it (never the PIN). */
    public record CashierView(String login, long vendorId, String name, boolean enabled, Instant lockedUntil, int failedLogins,
                              Instant createdAt) {
    }

    record Cashier(long id, long vendorId, String login, String name, String pinHash, boolean enabled, Instant lockedUntil) {
    }

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final VendorService vendors;
    private final AuditLog audit;
    private final PosProperties properties;
    private final Clock clock;
    private final String unknownCashierHash;

    PosCashiers(JdbcTemplate jdbc, PasswordEncoder passwords, VendorService vendors, AuditLog audit, PosProperties properties,
                Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.vendors = vendors;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
        this.unknownCashierHash = passwords.encode("no cashier has this pin");
    }

    @Transactional
    public CashierView create(long vendorId, String login, String name, String pin, String actor) {
        String l = normalise(login);
        ValidationException.require(l.matches(LOGIN_RULE), "login",
                "login must be 1 to 24 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
        ValidationException.require(name != null && !name.isBlank() && name.length() <= 100, "name", "name must be 1 to 100 characters");
        requireGoodPin(pin);
        vendors.vendor(vendorId);
        try {
            jdbc.update("INSERT INTO pos_cashier (vendor_id, login, name, pin_hash, enabled, created_by, created_at) "
                    + "VALUES (?, ?, ?, ?, TRUE, ?, ?)", vendorId, l, name.trim(), passwords.encode(pin), actor, now());
        } catch (DuplicateKeyException e) {
            throw new ConflictException(ResultCode.ALREADY_EXISTS, "vendor " + vendorId + " already has a cashier " + l);
        }
        audit.record(actor, "POS_CASHIER_CREATED", "cashier:" + vendorId + "/" + l, name.trim());
        return cashier(vendorId, l);
    }

    /** A new PIN: also unlocks the cashier and ends the cashier's sessions. */
    @Transactional
    public CashierView setPin(long vendorId, String login, String pin, String actor) {
        Cashier c = find(vendorId, login);
        requireGoodPin(pin);
        jdbc.update("UPDATE pos_cashier SET pin_hash = ?, failed_logins = 0, locked_until = NULL WHERE id = ?", passwords.encode(pin), c.id());
        endSessions(c.id(), "PIN_CHANGED");
        audit.record(actor, "POS_CASHIER_PIN_SET", "cashier:" + vendorId + "/" + c.login(), "new PIN set, unlocked");
        return cashier(vendorId, c.login());
    }

    @Transactional
    public CashierView setEnabled(long vendorId, String login, boolean enabled, String actor) {
        Cashier c = find(vendorId, login);
        jdbc.update("UPDATE pos_cashier SET enabled = ? WHERE id = ?", enabled, c.id());
        if (!enabled) {
            endSessions(c.id(), "CASHIER_DISABLED");
        }
        audit.record(actor, enabled ? "POS_CASHIER_ENABLED" : "POS_CASHIER_DISABLED", "cashier:" + vendorId + "/" + c.login(), "");
        return cashier(vendorId, c.login());
    }

    @Transactional
    public CashierView unlock(long vendorId, String login, String actor) {
        Cashier c = find(vendorId, login);
        jdbc.update("UPDATE pos_cashier SET failed_logins = 0, locked_until = NULL WHERE id = ?", c.id());
        audit.record(actor, "POS_CASHIER_UNLOCKED", "cashier:" + vendorId + "/" + c.login(), "");
        return cashier(vendorId, c.login());
    }

    public List<CashierView> cashiers(long vendorId) {
        vendors.vendor(vendorId);
        return jdbc.query("SELECT * FROM pos_cashier WHERE vendor_id = ? ORDER BY login", PosCashiers::view, vendorId);
    }

    public CashierView cashier(long vendorId, String login) {
        return jdbc.query("SELECT * FROM pos_cashier WHERE vendor_id = ? AND login = ?", PosCashiers::view, vendorId, normalise(login))
                .stream().findFirst().orElseThrow(() -> NotFoundException.of("cashier " + login + " of vendor", vendorId));
    }

    /**
     * The cashier these credentials prove, or a refusal: 401 BAD_CASHIER_CREDENTIALS (unknown login or wrong PIN, counted
     * towards the lock), 403 CASHIER_LOCKED (the PIN is not even checked while locked), 403 CASHIER_DISABLED. Runs
     * without a surrounding transaction so that a failure counts even though the request fails.
     */
    Cashier verify(long vendorId, String login, String pin, String actor) {
        Cashier c = jdbc.query("SELECT * FROM pos_cashier WHERE vendor_id = ? AND login = ?", PosCashiers::cashier, vendorId,
                normalise(login)).stream().findFirst().orElse(null);
        if (c == null) {
            passwords.matches(pin == null ? "" : pin, unknownCashierHash); // same time as a wrong PIN
            audit.record(actor, "POS_LOGIN_FAILED", "cashier:" + vendorId + "/" + login, "unknown cashier");
            throw badCredentials(login);
        }
        Instant now = clock.instant();
        if (c.lockedUntil() != null && c.lockedUntil().isAfter(now)) {
            audit.record(actor, "POS_LOGIN_REFUSED_LOCKED", "cashier:" + vendorId + "/" + c.login(), "sign-in while locked");
            throw PosRefusedException.forbidden("CASHIER_LOCKED", "cashier " + c.login() + " is locked after repeated wrong PINs until "
                    + c.lockedUntil() + "; a manager can unlock sooner");
        }
        if (pin == null || !passwords.matches(pin, c.pinHash())) {
            countFailure(c, actor);
            throw badCredentials(login);
        }
        if (!c.enabled()) {
            throw PosRefusedException.forbidden("CASHIER_DISABLED", "cashier " + c.login() + " is disabled");
        }
        jdbc.update("UPDATE pos_cashier SET failed_logins = 0, locked_until = NULL WHERE id = ? AND (failed_logins > 0 OR locked_until IS NOT NULL)",
                c.id());
        return c;
    }

    private void countFailure(Cashier c, String actor) {
        jdbc.update("UPDATE pos_cashier SET failed_logins = failed_logins + 1 WHERE id = ?", c.id());
        Integer failures = jdbc.queryForObject("SELECT failed_logins FROM pos_cashier WHERE id = ?", Integer.class, c.id());
        String subject = "cashier:" + c.vendorId() + "/" + c.login();
        audit.record(actor, "POS_LOGIN_FAILED", subject, "wrong PIN");
        if (failures != null && failures >= properties.lockoutMaxFailures()) {
            Instant until = clock.instant().plus(properties.lockoutDuration());
            jdbc.update("UPDATE pos_cashier SET locked_until = ?, failed_logins = 0 WHERE id = ?", Timestamp.from(until), c.id());
            endSessions(c.id(), "CASHIER_LOCKED");
            audit.record("system", "POS_CASHIER_LOCKED", subject, "locked after " + failures + " wrong PINs, until " + until);
        }
    }

    private void endSessions(long cashierId, String reason) {
        jdbc.update("UPDATE pos_session SET ended_at = ?, ended_reason = ? WHERE cashier_id = ? AND ended_at IS NULL", now(), reason, cashierId);
    }

    private Cashier find(long vendorId, String login) {
        return jdbc.query("SELECT * FROM pos_cashier WHERE vendor_id = ? AND login = ?", PosCashiers::cashier, vendorId, normalise(login))
                .stream().findFirst().orElseThrow(() -> NotFoundException.of("cashier " + login + " of vendor", vendorId));
    }

    private static PosRefusedException badCredentials(String login) {
        return PosRefusedException.unauthorized("BAD_CASHIER_CREDENTIALS", "cashier " + login + " is unknown or the PIN is wrong");
    }

    /** A PIN of 4 to 12 digits that is not all one digit or a straight run, or a password of 8 to 64 characters. */
    static void requireGoodPin(String pin) {
        ValidationException.require(pin != null && (pin.matches("\\d{4,12}") || pin.length() >= 8 && pin.length() <= 64 && !pin.isBlank()),
                "pin", "a PIN is 4 to 12 digits (or a password of 8 to 64 characters)");
        ValidationException.require(!pin.matches("\\d+") || !trivial(pin), "pin",
                "a PIN must not be one digit repeated or a straight run such as 1234 or 9876");
    }

    private static boolean trivial(String digits) {
        boolean same = true;
        boolean up = true;
        boolean down = true;
        for (int i = 1; i < digits.length(); i++) {
            int step = digits.charAt(i) - digits.charAt(i - 1);
            same &= step == 0;
            up &= step == 1;
            down &= step == -1;
        }
        return same || up || down;
    }

    private static String normalise(String login) {
        return login == null ? "" : login.trim().toLowerCase(Locale.ROOT);
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static Cashier cashier(ResultSet rs, int row) throws SQLException {
        Timestamp locked = rs.getTimestamp("locked_until");
        return new Cashier(rs.getLong("id"), rs.getLong("vendor_id"), rs.getString("login"), rs.getString("name"),
                rs.getString("pin_hash"), rs.getBoolean("enabled"), locked == null ? null : locked.toInstant());
    }

    private static CashierView view(ResultSet rs, int row) throws SQLException {
        Timestamp locked = rs.getTimestamp("locked_until");
        return new CashierView(rs.getString("login"), rs.getLong("vendor_id"), rs.getString("name"), rs.getBoolean("enabled"),
                locked == null ? null : locked.toInstant(), rs.getInt("failed_logins"), rs.getTimestamp("created_at").toInstant());
    }
}
