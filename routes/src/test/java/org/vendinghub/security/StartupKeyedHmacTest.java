package org.vendinghub.security;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class StartupKeyedHmacTest {

    @Test
    void the_same_text_gives_the_same_proof_and_another_text_another() {
        StartupKeyedHmac hmac = new StartupKeyedHmac();
        assertThat(hmac.of("terminal-secret")).isEqualTo(hmac.of("terminal-secret")).hasSize(32);
        assertThat(hmac.of("terminal-secret")).isNotEqualTo(hmac.of("terminal-secret!"));
    }

    @Test
    void every_start_has_its_own_key() {
        assertThat(new StartupKeyedHmac().of("terminal-secret")).isNotEqualTo(new StartupKeyedHmac().of("terminal-secret"));
    }

    @Test
    void callers_at_once_on_many_threads_get_whole_proofs() throws Exception {
        StartupKeyedHmac hmac = new StartupKeyedHmac();
        byte[] expectedA = hmac.of("secret-a");
        byte[] expectedB = hmac.of("secret-b");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            Set<String> threads = ConcurrentHashMap.newKeySet();
            for (int i = 0; i < 4_000; i++) {
                boolean a = i % 2 == 0;
                results.add(pool.submit(() -> {
                    threads.add(Thread.currentThread().getName());
                    byte[] proof = hmac.of(a ? "secret-a" : "secret-b");
                    return Arrays.equals(proof, a ? expectedA : expectedB);
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
            assertThat(threads).hasSizeGreaterThan(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
