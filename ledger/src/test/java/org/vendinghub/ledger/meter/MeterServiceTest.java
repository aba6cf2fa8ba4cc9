package org.vendinghub.ledger.meter;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.vendinghub.domain.ValidationException;
import org.vendinghub.ledger.ConflictException;
import org.vendinghub.ledger.LedgerIntegrationTest;
import org.vendinghub.ledger.NotFoundException;
import org.vendinghub.ledger.ResultCode;
import org.vendinghub.ledger.testsupport.Concurrently;
import org.vendinghub.ledger.testsupport.Fixtures;
import org.vendinghub.ledger.utility.SupplyGroupView;
import org.vendinghub.ledger.utility.UtilityView;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MeterServiceTest extends LedgerIntegrationTest {

    @Autowired
    MeterService meters;
    @Autowired
    MeterBatch batch;
    @Autowired
    ApplicationContext context;
    @Autowired
    PlatformTransactionManager transactions;

    Fixtures fixtures;
    UtilityView utility;
    SupplyGroupView group;
    MeterView meter;

    @BeforeEach
    void meter() {
        fixtures = new Fixtures(context);
        utility = fixtures.utility(freshCurrency());
        group = fixtures.supplyGroup(utility.id(), 1);
        meter = fixtures.meter(utility.id(), group.id(), null, null);
    }

    private List<Long> allocate(long meterId, long nowMinutes, int count) {
        return new TransactionTemplate(transactions).execute(s -> meters.allocateTids(meterId, nowMinutes, count));
    }

    @Test
    void a_registered_meter_takes_its_sts_parameters_from_the_supply_group_and_its_iin_from_its_length() {
        assertThat(meter.iin()).isEqualTo("600727");
        assertThat(meter.sts().sgc()).isEqualTo(group.sgc());
        assertThat(meter.sts().baseDate()).isEqualTo(2014);
        assertThat(meter.status()).isEqualTo(MeterStatus.ACTIVE);
        assertThat(meter.pan()).hasSize(18).startsWith("600727" + meter.meterNumber());
        assertThat(meters.byNumber(meter.meterNumber()).id()).isEqualTo(meter.id());
    }

    @Test
    void registration_refuses_bad_numbers_wrong_iin_and_duplicates_precisely() {
        assertThatThrownBy(() -> meters.register(new NewMeter(utility.id(), "01234567890", null, group.id(), "01", MeterKind.THICK, null, null)))
                .isInstanceOf(ValidationException.class).hasMessage("meter number check digit is wrong");
        assertThatThrownBy(() -> meters.register(new NewMeter(utility.id(), Fixtures.meterNumber(), "0000", group.id(), "01", MeterKind.THICK, null, null)))
                .isInstanceOf(ValidationException.class).hasMessage("IIN must be 600727 for an 11-digit meter number");
        assertThatThrownBy(() -> meters.register(new NewMeter(utility.id(), meter.meterNumber(), null, group.id(), "01", MeterKind.THICK, null, null)))
                .isInstanceOf(ConflictException.class).hasMessage("meter " + meter.meterNumber() + " is already registered");
        assertThatThrownBy(() -> meters.register(new NewMeter(utility.id(), Fixtures.meterNumber(), null, group.id(), "1", MeterKind.THICK, null, null)))
                .isInstanceOf(ValidationException.class).hasMessage("TI must be 2 digits");
        assertThatThrownBy(() -> meters.register(new NewMeter(utility.id(), Fixtures.meterNumber(), null, Long.MAX_VALUE, "01", MeterKind.THICK, null, null)))
                .isInstanceOf(NotFoundException.class).hasMessage("supply group " + Long.MAX_VALUE + " not found");
    }

    @Test
    void a_meter_cannot_use_another_utilitys_tariff_or_supply_group() {
        UtilityView other = fixtures.utility(freshCurrency());
        long foreignTariff = fixtures.tariff(other.id(), clock.instant().plusSeconds(60), List.of(new org.vendinghub.ledger.tariff.TariffBlock(0, 1)),
                List.of()).id();
        assertThatThrownBy(() -> meters.assignTariff(meter.id(), foreignTariff)).hasMessage("the tariff belongs to another utility");
        long foreignGroup = fixtures.supplyGroup(other.id(), 1).id();
        assertThatThrownBy(() -> meters.changeStsParameters(meter.id(), foreignGroup, "01", "alice"))
                .hasMessage("the supply group belongs to another utility");
    }

    @Test
    void tids_are_now_or_one_after_the_last_and_strictly_increasing() {
        assertThat(allocate(meter.id(), 100_000, 1)).containsExactly(100_000L);
        assertThat(allocate(meter.id(), 100_000, 3)).containsExactly(100_001L, 100_002L, 100_003L);
        assertThat(allocate(meter.id(), 90_000, 1)).containsExactly(100_004L); // a clock behind never goes back
        assertThat(allocate(meter.id(), 200_000, 1)).containsExactly(200_000L);
        assertThat(meters.meter(meter.id()).lastTid()).isEqualTo(200_000L);
    }

    @Test
    void a_tid_whose_minute_of_the_day_is_one_is_skipped() {
        // 1440 × 70 + 1 = 100801 is minute 00:01 of a day
        assertThat(allocate(meter.id(), 100_800, 3)).containsExactly(100_800L, 100_802L, 100_803L);
        assertThat(allocate(meter.id(), 102_241, 1)).containsExactly(102_242L);
    }

    @Test
    void tids_are_counted_from_the_base_date_in_whole_minutes() {
        assertThat(Tids.minutesSinceBaseDate(LocalDateTime.of(2014, 1, 1, 0, 1, 59), 2014)).isEqualTo(1);
        // STS_REFERENCE §6: TID 1 698 595 is 1996-03-25 13:55 on the 1993 base date
        assertThat(Tids.minutesSinceBaseDate(LocalDateTime.of(1996, 3, 25, 13, 55), 1993)).isEqualTo(1_698_595);
    }

    @Test
    void a_meter_out_of_tids_on_its_base_date_is_told_that_a_key_change_is_due() {
        assertThatThrownBy(() -> allocate(meter.id(), Tids.TID_MAX, 2))
                .isInstanceOf(ConflictException.class)
                .hasMessage("meter " + meter.meterNumber() + " has no TIDs left on base date 2014: a key change to a later base date is due");
    }

    @Test
    void tids_are_allocated_only_inside_the_callers_transaction() {
        assertThatThrownBy(() -> meters.allocateTids(meter.id(), 1, 1)).isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void concurrent_allocations_for_one_meter_never_share_a_tid() throws Exception {
        List<Callable<List<Long>>> tasks = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            tasks.add(() -> allocate(meter.id(), 500_000, 2));
        }
        List<Long> all = Concurrently.run(tasks).stream().flatMap(o -> o.value().stream()).toList();
        assertThat(all).hasSize(24).doesNotHaveDuplicates().allMatch(t -> !Tids.isReserved(t));
    }

    @Test
    void changing_sgc_records_a_due_key_change_with_the_old_parameters() {
        SupplyGroupView next = fixtures.supplyGroup(utility.id(), 2);
        KeyChangeView change = meters.changeStsParameters(meter.id(), next.id(), "01", "alice").orElseThrow();

        assertThat(change.from()).isEqualTo(meter.sts());
        assertThat(change.to().sgc()).isEqualTo(next.sgc());
        assertThat(change.to().krn()).isEqualTo(2);
        assertThat(meters.dueKeyChanges(meter.id())).containsExactly(change);
        assertThat(meters.meter(meter.id()).sts()).isEqualTo(change.to());
        meters.markKeyChangeIssued(change.id());
        assertThat(meters.dueKeyChanges(meter.id())).isEmpty();
        assertThatThrownBy(() -> meters.markKeyChangeIssued(change.id())).isInstanceOf(ConflictException.class)
                .hasMessage("key change " + change.id() + " was already issued");
    }

    @Test
    void same_key_parameters_record_no_key_change() {
        assertThat(meters.changeStsParameters(meter.id(), group.id(), "01", "alice")).isEmpty();
        assertThat(meters.changeStsParameters(meter.id(), group.id(), "02", "alice")).isPresent(); // TI is a key input
    }

    @Test
    void a_blocked_meter_keeps_its_reason_until_unblocked() {
        assertThat(meters.block(meter.id(), "tampering").blockedReason()).isEqualTo("tampering");
        assertThatThrownBy(() -> meters.block(meter.id(), " ")).hasMessage("reason for blocking is required");
        assertThat(meters.unblock(meter.id()).status()).isEqualTo(MeterStatus.ACTIVE);
        assertThat(meters.meter(meter.id()).blockedReason()).isNull();
    }

    @Test
    void an_unknown_meter_number_is_not_found_and_a_malformed_one_says_why() {
        assertThatThrownBy(() -> meters.byNumber("0000000000")).isInstanceOf(ValidationException.class);
        String unknown = Fixtures.meterNumber();
        assertThatThrownBy(() -> meters.byNumber(unknown)).isInstanceOf(NotFoundException.class)
                .hasMessage("meter " + unknown + " not found")
                .satisfies(e -> assertThat(((NotFoundException) e).code()).isEqualTo(ResultCode.NOT_FOUND));
    }

    @Test
    void a_batch_locks_meters_reads_their_due_key_changes_and_stores_tids_and_issued_changes() {
        SupplyGroupView next = fixtures.supplyGroup(utility.id(), 1);
        KeyChangeView change = meters.changeStsParameters(meter.id(), next.id(), "01", "alice").orElseThrow();
        MeterView other = fixtures.meter(utility.id(), group.id(), null, null);
        TransactionTemplate tx = new TransactionTemplate(transactions);

        tx.executeWithoutResult(s -> {
            Map<Long, MeterView> locked = batch.lockAll(List.of(other.id(), meter.id()));
            assertThat(locked.keySet()).as("locked in ascending id order").containsExactly(meter.id(), other.id());
            assertThat(batch.dueKeyChanges(locked.keySet())).containsOnlyKeys(meter.id())
                    .satisfies(due -> assertThat(due.get(meter.id())).extracting(KeyChangeView::id).containsExactly(change.id()));
            assertThat(batch.byNumbers(List.of(meter.meterNumber(), "00000000000"))).containsOnlyKeys(meter.meterNumber());
            batch.saveLastTids(Map.of(meter.id(), 500L, other.id(), 7L));
            batch.markKeyChangesIssued(List.of(change.id()));
        });
        tx.executeWithoutResult(s -> batch.saveLastTids(Map.of(meter.id(), 400L))); // never backwards

        assertThat(meters.meter(meter.id()).lastTid()).isEqualTo(500);
        assertThat(meters.meter(other.id()).lastTid()).isEqualTo(7);
        assertThat(meters.dueKeyChanges(meter.id())).isEmpty();
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> batch.markKeyChangesIssued(List.of(change.id()))))
                .isInstanceOf(ConflictException.class).hasMessage("a key change was already issued");
        Map<String, String> keyIds = tx.execute(s -> batch.vendingKeyIds(List.of(meter.sts())));
        assertThat(keyIds).containsEntry(MeterBatch.keyOf(meter.sts()), group.vendingKeyId());
    }

    @Test
    void tids_for_tokens_issued_together_skip_the_reserved_minute_and_stop_at_the_last_one() {
        assertThat(Tids.allocate(1439, 100, 3)).containsExactly(1440L, 1442L, 1443L);
        assertThat(Tids.allocate(0, 4320, 2)).containsExactly(4320L, 4322L);
        assertThat(Tids.allocate(Tids.TID_MAX - 1, 0, 1)).containsExactly(Tids.TID_MAX);
        assertThat(Tids.allocate(Tids.TID_MAX - 1, 0, 2)).as("no TIDs left on this base date").isEmpty();
    }
}
