package org.vendinghub.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Remembers, for a short while, user name and password pairs that bcrypt has just verified. API clients send HTTP Basic
 * credentials with every request, and a bcrypt check costs tens of milliseconds of CPU: without this, the password
 * check alone would cap a 2-core hub at a few dozen vends per second.
 *
 * <p>Only successes are remembered, as an HMAC of the password under a random key made at start (never the password,
 * never written anywhere). A disabled, locked or re-passworded account keeps working for at most the time to live
 * ({@code hub.security.credential-cache-ttl}); 0 switches the cache off.
 */
class VerifiedCredentialsCache implements AuthenticationProvider {

    private static final int ENTRIES_MAX = 10_000;

    private final AuthenticationProvider delegate;
    private final long ttlNanos;
    private final ConcurrentHashMap<String, Entry> verified = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, CompletableFuture<Authentication>> checking = new ConcurrentHashMap<>();
    private final StartupKeyedHmac hmac = new StartupKeyedHmac();

    /** The details of an authentication answered from the cache, so that listeners can tell it from a fresh check. */
    static final Object FROM_CACHE = new Object() {
        @Override
        public String toString() {
            return "verified credentials (cached)";
        }
    };

    /** A verified pair: valid until {@code expiresAtNanos}; from {@code refreshFromNanos} one caller re-checks it. */
    private record Entry(Authentication authentication, long expiresAtNanos, long refreshFromNanos, AtomicBoolean refreshing) {
    }

    VerifiedCredentialsCache(AuthenticationProvider delegate, Duration ttl) {
        this.delegate = delegate;
        this.ttlNanos = ttl.toNanos();
    }

    @Override
    public Authentication authenticate(Authentication request) {
        if (ttlNanos <= 0 || !(request.getCredentials() instanceof String password)) {
            return delegate.authenticate(request);
        }
        String key = key(request.getName(), password);
        Entry hit = verified.get(key);
        long now = System.nanoTime();
        if (hit != null && now - hit.expiresAtNanos() < 0) {
            if (now - hit.refreshFromNanos() >= 0 && hit.refreshing().compareAndSet(false, true)) {
                return verify(key, request); // one caller re-checks before expiry; the others keep using the entry
            }
            return hit.authentication();
        }
        return verify(key, request);
    }

    /**
     * A bcrypt check, done once for all callers with the same credentials at the same moment: a burst of API requests
     * after start or expiry waits for one check instead of making one each (each costs tens of milliseconds of CPU).
     */
    private Authentication verify(String key, Authentication request) {
        CompletableFuture<Authentication> mine = new CompletableFuture<>();
        CompletableFuture<Authentication> running = checking.putIfAbsent(key, mine);
        if (running != null) {
            return join(running);
        }
        try {
            Authentication result = delegate.authenticate(request);
            if (result != null && result.isAuthenticated()) {
                result = remember(key, result);
            }
            mine.complete(result);
            return result;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            checking.remove(key, mine);
        }
    }

    /** Keeps the verified pair (never the password) and returns the caller's authentication, also without it. */
    private Authentication remember(String key, Authentication result) {
        if (verified.size() >= ENTRIES_MAX) {
            verified.clear(); // bounded: a burst of new users costs a few extra bcrypt checks, never memory
        }
        UsernamePasswordAuthenticationToken kept = UsernamePasswordAuthenticationToken.authenticated(result.getPrincipal(), null,
                result.getAuthorities());
        kept.setDetails(FROM_CACHE);
        long now = System.nanoTime();
        verified.put(key, new Entry(kept, now + ttlNanos, now + ttlNanos - ttlNanos / 5, new AtomicBoolean()));
        return UsernamePasswordAuthenticationToken.authenticated(result.getPrincipal(), null, result.getAuthorities());
    }

    private static Authentication join(CompletableFuture<Authentication> running) {
        try {
            return running.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }

    private String key(String username, String password) {
        byte[] digest = hmac.of(username + '\0' + password);
        return username + '\0' + Base64.getEncoder().encodeToString(digest);
    }
}
