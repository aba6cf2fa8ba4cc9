package org.vendinghub.ledger.pricing;

import org.junit.jupiter.api.Test;
import org.vendinghub.domain.ValidationException;
import org.vendinghub.ledger.tariff.TariffBlock;
import org.vendinghub.ledger.tariff.TariffFee;
import org.vendinghub.ledger.tariff.TariffVersionView;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Hand-computed examples. Money in cents, VAT 15 % inclusive in the tendered amount, rates VAT-exclusive.
 * tax(x) = floor(x × 1500 / 11500); units: energy × 10^5 / rateE4 tenths, a part of a tenth rounded up.
 */
class PriceCalculatorTest {

    /** 164.35 cents a kWh. */
    static final long SINGLE_RATE = 1_643_500;
    static final List<TariffBlock> SINGLE = List.of(new TariffBlock(0, SINGLE_RATE));
    /** 0-50 kWh at 1.00, 50-350 kWh at 1.50, above 350 kWh at 2.00 a kWh. */
    static final List<TariffBlock> STEPS = List.of(new TariffBlock(0, 1_000_000), new TariffBlock(500, 1_500_000),
            new TariffBlock(3_500, 2_000_000));
    static final TariffFee SERVICE = new TariffFee("SERVICE", "Monthly service charge", 2_000);

    static PriceInput input(List<TariffBlock> blocks, long monthToDateTenths, List<TariffFee> fees, List<DebtShare> debts) {
        TariffVersionView tariff = new TariffVersionView(7, 1, "ZMW", Instant.EPOCH, null, 1500, blocks, fees);
        return new PriceInput(tariff, monthToDateTenths, fees, debts);
    }

    @Test
    void single_rate_splits_vat_out_of_the_tendered_amount_and_rounds_units_up_to_the_tenth() {
        // tax = floor(10000 × 1500 / 11500) = floor(1304.35) = 1304; energy 8696 buys 86.96 / 1.6435 = 52.911 kWh -> 53.0
        PriceBreakdown price = PriceCalculator.forAmount(input(SINGLE, 0, List.of(), List.of()), 10_000);

        assertThat(price.taxMinor()).isEqualTo(1_304);
        assertThat(price.energyMinor()).isEqualTo(8_696);
        assertThat(price.unitsTenths()).isEqualTo(530);
        assertThat(price.lines()).extracting(BreakdownLine::kind, BreakdownLine::amountMinor, BreakdownLine::unitsTenths)
                .containsExactly(tuple(LineKind.TAX, 1_304L, 0L), tuple(LineKind.ENERGY, 8_696L, 530L));
        assertThat(price.lines().get(0).label()).isEqualTo("VAT 15%");
    }

    @Test
    void a_purchase_that_cannot_buy_one_unit_is_refused_with_the_minimum() {
        // 1 unit costs 164.35 -> 165 excl.; 189 - floor(189 × 1500 / 11500) = 189 - 24 = 165; 188 leaves 164
        PriceInput in = input(SINGLE, 0, List.of(), List.of());
        assertThatThrownBy(() -> PriceCalculator.forAmount(in, 188))
                .isInstanceOfSatisfying(PurchaseRefusedException.class, e -> assertThat(e.minimumMinor()).isEqualTo(189))
                .hasMessage("amount 188 is too small to buy 1 unit; the smallest purchase now is 189");
        PriceBreakdown minimum = PriceCalculator.forAmount(in, 189);
        assertThat(minimum.energyMinor()).isEqualTo(165);
        assertThat(minimum.unitsTenths()).isEqualTo(11); // 1.65 / 1.6435 = 1.0040 kWh -> 1.1
    }

