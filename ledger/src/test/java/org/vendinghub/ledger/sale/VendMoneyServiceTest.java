package org.vendinghub.ledger.sale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.vendinghub.domain.Money;
import org.vendinghub.domain.VendId;
import org.vendinghub.ledger.AccountType;
import org.vendinghub.ledger.ConflictException;
import org.vendinghub.ledger.InsufficientFundsException;
import org.vendinghub.ledger.LedgerIntegrationTest;
import org.vendinghub.ledger.LedgerService;
import org.vendinghub.ledger.TransferView;
import org.vendinghub.ledger.customer.CustomerView;
import org.vendinghub.ledger.debt.DebtService;
import org.vendinghub.ledger.debt.NewDebt;
import org.vendinghub.ledger.meter.MeterView;
import org.vendinghub.ledger.pricing.LineKind;
import org.vendinghub.ledger.pricing.PriceBreakdown;
import org.vendinghub.ledger.pricing.PricingService;
import org.vendinghub.ledger.tariff.TariffBlock;
import org.vendinghub.ledger.tariff.TariffFee;
import org.vendinghub.ledger.tariff.TariffView;
import org.vendinghub.ledger.testsupport.Concurrently;
import org.vendinghub.ledger.testsupport.Concurrently.Outcome;
import org.vendinghub.ledger.testsupport.Fixtures;
import org.vendinghub.ledger.utility.UtilityView;
import org.vendinghub.ledger.vendor.AgentView;
import org.vendinghub.ledger.vendor.NewAgent;
import org.vendinghub.ledger.vendor.NewVendor;
import org.vendinghub.ledger.vendor.VendorDeposit;
import org.vendinghub.ledger.vendor.VendorFloatService;
import org.vendinghub.ledger.vendor.VendorService;
import org.vendinghub.ledger.vendor.VendorTerms;
import org.vendinghub.ledger.vendor.VendorView;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One vend's money end to end: price, reserve, commit (split + commissions + usage) or release. */
class VendMoneyServiceTest extends LedgerIntegrationTest {

    static final Instant START = Instant.parse("2031-03-01T00:00:00Z");

    @Autowired
    ApplicationContext context;
    @Autowired
    VendMoneyService money;
    @Autowired
    PricingService pricing;
    @Autowired
    LedgerService ledger;
    @Autowired
    VendorService vendors;
    @Autowired
    VendorFloatService floats;
    @Autowired
    DebtService debts;

    String currency;
    MeterView meter;
    VendorView vendor;
    AgentView agent;
    long debtId;

    @BeforeEach
    void world() {
        clock.set(START);
        currency = freshCurrency();
        Fixtures fixtures = new Fixtures(context);
        UtilityView utility = fixtures.utility(currency);
        CustomerView customer = fixtures.customer(utility.id());
        TariffView tariff = fixtures.tariff(utility.id(), START, List.of(new TariffBlock(0, 1_643_500)),
                List.of(new TariffFee("SERVICE", "Monthly service charge", 2_000)));
        meter = fixtures.meter(utility.id(), fixtures.supplyGroup(utility.id(), 1).id(), tariff.id(), customer.id());
        agent = vendors.createAgent(new NewAgent("Agent " + Fixtures.next(), null, 100));
        vendor = vendors.create(new NewVendor(utility.id(), "Shop " + Fixtures.next(), null, agent.id(), VendorTerms.COMMISSION,
                0, 300, 0));
        floats.deposit(new VendorDeposit("dep-" + Fixtures.next(), vendor.id(), 100_000, "BANK", "slip 1"));
        debtId = debts.register(new NewDebt("d-" + Fixtures.next(), customer.id(), "Arrears 2030", 50_000, 2_000, 1_500L, "alice")).id();
    }

    private long balance(AccountType type) {
        return ledger.systemAccount(type, currency).creditBalanceMinor();
    }

