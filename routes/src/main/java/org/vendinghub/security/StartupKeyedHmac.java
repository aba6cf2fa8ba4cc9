package org.vendinghub.security;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * HmacSHA256 under a random key made at start and never written anywhere: a proof that a secret was seen, worthless
 * after a restart. Runs on every authenticated request, and looking up and keying a {@link Mac} costs more than the
 * HMAC itself, so keyed ones are reused from a pool. Not one per thread: with virtual threads every request is a new
 * thread, and a per-thread Mac would be made for each request and then thrown away.
 */
final class StartupKeyedHmac {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final ConcurrentLinkedQueue<Mac> idle = new ConcurrentLinkedQueue<>();

    StartupKeyedHmac() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        this.key = new SecretKeySpec(bytes, ALGORITHM);
    }

    byte[] of(String text) {
        Mac mac = idle.poll();
        if (mac == null) {
            mac = keyedMac();
        }
        try {
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } finally {
            idle.offer(mac); // doFinal leaves it reset: ready for the next caller
        }
    }

    private Mac keyedMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every JDK", e);
        }
    }
}
