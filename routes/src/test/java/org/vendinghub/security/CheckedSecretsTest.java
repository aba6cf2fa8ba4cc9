package org.vendinghub.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class CheckedSecretsTest {

    /** bcrypt at its lowest cost, counting the checks it makes. */
    private static final class CountingEncoder implements PasswordEncoder {
        private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        private final AtomicInteger checks = new AtomicInteger();

        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    }

    private final CountingEncoder encoder = new CountingEncoder();
    private final CheckedSecrets secrets = new CheckedSecrets(encoder);

    @Test
    void a_secret_bcrypt_accepted_is_accepted_again_without_another_bcrypt_check() {
        String hash = encoder.encode("s3cret-1");

        assertThat(secrets.matches("T1", "s3cret-1", hash)).isTrue();
        assertThat(secrets.matches("T1", "s3cret-1", hash)).isTrue();
        assertThat(secrets.matches("T1", "s3cret-1", hash)).isTrue();

        assertThat(encoder.checks).hasValue(1);
    }

    @Test
    void a_wrong_secret_is_always_checked_and_refused_even_after_the_right_one_was_remembered() {
        String hash = encoder.encode("s3cret-1");
        secrets.matches("T1", "s3cret-1", hash);

        assertThat(secrets.matches("T1", "s3cret-2", hash)).isFalse();
        assertThat(secrets.matches("T1", "s3cret-2", hash)).isFalse();

        assertThat(encoder.checks).hasValue(3);
    }

    @Test
    void a_new_stored_hash_forgets_the_old_secret_at_once() {
        String old = encoder.encode("s3cret-1");
        secrets.matches("T1", "s3cret-1", old);
        String changed = encoder.encode("s3cret-2");

        assertThat(secrets.matches("T1", "s3cret-1", changed)).isFalse();
        assertThat(secrets.matches("T1", "s3cret-2", changed)).isTrue();
    }

    @Test
    void an_unknown_holder_or_a_missing_secret_is_refused_after_a_bcrypt_check_like_a_wrong_secret() {
        String hash = encoder.encode("s3cret-1");

        assertThat(secrets.matches("nobody", "s3cret-1", null)).isFalse();
        assertThat(secrets.matches("T1", null, hash)).isFalse();

        assertThat(encoder.checks).hasValue(2);
    }

    @Test
    void what_one_holder_proved_does_not_count_for_another_with_the_same_hash() {
        String hash = encoder.encode("shared");
        secrets.matches("T1", "shared", hash);

        assertThat(secrets.matches("T2", "shared", hash)).isTrue();
        assertThat(encoder.checks).hasValue(2);
    }
}
