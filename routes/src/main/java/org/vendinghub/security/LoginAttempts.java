package org.vendinghub.security;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.vendinghub.audit.AuditLog;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

/**
 * Counts failed sign-ins per user and locks the account for a while after too many in a row; a successful sign-in
 * resets the count. Works the same for the login form and HTTP Basic. Interactive sign-ins, failures and locks go to
 * the audit log (API calls, which authenticate on every request, are not logged when they succeed).
 */
@Component
class LoginAttempts {

    private static final String LOCK_MESSAGE = "locked after %d failed sign-ins, until %s";

    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final ConsoleSecurityProperties.Lockout lockout;
    private final Clock clock;

    LoginAttempts(JdbcTemplate jdbc, AuditLog audit, ConsoleSecurityProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.lockout = properties.lockout();
        this.clock = clock;
    }

    @EventListener
    @Transactional
    public void failed(AuthenticationFailureBadCredentialsEvent event) {
        String username = String.valueOf(event.getAuthentication().getName());
        audit.record(username, "LOGIN_FAILED", username, "wrong user name or password");
        int updated = jdbc.update("UPDATE hub_user SET failed_logins = failed_logins + 1, version = version + 1 WHERE username = ?",
                username);
        if (updated == 0) {
            return; // no such user: nothing to lock
        }
        Integer failures = jdbc.queryForObject("SELECT failed_logins FROM hub_user WHERE username = ?", Integer.class, username);
        if (failures != null && failures >= lockout.maxFailures()) {
            Instant until = clock.instant().plus(lockout.duration());
            jdbc.update("UPDATE hub_user SET locked_until = ?, failed_logins = 0, version = version + 1 WHERE username = ?",
                    Timestamp.from(until), username);
            audit.record("system", "USER_LOCKED", username, LOCK_MESSAGE.formatted(failures, until));
        }
    }

    @EventListener
    public void refusedWhileLocked(AuthenticationFailureLockedEvent event) {
        String username = event.getAuthentication().getName();
        audit.record(username, "LOGIN_REFUSED_LOCKED", username, "sign-in attempt while the account is locked");
    }

    /** Not transactional on purpose: it runs for every API call, and its one statement needs no transaction around it. */
    @EventListener
    public void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getDetails() == VerifiedCredentialsCache.FROM_CACHE) {
            return; // an API call answered from the credential cache: its first check already reset the count
        }
        jdbc.update("UPDATE hub_user SET failed_logins = 0, version = version + 1 WHERE username = ? AND failed_logins > 0",
                event.getAuthentication().getName());
    }

    @EventListener
    public void signedIn(InteractiveAuthenticationSuccessEvent event) {
        String username = event.getAuthentication().getName();
        audit.record(username, "LOGIN", username, "signed in to the console");
    }

    @EventListener
    public void signedOut(LogoutSuccessEvent event) {
        String username = event.getAuthentication().getName();
        audit.record(username, "LOGOUT", username, "signed out");
    }
}
