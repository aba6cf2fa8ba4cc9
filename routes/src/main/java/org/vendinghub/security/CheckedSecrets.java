package org.vendinghub.security;

import org.springframework.security.crypto.password.PasswordEncoder;

import java.security.MessageDigest;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a secret that a machine sends with every request (a POS terminal's secret, an XMLVend operator's password)
 * against its stored bcrypt hash, and remembers what bcrypt accepted: per holder, the hash it was checked against and an
 * HMAC of the secret under a key made at start (never the secret, never written anywhere). The same secret against the
 * same hash then costs one HMAC instead of a bcrypt check, tens of milliseconds of CPU. The caller reads the stored hash
 * on every request, so a new secret (a new hash) or a disabled holder (no hash) takes effect at once. A holder with no
 * hash costs a bcrypt check all the same, so that the time of a refusal does not tell an unknown holder from a wrong
 * secret.
 */
public final class CheckedSecrets {

    /** A secret bcrypt accepted: valid while the stored hash is the one it was checked against. */
    private record Accepted(String storedHash, byte[] secretMac) {
    }

    private final PasswordEncoder passwords;
    private final StartupKeyedHmac hmac = new StartupKeyedHmac();
    private final ConcurrentHashMap<String, Accepted> accepted = new ConcurrentHashMap<>();
    private final String nobodysHash;

    public CheckedSecrets(PasswordEncoder passwords) {
        this.passwords = passwords;
        this.nobodysHash = passwords.encode("nobody has this secret");
    }

    /**
     * Whether {@code secret} is the one {@code storedHash} was made from; {@code holder} names whose it is. False for a
     * missing secret or a missing hash (an unknown or disabled holder), after the same bcrypt check a wrong secret costs.
     */
    public boolean matches(String holder, String secret, String storedHash) {
        if (secret == null || storedHash == null) {
            passwords.matches(secret == null ? "" : secret, nobodysHash);
            return false;
        }
        byte[] mac = hmac.of(secret);
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
}