    @Test
    void a_vend_is_reserved_then_committed_into_energy_tax_fee_and_debt_with_commissions() {
        VendId vend = new VendId(UUID.randomUUID());
        PriceBreakdown price = pricing.quoteAmount(meter.id(), 10_000, START);
        assertThat(price.unitsTenths()).isEqualTo(329); // PriceCalculatorTest's combined example, from the database

        money.reserve(vend, Payer.vendor(vendor.id()), Money.of(10_000, currency), 300);
        assertThat(vendors.vendor(vendor.id()).availableMinor()).isEqualTo(90_000);
        List<TransferView> committed = money.commit(vend, meter.id(), price, START);

        assertThat(balance(AccountType.ENERGY_REVENUE)).isEqualTo(5_392);
        assertThat(balance(AccountType.TAX_PAYABLE)).isEqualTo(1_108);
        assertThat(balance(AccountType.FIXED_FEE_REVENUE)).isEqualTo(2_000);
        assertThat(balance(AccountType.VEND_CLEARING)).isZero();
        assertThat(debts.debt(debtId).outstandingMinor()).isEqualTo(48_500);
        assertThat(debts.debt(debtId).collectedMinor()).isEqualTo(1_500);
        assertThat(ledger.findAccount(AccountType.COMMISSION_PAYABLE, currency, "vendor:" + vendor.id()).orElseThrow()
                .creditBalanceMinor()).isEqualTo(300);
        assertThat(ledger.findAccount(AccountType.COMMISSION_PAYABLE, currency, "agent:" + agent.id()).orElseThrow()
                .creditBalanceMinor()).isEqualTo(100);
        assertThat(vendors.vendor(vendor.id()).balanceMinor()).isEqualTo(90_000);
        assertThat(money.transfersOf(vend)).hasSize(1 + committed.size());

        PriceBreakdown next = pricing.quoteAmount(meter.id(), 10_000, START.plusSeconds(60));
        assertThat(next.lines(LineKind.FIXED_FEE)).as("the monthly fee is charged once").isEmpty();
        assertThat(next.monthToDateTenthsBefore()).isEqualTo(329);
    }

    @Test
    void committing_a_vend_again_returns_the_stored_transfers_and_moves_nothing() {
        VendId vend = new VendId(UUID.randomUUID());
        PriceBreakdown price = pricing.quoteAmount(meter.id(), 10_000, START);
        money.reserve(vend, Payer.vendor(vendor.id()), Money.of(10_000, currency), 300);
        List<TransferView> first = money.commit(vend, meter.id(), price, START);
        List<TransferView> again = money.commit(vend, meter.id(), price, START);
        assertThat(again).isEqualTo(first);
        assertThat(balance(AccountType.ENERGY_REVENUE)).isEqualTo(5_392);
        assertThat(pricing.monthToDateTenths(meter.id(), "2031-03")).isEqualTo(329);
    }

    @Test
    void a_breakdown_for_another_amount_than_reserved_is_refused() {
        VendId vend = new VendId(UUID.randomUUID());
        money.reserve(vend, Payer.vendor(vendor.id()), Money.of(9_000, currency), 300);
        PriceBreakdown price = pricing.quoteAmount(meter.id(), 10_000, START);
        assertThatThrownBy(() -> money.commit(vend, meter.id(), price, START))
                .hasMessage("the breakdown is for 10000 " + currency + " but 9000 " + currency + " was reserved");
    }

    @Test
    void release_voids_a_reservation_once_and_answers_every_retry() {
        VendId vend = new VendId(UUID.randomUUID());
        money.reserve(vend, Payer.channel("MPESA"), Money.of(5_000, currency), 300);
        assertThat(money.release(vend)).isEqualTo(ReleaseOutcome.VOIDED);
        assertThat(money.release(vend)).isEqualTo(ReleaseOutcome.ALREADY_VOIDED);
        assertThat(money.release(new VendId(UUID.randomUUID()))).isEqualTo(ReleaseOutcome.NOTHING_RESERVED);
        assertThat(ledger.findAccount(AccountType.CHANNEL_CLEARING, currency, "channel:MPESA").orElseThrow().debitsPendingMinor()).isZero();
    }

    @Test
    void a_committed_vend_cannot_be_released() {
        VendId vend = new VendId(UUID.randomUUID());
        PriceBreakdown price = pricing.quoteAmount(meter.id(), 10_000, START);
        money.reserve(vend, Payer.vendor(vendor.id()), Money.of(10_000, currency), 300);
        money.commit(vend, meter.id(), price, START);
        assertThatThrownBy(() -> money.release(vend)).isInstanceOf(ConflictException.class)
                .hasMessage("vend " + vend + " is already posted: its token exists and cannot be compensated");
    }

