package org.vendinghub.security;

import org.springframework.security.crypto.password.PasswordEncoder;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a secret that a machine sends with every request (a POS terminal's secret, an XMLVend operator's password)
 * against its stored bcrypt hash, and remembers what bcrypt accepted: per holder, the hash it was checked against and an
 * HMAC of the secret under a key made at start (never the secret, never written anywhere). The same secret against the
 * same hash then costs one HMAC instead of a bcrypt check, tens of milliseconds of CPU. The caller reads the stored hash
 * on every request, so a new secret (a new hash) or a disabled holder (no hash) takes effect at once.
 */
public final class CheckedSecrets {

    /** A secret bcrypt accepted: valid while the stored hash is the one it was checked against. */
    private record Accepted(String storedHash, byte[] secretMac) {
    }

    private final PasswordEncoder passwords;
    private final ThreadLocal<Mac> macs = hmacsUnderNewKey();
    private final ConcurrentHashMap<String, Accepted> accepted = new ConcurrentHashMap<>();

    public CheckedSecrets(PasswordEncoder passwords) {
        this.passwords = passwords;
    }

    /** Whether {@code secret} is the one {@code storedHash} was made from; {@code holder} names whose it is. */
    public boolean matches(String holder, String secret, String storedHash) {
        byte[] mac = macs.get().doFinal(secret.getBytes(StandardCharsets.UTF_8));
        Accepted known = accepted.get(holder);
        if (known != null && known.storedHash().equals(storedHash) && MessageDigest.isEqual(known.secretMac(), mac)) {
            return true;
        }
        if (!passwords.matches(secret, storedHash)) {
            return false;
        }
        accepted.put(holder, new Accepted(storedHash, mac));
        return true;
    }

    /**
     * HmacSHA256 under a random key made now and never written anywhere, one {@link Mac} per thread: looking one up and
     * keying it costs more than the HMAC itself, and these run on every request.
     */
    static ThreadLocal<Mac> hmacsUnderNewKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
            }
        });
    }
}
