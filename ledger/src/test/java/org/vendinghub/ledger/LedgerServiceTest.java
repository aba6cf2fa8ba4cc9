package org.vendinghub.ledger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.vendinghub.domain.ValidationException;
import org.vendinghub.ledger.testsupport.Concurrently;
import org.vendinghub.ledger.testsupport.Concurrently.Outcome;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LedgerServiceTest extends LedgerIntegrationTest {

    @Autowired
    LedgerService ledger;

    String currency;
    long bank;
    long float1;
    long clearing;

    @BeforeEach
    void accounts() {
        currency = freshCurrency();
        bank = ledger.openAccount(AccountType.CHANNEL_CLEARING, currency, "channel:BANK").id();
        float1 = ledger.openAccount(AccountType.VENDOR_FLOAT, currency, "vendor:1").id();
        clearing = ledger.systemAccount(AccountType.VEND_CLEARING, currency).id();
    }

    private void fundFloat(long amount) {
        ledger.create(NewTransfer.posted(uniqueId("dep"), bank, float1, amount, TransferCode.VENDOR_DEPOSIT, null));
    }

    private NewTransfer sale(String id, long amount) {
        return NewTransfer.pending(id, float1, clearing, amount, TransferCode.VEND_RESERVE, 60, "vend");
    }

    @Test
    void opening_an_account_twice_returns_the_same_account() {
        assertThat(ledger.openAccount(AccountType.VENDOR_FLOAT, currency, "vendor:1").id()).isEqualTo(float1);
    }

    @Test
    void single_phase_transfer_moves_posted_balances_on_both_sides() {
        fundFloat(10_000);
        assertThat(ledger.account(float1).creditsPostedMinor()).isEqualTo(10_000);
        assertThat(ledger.account(bank).debitsPostedMinor()).isEqualTo(10_000);
        assertThat(ledger.account(float1).availableMinor()).isEqualTo(10_000);
    }

    @Test
    void pending_transfer_reserves_and_a_full_post_moves_the_amount_to_posted() {
        fundFloat(10_000);
        String id = uniqueId("sale");
        ledger.create(sale(id, 3_000));
        assertThat(ledger.account(float1).debitsPendingMinor()).isEqualTo(3_000);
        assertThat(ledger.account(float1).availableMinor()).isEqualTo(7_000);
        assertThat(ledger.pendingStatus(id)).isEqualTo(PendingStatus.PENDING);

        TransferResult posted = ledger.post(PostPending.full(id + ":post", id));

        assertThat(posted.outcome()).isEqualTo(TransferResult.Outcome.CREATED);
        assertThat(posted.transfer().amountMinor()).isEqualTo(3_000);
        AccountView account = ledger.account(float1);
        assertThat(account.debitsPendingMinor()).isZero();
        assertThat(account.debitsPostedMinor()).isEqualTo(3_000);
        assertThat(ledger.account(clearing).creditsPostedMinor()).isEqualTo(3_000);
        assertThat(ledger.pendingStatus(id)).isEqualTo(PendingStatus.POSTED);
    }

    @Test
    void partial_post_spends_part_of_the_reservation_and_releases_the_rest() {
        fundFloat(10_000);
        String id = uniqueId("sale");
        ledger.create(sale(id, 3_000));
        ledger.post(new PostPending(id + ":post", id, 1_200L));
        AccountView account = ledger.account(float1);
        assertThat(account.debitsPostedMinor()).isEqualTo(1_200);
        assertThat(account.debitsPendingMinor()).isZero();
        assertThat(account.availableMinor()).isEqualTo(8_800);
    }

    @Test
    void posting_more_than_was_reserved_is_refused() {
        fundFloat(10_000);
        String id = uniqueId("sale");
        ledger.create(sale(id, 3_000));
        assertThatThrownBy(() -> ledger.post(new PostPending(id + ":post", id, 3_001L)))
                .isInstanceOf(ValidationException.class)
                .hasMessage("amount must not exceed the pending amount of 3000");
        assertThat(ledger.pendingStatus(id)).isEqualTo(PendingStatus.PENDING);
    }

    @Test
    void void_releases_the_reservation_and_a_later_post_is_refused() {
        fundFloat(10_000);
        String id = uniqueId("sale");
        ledger.create(sale(id, 3_000));
        ledger.voidPending(new VoidPending(id + ":void", id));
        assertThat(ledger.account(float1).availableMinor()).isEqualTo(10_000);
        assertThatThrownBy(() -> ledger.post(PostPending.full(id + ":post", id)))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo(ResultCode.PENDING_TRANSFER_ALREADY_VOIDED))
                .hasMessage("pending transfer " + id + " is already voided");
    }

    @Test
    void replaying_a_transfer_with_the_same_id_and_content_returns_exists_and_moves_nothing() {
        fundFloat(10_000);
        String id = uniqueId("sale");
        TransferResult first = ledger.create(sale(id, 3_000));
        TransferResult again = ledger.create(sale(id, 3_000));
        assertThat(first.outcome()).isEqualTo(TransferResult.Outcome.CREATED);
        assertThat(again.outcome()).isEqualTo(TransferResult.Outcome.EXISTS);
        assertThat(again.transfer()).isEqualTo(first.transfer());
        assertThat(ledger.account(float1).debitsPendingMinor()).isEqualTo(3_000);

        TransferResult post = ledger.post(PostPending.full(id + ":post", id));
        TransferResult postAgain = ledger.post(PostPending.full(id + ":post", id));
        assertThat(postAgain.outcome()).isEqualTo(TransferResult.Outcome.EXISTS);
        assertThat(postAgain.transfer()).isEqualTo(post.transfer());
        assertThat(ledger.account(float1).debitsPostedMinor()).isEqualTo(3_000);
    }

    @Test
    void replaying_a_transfer_id_with_a_different_amount_is_a_conflict() {
        fundFloat(10_000);
        String id = uniqueId("sale");
        ledger.create(sale(id, 3_000));
        assertThatThrownBy(() -> ledger.create(sale(id, 3_001)))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo(ResultCode.EXISTS_WITH_DIFFERENT_CONTENT))
                .hasMessage("transfer " + id + " exists with a different amount");
        assertThat(ledger.account(float1).debitsPendingMinor()).isEqualTo(3_000);
    }

    @Test
    void replaying_a_post_id_with_a_different_amount_is_a_conflict() {
        fundFloat(10_000);
        String id = uniqueId("sale");
        ledger.create(sale(id, 3_000));
        ledger.post(new PostPending(id + ":post", id, 1_000L));
        assertThatThrownBy(() -> ledger.post(new PostPending(id + ":post", id, 2_000L)))
                .isInstanceOf(ConflictException.class)
                .hasMessage("transfer " + id + ":post exists with a different amount");
    }

    @Test
    void a_float_cannot_reserve_more_than_its_credits() {
        fundFloat(1_000);
        assertThatThrownBy(() -> ledger.create(sale(uniqueId("sale"), 1_001)))
                .isInstanceOfSatisfying(InsufficientFundsException.class, e -> {
                    assertThat(e.code()).isEqualTo(ResultCode.EXCEEDS_CREDITS);
                    assertThat(e.availableMinor()).isEqualTo(1_000);
                })
                .hasMessage("account " + float1 + " has 1000 available, the transfer needs 1001");
        assertThat(ledger.account(float1).debitsPendingMinor()).isZero();
    }

    @Test
    void a_credit_limit_lets_a_float_go_below_zero_down_to_the_limit_only() {
        fundFloat(1_000);
        ledger.setCreditLimit(float1, 500);
        ledger.create(sale(uniqueId("sale"), 1_500));
        assertThatThrownBy(() -> ledger.create(sale(uniqueId("sale"), 1)))
                .isInstanceOf(InsufficientFundsException.class);
        assertThatThrownBy(() -> ledger.setCreditLimit(float1, 499))
                .isInstanceOf(ValidationException.class)
                .hasMessage("credit limit cannot be lower than the 500 already used");
    }

    @Test
    void linked_transfers_succeed_or_fail_together() {
        fundFloat(1_000);
        long revenue = ledger.systemAccount(AccountType.ENERGY_REVENUE, currency).id();
        String a = uniqueId("a");
        String b = uniqueId("b");
        List<NewTransfer> chain = List.of(
                NewTransfer.posted(a, float1, clearing, 800, TransferCode.VEND_ENERGY, null),
                NewTransfer.posted(b, float1, revenue, 300, TransferCode.VEND_ENERGY, null));

        assertThatThrownBy(() -> ledger.createLinked(chain)).isInstanceOf(InsufficientFundsException.class);

        assertThat(ledger.transfer(a)).isEmpty();
        assertThat(ledger.account(float1).debitsPostedMinor()).isZero();
        List<TransferResult> ok = ledger.createLinked(List.of(chain.get(0),
                NewTransfer.posted(b, float1, revenue, 200, TransferCode.VEND_ENERGY, null)));
        assertThat(ok).extracting(r -> r.transfer().linkedId()).containsOnly(a);
        assertThat(ledger.account(float1).availableMinor()).isZero();
    }

    @Test
    void accounts_in_different_currencies_cannot_trade() {
        long other = ledger.openAccount(AccountType.CHANNEL_CLEARING, freshCurrency(), "channel:BANK").id();
        assertThatThrownBy(() -> ledger.create(NewTransfer.posted(uniqueId("x"), other, float1, 1, TransferCode.OTHER, null)))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("debit and credit account must have the same currency");
    }

    @Test
    void transfer_input_is_validated_with_exact_messages() {
        assertThatThrownBy(() -> NewTransfer.posted("bad id!", 1, 2, 1, TransferCode.OTHER, null))
                .hasMessage("transfer id must be 1 to 56 characters of A-Z a-z 0-9 . _ : -");
        assertThatThrownBy(() -> NewTransfer.posted("t1", 1, 1, 1, TransferCode.OTHER, null))
                .hasMessage("debit and credit account must differ");
        assertThatThrownBy(() -> NewTransfer.posted("t1", 1, 2, 0, TransferCode.OTHER, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("amountMinor"))
                .hasMessage("amount must be positive");
        assertThatThrownBy(() -> NewTransfer.pending("t1", 1, 2, 1, TransferCode.OTHER, 0, null))
                .hasMessage("a pending transfer needs a timeout of 1 to 604800 seconds");
        assertThatThrownBy(() -> ledger.create(NewTransfer.posted("t1", float1, Long.MAX_VALUE, 1, TransferCode.OTHER, null)))
                .isInstanceOf(NotFoundException.class).hasMessage("account " + Long.MAX_VALUE + " not found");
        assertThatThrownBy(() -> ledger.post(PostPending.full("p1", "no-such-pending")))
                .isInstanceOf(NotFoundException.class).hasMessage("pending transfer no-such-pending not found");
    }

    @Test
    void the_sweeper_expires_due_pending_transfers_only_and_a_post_after_the_timeout_is_refused() {
        fundFloat(10_000);
        Instant start = Instant.parse("2030-01-01T00:00:00Z");
        clock.set(start);
        String due = uniqueId("due");
        String later = uniqueId("later");
        ledger.create(NewTransfer.pending(due, float1, clearing, 1_000, TransferCode.VEND_RESERVE, 30, null));
        ledger.create(NewTransfer.pending(later, float1, clearing, 2_000, TransferCode.VEND_RESERVE, 120, null));
        clock.advance(Duration.ofSeconds(30));

        assertThatThrownBy(() -> ledger.post(PostPending.full(due + ":post", due)))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo(ResultCode.PENDING_TRANSFER_EXPIRED));
        List<String> expired = ledger.expirePendingTransfers(clock.instant());

        assertThat(expired).contains(due).doesNotContain(later);
        assertThat(ledger.pendingStatus(due)).isEqualTo(PendingStatus.EXPIRED);
        assertThat(ledger.pendingStatus(later)).isEqualTo(PendingStatus.PENDING);
        assertThat(ledger.account(float1).debitsPendingMinor()).isEqualTo(2_000);
        assertThat(ledger.expirePendingTransfers(clock.instant())).doesNotContain(due);
        assertThatThrownBy(() -> ledger.voidPending(new VoidPending(due + ":void", due)))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo(ResultCode.PENDING_TRANSFER_EXPIRED));
        ledger.voidPending(new VoidPending(later + ":void", later));
    }

    @Test
    void pending_transfer_resolves_once_under_concurrent_post_and_void() throws Exception {
        fundFloat(10_000);
        String id = uniqueId("sale");
        ledger.create(sale(id, 3_000));
        List<Callable<TransferResult>> racers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int n = i;
            racers.add(() -> n % 2 == 0 ? ledger.post(PostPending.full(id + ":p" + n, id))
                    : ledger.voidPending(new VoidPending(id + ":v" + n, id)));
        }

        List<Outcome<TransferResult>> outcomes = Concurrently.run(racers);

        assertThat(outcomes).filteredOn(Outcome::succeeded).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !o.succeeded()).allSatisfy(o ->
                assertThat(o.error()).isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code())
                        .isIn(ResultCode.PENDING_TRANSFER_ALREADY_POSTED, ResultCode.PENDING_TRANSFER_ALREADY_VOIDED)));
        TransferKind winner = outcomes.stream().filter(Outcome::succeeded).findFirst().orElseThrow().value().transfer().kind();
        AccountView account = ledger.account(float1);
        assertThat(account.debitsPendingMinor()).isZero();
        assertThat(account.debitsPostedMinor()).isEqualTo(winner == TransferKind.POST_PENDING ? 3_000 : 0);
    }

    @Test
    void concurrent_retries_of_one_transfer_create_it_once() throws Exception {
        fundFloat(10_000);
        String id = uniqueId("sale");
        List<Callable<TransferResult>> retries = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            retries.add(() -> ledger.create(sale(id, 2_500)));
        }
        List<Outcome<TransferResult>> outcomes = Concurrently.run(retries);
        assertThat(outcomes).allMatch(Outcome::succeeded);
        assertThat(outcomes).filteredOn(o -> o.value().created()).hasSize(1);
        assertThat(ledger.account(float1).debitsPendingMinor()).isEqualTo(2_500);
    }

    @Test
    void a_float_never_goes_below_zero_under_50_concurrent_sales() throws Exception {
        fundFloat(20 * 700 + 300); // room for 20 sales of 700, not 21
        List<Callable<TransferResult>> sales = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String id = uniqueId("sale");
            sales.add(() -> {
                ledger.create(sale(id, 700));
                return ledger.post(PostPending.full(id + ":post", id));
            });
        }
        List<Outcome<TransferResult>> outcomes = Concurrently.run(sales);
        assertThat(outcomes).filteredOn(Outcome::succeeded).hasSize(20);
        assertThat(outcomes).filteredOn(o -> !o.succeeded())
                .allSatisfy(o -> assertThat(o.error()).isInstanceOf(InsufficientFundsException.class));
        assertThat(ledger.account(float1).availableMinor()).isEqualTo(300);
    }

    @Test
    void a_statement_lists_the_transfers_of_an_account_oldest_first() {
        fundFloat(1_000);
        String id = uniqueId("sale");
        ledger.create(sale(id, 400));
        ledger.post(PostPending.full(id + ":post", id));
        assertThat(ledger.statement(float1, PageRequest.of(0, 10)).getContent())
                .extracting(TransferView::kind)
                .containsExactly(TransferKind.SINGLE_PHASE, TransferKind.PENDING, TransferKind.POST_PENDING);
    }
}