    @Test
    void a_commit_racing_a_release_resolves_the_vend_exactly_once() throws Exception {
        for (int round = 0; round < 5; round++) {
            VendId vend = new VendId(UUID.randomUUID());
            PriceBreakdown price = pricing.quoteAmount(meter.id(), 10_000, START);
            money.reserve(vend, Payer.vendor(vendor.id()), Money.of(10_000, currency), 300);
            List<Callable<Object>> racers = List.of(() -> money.commit(vend, meter.id(), price, START), () -> money.release(vend),
                    () -> money.release(vend));

            List<Outcome<Object>> outcomes = Concurrently.run(racers);

            boolean committed = outcomes.get(0).succeeded();
            if (committed) {
                assertThat(outcomes.subList(1, 3)).allSatisfy(o -> assertThat(o.error()).isInstanceOf(ConflictException.class));
            } else {
                assertThat(outcomes.get(0).error()).isInstanceOf(ConflictException.class);
                assertThat(outcomes.subList(1, 3)).extracting(Outcome::value)
                        .containsExactlyInAnyOrder(ReleaseOutcome.VOIDED, ReleaseOutcome.ALREADY_VOIDED);
            }
            assertThat(ledger.pendingStatus("vend:" + vend + ":reserve")).isIn(committed
                    ? org.vendinghub.ledger.PendingStatus.POSTED : org.vendinghub.ledger.PendingStatus.VOIDED);
        }
        assertThat(vendors.vendor(vendor.id()).reservedMinor()).isZero();
    }

    @Test
    void an_abandoned_reservation_is_expired_by_the_sweeper_and_gives_the_float_back() {
        VendId vend = new VendId(UUID.randomUUID());
        money.reserve(vend, Payer.vendor(vendor.id()), Money.of(10_000, currency), 60);
        clock.advance(Duration.ofSeconds(61));
        assertThat(ledger.expirePendingTransfers(clock.instant())).contains("vend:" + vend + ":reserve");
        assertThat(money.release(vend)).isEqualTo(ReleaseOutcome.ALREADY_EXPIRED);
        assertThat(vendors.vendor(vendor.id()).availableMinor()).isEqualTo(100_000);
    }

    @Test
    void a_vendor_float_never_goes_below_its_credit_limit_under_50_concurrent_vends() throws Exception {
        Fixtures fixtures = new Fixtures(context);
        long utilityId = vendors.vendor(vendor.id()).utilityId();
        TariffView plain = fixtures.tariff(utilityId, START, List.of(new TariffBlock(0, 1_643_500)), List.of());
        MeterView plainMeter = fixtures.meter(utilityId, meter.supplyGroupId(), plain.id(), null);
        VendorView kiosk = vendors.create(new NewVendor(utilityId, "Kiosk " + Fixtures.next(), null, null,
                VendorTerms.COMMISSION, 0, 0, 2_000));
        floats.deposit(new VendorDeposit("dep-" + Fixtures.next(), kiosk.id(), 5_000, "CASH", null));
        PriceBreakdown price = pricing.quoteAmount(plainMeter.id(), 300, START); // 5000 + 2000 credit = 23 vends of 300
        List<Callable<List<TransferView>>> vends = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            vends.add(() -> {
                VendId vend = new VendId(UUID.randomUUID());
                money.reserve(vend, Payer.vendor(kiosk.id()), Money.of(300, currency), 300);
                return money.commit(vend, plainMeter.id(), price, START);
            });
        }
        List<Outcome<List<TransferView>>> outcomes = Concurrently.run(vends);

        assertThat(outcomes).filteredOn(o -> !o.succeeded()).extracting(Outcome::error)
                .allSatisfy(e -> assertThat(e).isInstanceOf(InsufficientFundsException.class));
        assertThat(outcomes).filteredOn(Outcome::succeeded).hasSize(23);
        VendorView after = vendors.vendor(kiosk.id());
        assertThat(after.balanceMinor()).isEqualTo(5_000 - 23 * 300);
        assertThat(after.reservedMinor()).isZero();
        assertThat(after.availableMinor()).isEqualTo(100);
        assertThat(pricing.monthToDateTenths(plainMeter.id(), "2031-03")).isEqualTo(23 * price.unitsTenths());
    }
}