    @Test
    void step_tariff_starts_in_the_block_of_the_month_to_date_units_and_spans_into_the_next() {
        // 45 kWh bought this month; energy 10000: 5 kWh left in block 1 cost 500, then 9500 / 1.50 = 63.33 kWh -> 63.4
        PriceBreakdown price = PriceCalculator.forAmount(input(STEPS, 450, List.of(), List.of()), 11_500);

        assertThat(price.taxMinor()).isEqualTo(1_500);
        assertThat(price.unitsTenths()).isEqualTo(684);
        assertThat(price.lines(LineKind.ENERGY))
                .extracting(BreakdownLine::reference, BreakdownLine::amountMinor, BreakdownLine::unitsTenths, BreakdownLine::ratePerUnitMinorE4)
                .containsExactly(tuple("1", 500L, 50L, 1_000_000L), tuple("2", 9_500L, 634L, 1_500_000L));
    }

    @Test
    void money_ending_exactly_on_a_block_edge_buys_the_rest_of_the_block_and_nothing_more() {
        // tendered 575: tax floor(575 × 1500 / 11500) = 75, energy 500 = exactly 5 kWh at 1.00
        PriceBreakdown edge = PriceCalculator.forAmount(input(STEPS, 450, List.of(), List.of()), 575);
        assertThat(edge.lines(LineKind.ENERGY)).extracting(BreakdownLine::amountMinor, BreakdownLine::unitsTenths)
                .containsExactly(tuple(500L, 50L));
        // the next purchase starts at 50.0 kWh, the first unit of block 2: 500 / 1.50 = 3.33 kWh -> 3.4
        PriceBreakdown next = PriceCalculator.forAmount(input(STEPS, 500, List.of(), List.of()), 575);
        assertThat(next.lines(LineKind.ENERGY)).extracting(BreakdownLine::reference, BreakdownLine::unitsTenths)
                .containsExactly(tuple("2", 34L));
    }

    @Test
    void a_large_purchase_crosses_every_block_and_the_lines_add_up_to_the_energy_money() {
        // energy 100000: 50 kWh × 1.00 = 5000, 300 kWh × 1.50 = 45000, 50000 / 2.00 = 250 kWh; 600.0 kWh in all
        PriceBreakdown price = PriceCalculator.forAmount(input(STEPS, 0, List.of(), List.of()), 115_000);
        assertThat(price.unitsTenths()).isEqualTo(6_000);
        assertThat(price.lines(LineKind.ENERGY)).extracting(BreakdownLine::amountMinor)
                .containsExactly(5_000L, 45_000L, 50_000L);
    }

    @Test
    void combined_tariff_charges_the_fee_recovers_capped_debt_and_shows_the_tax() {
        // debt: 20 % of 10000 = 2000, capped at 1500; taxable 8500: tax floor(1108.70) = 1108; excl. 7392 - fee 2000
        // = energy 5392; 53.92 / 1.6435 = 32.808 kWh -> 32.9
        DebtShare debt = new DebtShare(42, "Arrears 2025", 50_000, 2_000, 1_500L);
        PriceBreakdown price = PriceCalculator.forAmount(input(SINGLE, 0, List.of(SERVICE), List.of(debt)), 10_000);

        assertThat(price.lines()).extracting(BreakdownLine::kind, BreakdownLine::reference, BreakdownLine::amountMinor)
                .containsExactly(tuple(LineKind.FIXED_FEE, "SERVICE", 2_000L), tuple(LineKind.DEBT_RECOVERY, "42", 1_500L),
                        tuple(LineKind.TAX, null, 1_108L), tuple(LineKind.ENERGY, "1", 5_392L));
        assertThat(price.unitsTenths()).isEqualTo(329);
        assertThat(price.feesMinor() + price.debtMinor() + price.taxMinor() + price.energyMinor()).isEqualTo(10_000);
    }

    @Test
    void a_purchase_too_small_for_the_fixed_fee_is_refused_with_a_clear_message() {
        // need 2000 fee + 165 energy excl. = 2165; 2489 - floor(324.65) = 2165; 2488 - 324 = 2164
        PriceInput in = input(SINGLE, 0, List.of(SERVICE), List.of());
        assertThatThrownBy(() -> PriceCalculator.forAmount(in, 2_488))
                .isInstanceOf(PurchaseRefusedException.class)
                .hasMessage("amount 2488 is too small: it must pay the fixed fees due (2000 before tax) and buy at least 1 unit;"
                        + " the smallest purchase now is 2489");
    }

