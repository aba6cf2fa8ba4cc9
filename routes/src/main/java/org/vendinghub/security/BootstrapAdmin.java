package org.vendinghub.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.vendinghub.audit.AuditLog;
import org.vendinghub.platform.HubProperties;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * At every start: makes sure the built-in groups exist with at least their permissions, and at the first start
 * creates the administrator {@code admin}. Runs while the context starts, before the web server accepts requests.
 */
@Component
class BootstrapAdmin implements InitializingBean {

    static final String ADMIN = "admin";
    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final UserAccountRepository users;
    private final UserGroupRepository groups;
    private final PasswordEncoder encoder;
    private final HubProperties hub;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    BootstrapAdmin(UserAccountRepository users, UserGroupRepository groups, PasswordEncoder encoder, HubProperties hub,
                   AuditLog audit, TransactionTemplate tx, Clock clock) {
        this.users = users;
        this.groups = groups;
        this.encoder = encoder;
        this.hub = hub;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        tx.executeWithoutResult(status -> {
            ensureBuiltInGroups();
            if (users.findByUsername(ADMIN).isEmpty()) {
                createAdmin();
            }
        });
    }

    private void ensureBuiltInGroups() {
        for (BuiltInGroup builtIn : BuiltInGroup.values()) {
            UserGroup group = groups.findByName(builtIn.groupName())
                    .orElseGet(() -> groups.save(new UserGroup(builtIn.groupName(), builtIn.description(), true, builtIn.permissions())));
            group.grant(builtIn.permissions()); // a new release may add permissions to a built-in group
        }
    }

    private void createAdmin() {
        String configured = hub.bootstrap().adminPassword();
        boolean generated = configured.isBlank();
        String password = generated ? randomPassword() : configured;
        UserAccount admin = new UserAccount(ADMIN, "Administrator", encoder.encode(password), clock.instant());
        admin.join(groups.findByName(BuiltInGroup.ADMINISTRATORS.groupName()).orElseThrow());
        users.save(admin);
        audit.record("system", "USER_CREATED", ADMIN, generated ? "first start, generated password" : "first start, configured password");
        if (generated) {
            // printed once, at the first start only: the hash is all that is kept
            log.warn("First start: created user 'admin' with generated password: {}  (set HUB_BOOTSTRAP_ADMIN_PASSWORD to choose it)",
                    password);
        } else {
            log.info("First start: created user 'admin' with the password from hub.bootstrap.admin-password");
        }
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
