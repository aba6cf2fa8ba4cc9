package org.vendinghub.ledger.sale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.vendinghub.domain.Money;
import org.vendinghub.domain.VendId;
import org.vendinghub.ledger.AccountType;
import org.vendinghub.ledger.ConflictException;
import org.vendinghub.ledger.InsufficientFundsException;
import org.vendinghub.ledger.LedgerIntegrationTest;
import org.vendinghub.ledger.LedgerService;
import org.vendinghub.ledger.ResultCode;
import org.vendinghub.ledger.TransferView;
import org.vendinghub.ledger.customer.CustomerView;
import org.vendinghub.ledger.debt.DebtService;
import org.vendinghub.ledger.debt.NewDebt;
import org.vendinghub.ledger.meter.MeterView;
import org.vendinghub.ledger.pricing.PriceBreakdown;
import org.vendinghub.ledger.pricing.PricingService;
import org.vendinghub.ledger.tariff.TariffBlock;
import org.vendinghub.ledger.tariff.TariffFee;
import org.vendinghub.ledger.tariff.TariffView;
import org.vendinghub.ledger.testsupport.Concurrently;
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
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Many vends' money in one transaction: the same books as one vend at a time, each vend standing or falling alone. */
class VendMoneyBatchTest extends LedgerIntegrationTest {

    static final Instant START = Instant.parse("2031-03-01T00:00:00Z");

    @Autowired
    ApplicationContext context;
    @Autowired
    VendMoneyBatch batch;
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
    @Autowired
    PlatformTransactionManager transactions;

    String currency;
    Fixtures fixtures;
    UtilityView utility;
    TariffView tariff;
    long supplyGroupId;
    VendorView vendor;

    @BeforeEach
    void world() {
        clock.set(START);
        currency = freshCurrency();
        fixtures = new Fixtures(context);
        utility = fixtures.utility(currency);
        tariff = fixtures.tariff(utility.id(), START, List.of(new TariffBlock(0, 1_643_500)),
                List.of(new TariffFee("SERVICE", "Monthly service charge", 2_000)));
        supplyGroupId = fixtures.supplyGroup(utility.id(), 1).id();
        AgentView agent = vendors.createAgent(new NewAgent("Agent " + Fixtures.next(), null, 100));
        vendor = vendors.create(new NewVendor(utility.id(), "Shop " + Fixtures.next(), null, agent.id(), VendorTerms.COMMISSION,
                0, 300, 0));
        floats.deposit(new VendorDeposit("dep-" + Fixtures.next(), vendor.id(), 100_000, "BANK", "slip 1"));
    }

    /** A meter whose customer owes a debt, so that a sale splits into energy, tax, fee and debt recovery. */
    private MeterView meterWithDebt() {
        CustomerView customer = fixtures.customer(utility.id());
        debts.register(new NewDebt("d-" + Fixtures.next(), customer.id(), "Arrears 2030", 50_000, 2_000, 1_500L, "alice"));
        return fixtures.meter(utility.id(), supplyGroupId, tariff.id(), customer.id());
    }

    private <T> T inBatchTransaction(Function<Void, T> work) {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        return tx.execute(s -> work.apply(null));
    }

    private List<VendMoneyBatch.Result> reserve(List<VendMoneyBatch.Reservation> reservations) {
        return inBatchTransaction(v -> batch.reserveAll(reservations));
    }

    private List<VendMoneyBatch.Result> commit(List<VendMoneyBatch.Sale> sales) {
        return inBatchTransaction(v -> batch.commitAll(sales));
    }

    /** A vend's transfers with the vend id taken out of their ids, so that two vends' books can be compared. */
    private List<String> shapeOf(VendId vend) {
        return money.transfersOf(vend).stream().map(t -> t.id().replace(vend.toString(), "*") + " " + t.kind() + " " + t.code() + " "
                + t.amountMinor() + " " + ledger.account(t.debitAccountId()).type() + ">" + ledger.account(t.creditAccountId()).type())
                .sorted().toList();
    }