    @Test
    void debt_recovery_never_leaves_too_little_for_the_fee_and_one_unit() {
        // 50 % of 2600 = 1300, but only 2600 - 2489 = 111 may go to the debt
        DebtShare debt = new DebtShare(1, "Arrears", 50_000, 5_000, null);
        PriceBreakdown price = PriceCalculator.forAmount(input(SINGLE, 0, List.of(SERVICE), List.of(debt)), 2_600);
        assertThat(price.debtMinor()).isEqualTo(111);
        assertThat(price.energyMinor()).isEqualTo(165);
        assertThat(price.unitsTenths()).isEqualTo(11);
    }

    @Test
    void debt_recovery_stops_at_what_is_still_owed_and_rounds_its_share_down() {
        // 12.5 % of 999 = 124.875 -> 124 on the first debt; the second is owed only 30
        DebtShare first = new DebtShare(1, "A", 50_000, 1_250, null);
        DebtShare second = new DebtShare(2, "B", 30, 1_000, null);
        PriceBreakdown price = PriceCalculator.forAmount(input(SINGLE, 0, List.of(), List.of(first, second)), 999);
        assertThat(price.lines(LineKind.DEBT_RECOVERY)).extracting(BreakdownLine::amountMinor).containsExactly(124L, 30L);
    }

    @Test
    void units_cost_what_the_tariff_says_they_cost_rounded_down_to_the_cent() {
        // 53.0 kWh × 164.35 = 8710.55 -> energy 8710; 10016 - floor(10016 × 15/115 = 1306.43) = 8710, 10015 - 1306 = 8709
        PriceInput in = input(SINGLE, 0, List.of(), List.of());
        PriceBreakdown price = PriceCalculator.forUnits(in, 530);
        assertThat(price.tenderedMinor()).isEqualTo(10_016);
        assertThat(price.energyMinor()).isEqualTo(8_710);
        assertThat(price.unitsTenths()).isEqualTo(530);
        assertThat(PriceCalculator.forAmount(in, 9_999).unitsTenths())
                .as("a smaller amount would round up to the same units, but units asked for are sold at their price").isEqualTo(530);
    }

    @Test
    void reverse_pricing_agrees_with_forward_pricing_across_blocks_fees_and_debt() {
        DebtShare debt = new DebtShare(1, "Arrears", 1_000_000, 1_500, 3_000L);
        PriceInput in = input(STEPS, 430, List.of(SERVICE), List.of(debt));
        for (long units = 10; units <= 4_000; units += 37) {
            PriceBreakdown price = PriceCalculator.forUnits(in, units);
            assertThat(price.unitsTenths()).as("units bought for %d", units).isEqualTo(units);
            long cheaper = price.tenderedMinor() - 1;
            if (cheaper >= PriceCalculator.minimumTendered(in, SERVICE.amountMinor())) {
                assertThat(PriceCalculator.forAmount(in, cheaper).energyMinor()).as("one cent less for %d", units)
                        .isLessThan(price.energyMinor());
            }
        }
    }

    @Test
    void amounts_and_units_are_validated_with_exact_messages() {
        PriceInput in = input(SINGLE, 0, List.of(), List.of());
        assertThatThrownBy(() -> PriceCalculator.forAmount(in, 0)).isInstanceOf(ValidationException.class)
                .hasMessage("amount must be positive");
        assertThatThrownBy(() -> PriceCalculator.forAmount(in, PriceCalculator.AMOUNT_MAX_MINOR + 1))
                .hasMessage("amount must be at most 1000000000000");
        assertThatThrownBy(() -> PriceCalculator.forUnits(in, 0)).hasMessage("units must be positive");
    }
}
