package org.vendinghub.ledger.pricing;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.vendinghub.ledger.ConflictException;
import org.vendinghub.ledger.LedgerIntegrationTest;
import org.vendinghub.ledger.NotFoundException;
import org.vendinghub.ledger.ResultCode;
import org.vendinghub.ledger.meter.MeterService;
import org.vendinghub.ledger.meter.MeterView;
import org.vendinghub.ledger.tariff.NewTariffVersion;
import org.vendinghub.ledger.tariff.TariffBlock;
import org.vendinghub.ledger.tariff.TariffFee;
import org.vendinghub.ledger.tariff.TariffService;
import org.vendinghub.ledger.tariff.TariffView;
import org.vendinghub.ledger.testsupport.Fixtures;
import org.vendinghub.ledger.utility.UtilityView;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PricingServiceTest extends LedgerIntegrationTest {

    static final Instant MARCH = Instant.parse("2031-03-01T00:00:00Z");
    static final Instant APRIL = Instant.parse("2031-04-01T00:00:00Z");
    static final TariffFee SERVICE = new TariffFee("SERVICE", "Monthly service charge", 2_000);

    @Autowired
    ApplicationContext context;
    @Autowired
    PricingService pricing;
    @Autowired
    TariffService tariffs;
    @Autowired
    MeterService meters;
    @Autowired
    PlatformTransactionManager transactions;

    Fixtures fixtures;
    UtilityView utility;
    long supplyGroupId;

    @BeforeEach
    void utility() {
        clock.set(MARCH);
        fixtures = new Fixtures(context);
        utility = fixtures.utility(freshCurrency());
        supplyGroupId = fixtures.supplyGroup(utility.id(), 1).id();
    }

    private void record(long meterId, PriceBreakdown price, Instant at) {
        new TransactionTemplate(transactions).executeWithoutResult(s -> pricing.recordSale(meterId, price, at, "vend-x"));
    }

    @Test
    void the_units_bought_this_month_decide_the_block_and_a_new_month_starts_at_the_first_block() {
        TariffView steps = fixtures.tariff(utility.id(), MARCH, PriceCalculatorTest.STEPS, List.of());
        MeterView meter = fixtures.meter(utility.id(), supplyGroupId, steps.id(), null);
        PriceBreakdown first = pricing.quoteAmount(meter.id(), 5_175, MARCH.plusSeconds(60)); // energy 4500 = 45 kWh in block 1
        assertThat(first.unitsTenths()).isEqualTo(450);
        record(meter.id(), first, MARCH.plusSeconds(60));

        PriceBreakdown second = pricing.quoteAmount(meter.id(), 11_500, MARCH.plusSeconds(120));

        assertThat(second.monthToDateTenthsBefore()).isEqualTo(450);
        assertThat(second.unitsTenths()).isEqualTo(684); // PriceCalculatorTest: 5 kWh in block 1, 63.4 kWh in block 2
        assertThat(pricing.quoteAmount(meter.id(), 11_500, APRIL).lines(LineKind.ENERGY)).hasSize(2)
                .first().satisfies(l -> assertThat(l.unitsTenths()).isEqualTo(500));
    }

    @Test
    void a_fixed_fee_is_charged_with_the_first_vend_of_each_month_only() {
        TariffView withFee = fixtures.tariff(utility.id(), MARCH, PriceCalculatorTest.SINGLE, List.of(SERVICE));
        MeterView meter = fixtures.meter(utility.id(), supplyGroupId, withFee.id(), null);
        PriceBreakdown first = pricing.quoteAmount(meter.id(), 10_000, MARCH.plusSeconds(60));
        assertThat(first.feesMinor()).isEqualTo(2_000);
        record(meter.id(), first, MARCH.plusSeconds(60));

        assertThat(pricing.quoteAmount(meter.id(), 10_000, MARCH.plusSeconds(120)).feesMinor()).isZero();
        assertThat(pricing.quoteAmount(meter.id(), 10_000, APRIL).feesMinor()).isEqualTo(2_000);
        assertThatThrownBy(() -> record(meter.id(), first, MARCH.plusSeconds(180)))
                .as("a second charge of the same fee in one month breaks the unique key")
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void the_price_valid_at_vend_time_is_used() {
        TariffView tariff = fixtures.tariff(utility.id(), MARCH, PriceCalculatorTest.SINGLE, List.of());
        Instant mid = MARCH.plusSeconds(10 * 86_400);
        tariffs.addVersion(tariff.id(), new NewTariffVersion(mid, null, 1_600, List.of(new TariffBlock(0, 2_000_000)), List.of()));
        MeterView meter = fixtures.meter(utility.id(), supplyGroupId, tariff.id(), null);

        assertThat(pricing.quoteAmount(meter.id(), 10_000, mid.minusMillis(1)).lines(LineKind.ENERGY).get(0).ratePerUnitMinorE4())
                .isEqualTo(PriceCalculatorTest.SINGLE_RATE);
        PriceBreakdown later = pricing.quoteAmount(meter.id(), 10_000, mid);
        assertThat(later.lines(LineKind.ENERGY).get(0).ratePerUnitMinorE4()).isEqualTo(2_000_000);
        assertThat(later.taxRateBp()).isEqualTo(1_600);
        assertThat(later.lines(LineKind.TAX).get(0).label()).isEqualTo("VAT 16%");
        assertThatThrownBy(() -> pricing.quoteAmount(meter.id(), 10_000, MARCH.minusSeconds(1)))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).isEqualTo(ResultCode.NO_TARIFF_VALID));
    }

    @Test
    void reverse_pricing_uses_the_meter_tariff_and_fees() {
        TariffView tariff = fixtures.tariff(utility.id(), MARCH, PriceCalculatorTest.SINGLE, List.of(SERVICE));
        MeterView meter = fixtures.meter(utility.id(), supplyGroupId, tariff.id(), null);
        PriceBreakdown price = pricing.quoteUnits(meter.id(), 530, MARCH);
        assertThat(price.unitsTenths()).isEqualTo(530);
        assertThat(price.feesMinor()).isEqualTo(2_000);
        // energy 53.0 × 164.35 = 8710.55 -> 8710, + fee 2000 = 10710 excl.; 12316 - floor(1606.43) = 10710; 12315 - 1606 = 10709
        assertThat(price.tenderedMinor()).isEqualTo(12_316);
    }

    @Test
    void a_blocked_meter_or_one_without_a_tariff_cannot_be_priced() {
        MeterView noTariff = fixtures.meter(utility.id(), supplyGroupId, null, null);
        assertThatThrownBy(() -> pricing.quoteAmount(noTariff.id(), 1_000, MARCH)).isInstanceOf(ConflictException.class)
                .hasMessage("meter " + noTariff.meterNumber() + " has no tariff");
        TariffView tariff = fixtures.tariff(utility.id(), MARCH, PriceCalculatorTest.SINGLE, List.of());
        meters.assignTariff(noTariff.id(), tariff.id());
        meters.block(noTariff.id(), "tampering");
        assertThatThrownBy(() -> pricing.quoteAmount(noTariff.id(), 1_000, MARCH))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo(ResultCode.METER_BLOCKED))
                .hasMessage("meter " + noTariff.meterNumber() + " is blocked: tampering");
    }

    @Test
    void tariff_versions_are_validated_with_exact_messages() {
        TariffView tariff = fixtures.tariff(utility.id(), MARCH, PriceCalculatorTest.SINGLE, List.of());
        Instant later = MARCH.plusSeconds(3_600);
        assertThatThrownBy(() -> tariffs.addVersion(tariff.id(), new NewTariffVersion(MARCH.minusSeconds(1), null, null,
                PriceCalculatorTest.SINGLE, List.of()))).hasMessage("a new version of a tariff in use cannot start in the past");
        assertThatThrownBy(() -> tariffs.addVersion(tariff.id(), new NewTariffVersion(later, null, null,
                List.of(new TariffBlock(10, 1)), List.of()))).hasMessage("the first block must start at 0 units");
        assertThatThrownBy(() -> tariffs.addVersion(tariff.id(), new NewTariffVersion(later, null, null,
                List.of(new TariffBlock(0, 1), new TariffBlock(0, 2)), List.of()))).hasMessage("blocks must start at strictly increasing units");
        assertThatThrownBy(() -> tariffs.addVersion(tariff.id(), new NewTariffVersion(later, null, null,
                PriceCalculatorTest.SINGLE, List.of(SERVICE, SERVICE)))).hasMessage("fee codes must differ");
        assertThatThrownBy(() -> tariffs.addVersion(tariff.id(), new NewTariffVersion(later, later, null,
                PriceCalculatorTest.SINGLE, List.of()))).hasMessage("valid to must be after valid from");
    }

    @Test
    void inputs_loaded_for_many_meters_at_once_price_exactly_as_each_meter_alone() {
        TariffView steps = fixtures.tariff(utility.id(), MARCH, PriceCalculatorTest.STEPS, List.of(SERVICE));
        TariffView single = fixtures.tariff(utility.id(), MARCH, PriceCalculatorTest.SINGLE, List.of());
        Instant mid = MARCH.plusSeconds(86_400);
        tariffs.addVersion(single.id(), new NewTariffVersion(mid, null, 1_600, List.of(new TariffBlock(0, 2_000_000)), List.of()));
        MeterView used = fixtures.meter(utility.id(), supplyGroupId, steps.id(), null);
        MeterView fresh = fixtures.meter(utility.id(), supplyGroupId, steps.id(), null);
        MeterView other = fixtures.meter(utility.id(), supplyGroupId, single.id(), null);
        record(used.id(), pricing.quoteAmount(used.id(), 10_000, MARCH.plusSeconds(60)), MARCH.plusSeconds(60));
        Instant at = mid.plusSeconds(60);

        PriceInputs inputs = pricing.inputsFor(List.of(meters.meter(used.id()), meters.meter(fresh.id()), meters.meter(other.id())), at);

        for (MeterView m : List.of(used, fresh, other)) {
            assertThat(inputs.of(meters.meter(m.id()))).as("meter %s", m.meterNumber()).isEqualTo(pricing.inputFor(m.id(), at));
        }
        assertThat(inputs.of(meters.meter(used.id())).feesDue()).as("the month's fee was charged").isEmpty();
        assertThat(inputs.of(meters.meter(other.id())).tariff().blocks().get(0).ratePerUnitMinorE4()).isEqualTo(2_000_000);
        assertThatThrownBy(() -> pricing.inputsFor(List.of(meters.meter(fresh.id())), MARCH.minusSeconds(1)).of(meters.meter(fresh.id())))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).isEqualTo(ResultCode.NO_TARIFF_VALID));
    }

    @Test
    void a_tariff_header_can_be_renamed_and_recoded_but_not_to_another_tariffs_code() {
        TariffView tariff = fixtures.tariff(utility.id(), MARCH, PriceCalculatorTest.SINGLE, List.of());
        TariffView other = fixtures.tariff(utility.id(), MARCH, PriceCalculatorTest.SINGLE, List.of());
        TariffView renamed = tariffs.updateHeader(tariff.id(), "DOM-1", "Domestic");
        assertThat(renamed).isEqualTo(new TariffView(tariff.id(), utility.id(), "DOM-1", "Domestic", tariff.currency()));
        assertThat(tariffs.tariff(tariff.id()).name()).isEqualTo("Domestic");
        assertThat(tariffs.versions(tariff.id())).hasSize(1);
        assertThat(tariffs.updateHeader(tariff.id(), "DOM-1", "Domestic again").code()).isEqualTo("DOM-1");
        assertThatThrownBy(() -> tariffs.updateHeader(other.id(), "DOM-1", "Clash"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo(ResultCode.ALREADY_EXISTS));
        assertThatThrownBy(() -> tariffs.updateHeader(other.id(), " ", "No code")).hasMessageContaining("tariff code");
    }
}