    @Test
    void a_batch_books_each_vend_exactly_as_a_vend_booked_alone() {
        MeterView alone = meterWithDebt();
        MeterView batched = meterWithDebt();
        VendId one = new VendId(UUID.randomUUID());
        VendId two = new VendId(UUID.randomUUID());
        PriceBreakdown price = pricing.quoteAmount(alone.id(), 10_000, START);
        PriceBreakdown sameForTheOther = pricing.quoteAmount(batched.id(), 10_000, START); // another customer's debt, same amounts

        money.reserve(one, Payer.vendor(vendor.id()), Money.of(10_000, currency), 300);
        money.commit(one, alone.id(), price, START);
        assertThat(reserve(List.of(new VendMoneyBatch.Reservation(two, Payer.vendor(vendor.id()), Money.of(10_000, currency), 300))))
                .allSatisfy(r -> assertThat(r.ok()).isTrue());
        assertThat(commit(List.of(new VendMoneyBatch.Sale(two, batched.id(), sameForTheOther, START))))
                .allSatisfy(r -> assertThat(r.ok()).isTrue());

        assertThat(shapeOf(two)).hasSize(8).isEqualTo(shapeOf(one)); // reserve, post, energy, tax, fee, debt, 2 commissions
        assertThat(pricing.monthToDateTenths(batched.id(), "2031-03")).isEqualTo(price.unitsTenths());
        assertThat(pricing.quoteAmount(batched.id(), 10_000, START).feesMinor()).as("the fee was charged once").isZero();
    }

    @Test
    void a_vend_the_float_cannot_pay_is_refused_alone_and_the_others_are_reserved() {
        VendorView kiosk = vendors.create(new NewVendor(utility.id(), "Kiosk " + Fixtures.next(), null, null, VendorTerms.COMMISSION,
                0, 0, 0));
        floats.deposit(new VendorDeposit("dep-" + Fixtures.next(), kiosk.id(), 1_000, "CASH", null));
        List<VendMoneyBatch.Reservation> three = new ArrayList<>();
        for (long amount : new long[]{400, 700, 500}) {
            three.add(new VendMoneyBatch.Reservation(new VendId(UUID.randomUUID()), Payer.vendor(kiosk.id()), Money.of(amount, currency), 300));
        }

        List<VendMoneyBatch.Result> results = reserve(three);

        assertThat(results.get(0).ok()).isTrue();
        assertThat(results.get(1).refusal()).isInstanceOf(InsufficientFundsException.class)
                .hasMessageContaining("has 600 available, the transfer needs 700");
        assertThat(results.get(2).ok()).as("balance rules are checked in order, with the refused vend left out").isTrue();
        assertThat(vendors.vendor(kiosk.id()).availableMinor()).isEqualTo(100);
        assertThat(money.transfersOf(three.get(1).vendId())).isEmpty();
    }

    @Test
    void a_batch_sent_again_books_nothing_twice() {
        MeterView meter = meterWithDebt();
        VendId vend = new VendId(UUID.randomUUID());
        PriceBreakdown price = pricing.quoteAmount(meter.id(), 10_000, START);
        List<VendMoneyBatch.Reservation> reservation = List.of(new VendMoneyBatch.Reservation(vend, Payer.vendor(vendor.id()),
                Money.of(10_000, currency), 300));
        List<VendMoneyBatch.Sale> sale = List.of(new VendMoneyBatch.Sale(vend, meter.id(), price, START));

        reserve(reservation);
        reserve(reservation);
        commit(sale);
        List<VendMoneyBatch.Result> again = commit(sale);

        assertThat(again).allSatisfy(r -> assertThat(r.ok()).isTrue());
        assertThat(money.transfersOf(vend)).hasSize(8);
        assertThat(vendors.vendor(vendor.id()).balanceMinor()).isEqualTo(90_000);
        assertThat(pricing.monthToDateTenths(meter.id(), "2031-03")).isEqualTo(price.unitsTenths());
    }

