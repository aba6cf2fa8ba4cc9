package org.vendinghub.keys;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.vendinghub.platform.HubProperties;
import org.vendinghub.platform.HubStartupException;
import org.vendinghub.sts.SecurityModule;
import org.vendinghub.sts.crypto.StaTables;
import org.vendinghub.sts.soft.SoftwareSecurityModule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The token engine's security module for this hub: the software module, with vending keys encrypted at rest under a
 * key-encryption key (KEK) from configuration. A certified HSM adapter replaces this bean in production.
 *
 * <p>Without {@code hub.security.kek} the hub, outside the prod profile, makes a development KEK in its data
 * directory and says so loudly; the prod profile refuses to start without one.
 */
@Configuration(proxyBeanMethods = false)
class SecurityModuleConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityModuleConfiguration.class);

    /** Typed as the port: everything else in the hub sees only {@link SecurityModule}. Closed (keys wiped) at shutdown. */
    @Bean(destroyMethod = "close")
    SecurityModule securityModule(HubProperties hub, Environment env) {
        Path keysDir = hub.dataDir().resolve("keys");
        byte[] kek = kek(env, keysDir);
        try {
            StaTables tables = staTables(env);
            return new SoftwareSecurityModule(keysDir.resolve("vending-keys.ks"), kek, tables, SoftwareSecurityModule.DEFAULT_DECODER_KEY_CACHE);
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    private static byte[] kek(Environment env, Path keysDir) {
        String configured = env.getProperty("hub.security.kek", "");
        if (!configured.isBlank()) {
            try {
                return SoftwareSecurityModule.parseKek(configured);
            } catch (IllegalArgumentException e) {
                throw new HubStartupException("hub.security.kek is not a usable key (" + e.getMessage() + ")",
                        "set HUB_SECURITY_KEK to 32 random bytes in hex or Base64 (openssl rand -hex 32)");
            }
        }
        if (env.acceptsProfiles(Profiles.of("prod"))) {
            throw new HubStartupException("the prod profile has no key-encryption key for the vending-key store",
                    "set HUB_SECURITY_KEK to 32 random bytes in hex or Base64 (openssl rand -hex 32)");
        }
        return developmentKek(keysDir);
    }

    /** Development only: a KEK kept beside the keystore protects nothing against someone who can read the disk. */
    private static byte[] developmentKek(Path keysDir) {
        Path file = keysDir.resolve("development.kek");
        try {
            Files.createDirectories(keysDir);
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                Files.writeString(file, HexFormat.of().formatHex(fresh));
                Arrays.fill(fresh, (byte) 0);
                restrictToOwner(file);
            }
            log.warn("No HUB_SECURITY_KEK set: vending keys are encrypted with a development key in {}. "
                    + "Set HUB_SECURITY_KEK for any real keys.", file.toAbsolutePath().normalize());
            return SoftwareSecurityModule.parseKek(Files.readString(file).trim());
        } catch (IOException e) {
            throw new HubStartupException("cannot create the development key file " + file + " (" + e.getMessage() + ")",
                    "set HUB_DATA_DIR to a writable directory or HUB_SECURITY_KEK");
        }
    }

    private static void restrictToOwner(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: the directory's own permissions are all we have
        }
    }

    private static StaTables staTables(Environment env) {
        String path = env.getProperty("hub.security.sta-tables", "");
        if (path.isBlank()) {
            return StaTables.sample(); // the standard's sample tables: every EA07 token is marked a test token
        }
        try {
            return StaTables.load(Path.of(path));
        } catch (IOException | IllegalArgumentException e) {
            throw new HubStartupException("the STA tables file " + path + " cannot be read (" + e.getMessage() + ")",
                    "set HUB_SECURITY_STA_TABLES to the licensed tables file, or unset it to use the sample tables");
        }
    }

}
