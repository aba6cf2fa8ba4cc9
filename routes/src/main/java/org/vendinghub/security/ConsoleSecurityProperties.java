package org.vendinghub.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** Password policy and lock-out ({@code hub.security.password.*}, {@code hub.security.lockout.*}); see config/application.yml. */
@ConfigurationProperties("hub.security")
public record ConsoleSecurityProperties(@DefaultValue Password password, @DefaultValue Lockout lockout) {

    /**
     * @param minLength         at least this many characters (never below 12)
     * @param minCharacterClasses how many of lower case, upper case, digits and other characters must appear
     */
    public record Password(@DefaultValue("12") int minLength, @DefaultValue("3") int minCharacterClasses) {
        public Password {
            minLength = Math.max(12, minLength);
            minCharacterClasses = Math.min(4, Math.max(1, minCharacterClasses));
        }
    }

    /**
     * @param maxFailures failed sign-ins in a row that lock the account
     * @param duration    how long it stays locked (an administrator can unlock it sooner)
     */
    public record Lockout(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration duration) {
        public Lockout {
            if (maxFailures < 1) {
                throw new IllegalArgumentException("hub.security.lockout.max-failures must be at least 1, was " + maxFailures);
            }
        }
    }
}
