package org.vendinghub.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.time.Duration;
import java.util.List;
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

    private static Authentication login(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }
}
