package org.vendinghub.platform;

import org.springframework.core.env.Environment;

/**
 * Which servers the hub starts itself. The rule is simple and visible: no database URL means an embedded
 * MariaDB; no broker URL (and no explicit mode) means an in-VM Artemis.
 */
public final class EmbeddedMode {

    private EmbeddedMode() {
    }

    public static boolean embeddedDatabase(Environment env) {
        return blank(env, "spring.datasource.url");
    }

    public static boolean embeddedBroker(Environment env) {
        String mode = env.getProperty("spring.artemis.mode", "");
        if (!mode.isBlank()) {
            return mode.equalsIgnoreCase("embedded");
        }
        return blank(env, "spring.artemis.broker-url");
    }

    private static boolean blank(Environment env, String key) {
        try {
            return env.getProperty(key, "").isBlank();
        } catch (IllegalArgumentException unresolvedPlaceholder) {
            return false; // set, but to a ${VARIABLE} that is missing: the pre-flight check reports it
        }
    }
}
