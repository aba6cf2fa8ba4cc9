package org.vendinghub.ledger;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.vendinghub.domain.ChannelRef;
import org.vendinghub.ledger.testsupport.Concurrently;
import org.vendinghub.ledger.testsupport.Concurrently.Outcome;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdempotencyServiceTest extends LedgerIntegrationTest {

    @Autowired
    IdempotencyService idempotency;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void the_same_request_again_is_a_replay_of_the_first_result() {
        ChannelRef key = new ChannelRef("MPESA", "QK" + UUID.randomUUID());
        String hash = IdempotencyService.sha256Hex("01234567897|10000|ZMW");
        assertThat(idempotency.claim(key, hash, "vend-1")).isEqualTo(new IdempotencyService.Claim(false, "vend-1"));
        assertThat(idempotency.claim(key, hash, "vend-2")).isEqualTo(new IdempotencyService.Claim(true, "vend-1"));
        assertThat(idempotency.resultOf(key)).contains("vend-1");
    }

    @Test
    void the_same_reference_with_another_payload_is_a_conflict() {
        ChannelRef key = new ChannelRef("MOMO", UUID.randomUUID().toString());
        idempotency.claim(key, IdempotencyService.sha256Hex("a"), "vend-1");
        assertThatThrownBy(() -> idempotency.claim(key, IdempotencyService.sha256Hex("b"), "vend-2"))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo(ResultCode.IDEMPOTENCY_KEY_REUSED_WITH_DIFFERENT_PAYLOAD))
                .hasMessage("MOMO reference " + key.reference() + " was already used for a different request");
    }

    @Test
    void concurrent_twins_of_one_request_claim_it_once() throws Exception {
        ChannelRef key = new ChannelRef("POS", UUID.randomUUID().toString());
        String hash = IdempotencyService.sha256Hex("x");
        List<Callable<IdempotencyService.Claim>> twins = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String vend = "vend-" + i;
            twins.add(() -> idempotency.claim(key, hash, vend));
        }
        List<Outcome<IdempotencyService.Claim>> outcomes = Concurrently.run(twins);
        assertThat(outcomes).allMatch(Outcome::succeeded);
        assertThat(outcomes).filteredOn(o -> !o.value().replay()).hasSize(1);
        assertThat(outcomes).extracting(o -> o.value().resultRef()).containsOnly(idempotency.resultOf(key).orElseThrow());
    }

    @Test
    void a_hash_that_is_not_sha256_hex_is_refused() {
        assertThatThrownBy(() -> idempotency.claim(new ChannelRef("POS", "1"), "abc", "v"))
                .hasMessage("payload hash must be 64 lower-case hex digits (SHA-256)");
    }

    @Test
    void a_batch_of_claims_answers_each_request_as_alone_including_twins_in_the_same_batch() {
        ChannelRef used = new ChannelRef("POS", UUID.randomUUID().toString());
        ChannelRef twin = new ChannelRef("POS", UUID.randomUUID().toString());
        ChannelRef fresh = new ChannelRef("API", UUID.randomUUID().toString());
        String hash = IdempotencyService.sha256Hex("x");
        idempotency.claim(used, hash, "vend-0");

        List<IdempotencyService.ClaimOutcome> outcomes = new TransactionTemplate(transactions).execute(s -> idempotency.claimAll(List.of(
                new IdempotencyService.ClaimRequest(used, hash, "vend-1"),
                new IdempotencyService.ClaimRequest(twin, hash, "vend-2"),
                new IdempotencyService.ClaimRequest(twin, hash, "vend-3"),
                new IdempotencyService.ClaimRequest(fresh, IdempotencyService.sha256Hex("y"), "vend-4"),
                new IdempotencyService.ClaimRequest(used, IdempotencyService.sha256Hex("other"), "vend-5"))));

        assertThat(outcomes.get(0).claim()).isEqualTo(new IdempotencyService.Claim(true, "vend-0"));
        assertThat(outcomes.get(1).claim()).isEqualTo(new IdempotencyService.Claim(false, "vend-2"));
        assertThat(outcomes.get(2).claim()).as("the second twin replays the first").isEqualTo(new IdempotencyService.Claim(true, "vend-2"));
        assertThat(outcomes.get(3).claim()).isEqualTo(new IdempotencyService.Claim(false, "vend-4"));
        assertThat(outcomes.get(4).conflict()).hasMessage("POS reference " + used.reference() + " was already used for a different request");
        assertThat(idempotency.resultOf(fresh)).contains("vend-4");
    }
}