    @Test
    void a_vend_whose_reservation_expired_cannot_be_committed_and_the_others_are() {
        MeterView meter = meterWithDebt();
        MeterView other = meterWithDebt();
        VendId late = new VendId(UUID.randomUUID());
        VendId onTime = new VendId(UUID.randomUUID());
        PriceBreakdown price = pricing.quoteAmount(meter.id(), 10_000, START);
        reserve(List.of(new VendMoneyBatch.Reservation(late, Payer.vendor(vendor.id()), Money.of(10_000, currency), 60)));
        clock.advance(Duration.ofSeconds(61));
        reserve(List.of(new VendMoneyBatch.Reservation(onTime, Payer.vendor(vendor.id()), Money.of(10_000, currency), 60)));

        List<VendMoneyBatch.Result> results = commit(List.of(new VendMoneyBatch.Sale(late, meter.id(), price, clock.instant()),
                new VendMoneyBatch.Sale(onTime, other.id(), price, clock.instant())));

        assertThat(results.get(0).refusal()).isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(((ConflictException) e).code()).isEqualTo(ResultCode.PENDING_TRANSFER_EXPIRED));
        assertThat(results.get(1).ok()).isTrue();
        assertThat(ledger.expirePendingTransfers(clock.instant())).contains("vend:" + late + ":reserve")
                .doesNotContain("vend:" + onTime + ":reserve");
        assertThat(vendors.vendor(vendor.id()).availableMinor()).isEqualTo(90_000);
    }

    @Test
    void a_vend_released_before_its_batch_commits_is_refused_as_voided() {
        MeterView meter = meterWithDebt();
        VendId vend = new VendId(UUID.randomUUID());
        reserve(List.of(new VendMoneyBatch.Reservation(vend, Payer.vendor(vendor.id()), Money.of(10_000, currency), 300)));
        assertThat(money.release(vend)).isEqualTo(ReleaseOutcome.VOIDED);

        List<VendMoneyBatch.Result> results = commit(List.of(new VendMoneyBatch.Sale(vend, meter.id(),
                pricing.quoteAmount(meter.id(), 10_000, START), START)));

        assertThat(((ConflictException) results.get(0).refusal()).code()).isEqualTo(ResultCode.PENDING_TRANSFER_ALREADY_VOIDED);
        assertThat(money.transfersOf(vend)).extracting(TransferView::id).containsExactlyInAnyOrder("vend:" + vend + ":reserve",
                "vend:" + vend + ":void");
    }

    @Test
    void batches_from_eight_threads_never_take_a_float_below_zero() throws Exception {
        VendorView kiosk = vendors.create(new NewVendor(utility.id(), "Kiosk " + Fixtures.next(), null, null, VendorTerms.COMMISSION,
                0, 0, 0));
        floats.deposit(new VendorDeposit("dep-" + Fixtures.next(), kiosk.id(), 10_000, "CASH", null));
        List<Callable<Long>> batches = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            batches.add(() -> {
                List<VendMoneyBatch.Reservation> ten = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    ten.add(new VendMoneyBatch.Reservation(new VendId(UUID.randomUUID()), Payer.vendor(kiosk.id()), Money.of(300, currency), 300));
                }
                return reserve(ten).stream().filter(VendMoneyBatch.Result::ok).count();
            });
        }

        long reserved = Concurrently.run(batches).stream().mapToLong(o -> o.value()).sum();

        assertThat(reserved).as("10000 pays 33 reservations of 300").isEqualTo(33);
        assertThat(vendors.vendor(kiosk.id()).availableMinor()).isEqualTo(100);
        assertThat(ledger.findAccount(AccountType.VENDOR_FLOAT, currency, "vendor:" + kiosk.id()).orElseThrow().debitsPendingMinor())
                .isEqualTo(33 * 300);
    }
}
