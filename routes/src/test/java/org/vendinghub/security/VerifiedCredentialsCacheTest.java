package org.vendinghub.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedCredentialsCacheTest {

    private final AtomicInteger checks = new AtomicInteger();

    /** Stands in for bcrypt: counts how often a password is really checked. */
    private final AuthenticationProvider bcrypt = new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication a) {
            checks.incrementAndGet();
            if (!"right".equals(a.getCredentials())) {
                throw new BadCredentialsException("Bad credentials");
            }
            return UsernamePasswordAuthenticationToken.authenticated(a.getName(), null, List.of(new SimpleGrantedAuthority("VEND")));
        }

        @Override
        public boolean supports(Class<?> type) {
            return true;
        }
    };

    @Test
    void a_verified_password_is_checked_once_and_then_remembered_without_keeping_the_password() {
        VerifiedCredentialsCache cache = new VerifiedCredentialsCache(bcrypt, Duration.ofMinutes(1));
        Authentication first = cache.authenticate(login("api", "right"));
        Authentication second = cache.authenticate(login("api", "right"));
        assertThat(checks).hasValue(1);
        assertThat(second.getName()).isEqualTo("api");
        assertThat(second.getAuthorities()).extracting(Object::toString).containsExactly("VEND");
        assertThat(first.getCredentials()).isNull();
    }

    @Test
    void a_wrong_password_is_never_remembered_and_never_matches_a_remembered_one() {
        VerifiedCredentialsCache cache = new VerifiedCredentialsCache(bcrypt, Duration.ofMinutes(1));
        cache.authenticate(login("api", "right"));
        assertThatThrownBy(() -> cache.authenticate(login("api", "wrong"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> cache.authenticate(login("api", "wrong"))).isInstanceOf(BadCredentialsException.class);
        assertThat(checks).hasValue(3);
    }

    @Test
    void with_no_time_to_live_every_request_is_checked() {
        VerifiedCredentialsCache cache = new VerifiedCredentialsCache(bcrypt, Duration.ZERO);
        cache.authenticate(login("api", "right"));
        cache.authenticate(login("api", "right"));
        assertThat(checks).hasValue(2);
    }

    @Test
    void a_remembered_pair_is_checked_again_after_its_time_to_live() throws InterruptedException {
        VerifiedCredentialsCache cache = new VerifiedCredentialsCache(bcrypt, Duration.ofMillis(1));
        cache.authenticate(login("api", "right"));
        Thread.sleep(5); // the time to live is the behaviour under test
        cache.authenticate(login("api", "right"));
        assertThat(checks).hasValue(2);
    }

    @Test
    void many_requests_arriving_together_with_the_same_password_wait_for_one_check() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AuthenticationProvider slowBcrypt = new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication a) {
                try {
                    release.await(); // every other request arrives while this check runs
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return bcrypt.authenticate(a); // counts the check
            }

            @Override
            public boolean supports(Class<?> type) {
                return true;
            }
        };
        VerifiedCredentialsCache cache = new VerifiedCredentialsCache(slowBcrypt, Duration.ofMinutes(1));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Authentication>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> cache.authenticate(login("api", "right"))));
            }
            Thread.sleep(200); // let all sixteen reach the cache before the one check finishes
            release.countDown();
            for (Future<Authentication> r : results) {
                assertThat(r.get(5, TimeUnit.SECONDS).getName()).isEqualTo("api");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(checks).as("bcrypt checks for sixteen simultaneous requests").hasValue(1);
    }

    @Test
    void answers_from_the_cache_are_marked_so_and_a_real_check_is_not() {
        VerifiedCredentialsCache cache = new VerifiedCredentialsCache(bcrypt, Duration.ofMinutes(1));
        assertThat(cache.authenticate(login("api", "right")).getDetails()).isNotSameAs(VerifiedCredentialsCache.FROM_CACHE);
        assertThat(cache.authenticate(login("api", "right")).getDetails()).isSameAs(VerifiedCredentialsCache.FROM_CACHE);
    }

    @Test
    void near_its_expiry_a_remembered_pair_is_checked_again_by_one_request_while_the_others_use_it() throws InterruptedException {
        VerifiedCredentialsCache cache = new VerifiedCredentialsCache(bcrypt, Duration.ofMillis(500));
        cache.authenticate(login("api", "right"));
        Thread.sleep(420); // into the last fifth of the time to live, before expiry
        cache.authenticate(login("api", "right"));
        cache.authenticate(login("api", "right"));
        assertThat(checks).as("the first check and one renewal").hasValue(2);
    }

    private static Authentication login(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }
}
