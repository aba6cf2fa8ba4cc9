package org.vendinghub.ledger.pricing;

import org.vendinghub.domain.ValidationException;
import org.vendinghub.ledger.tariff.TariffBlock;
import org.vendinghub.ledger.tariff.TariffFee;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Pure pricing: a tendered amount into fees, debt recovery, tax and energy (and units), or units wanted into the
 * amount due. No database, no clock. All arithmetic is exact on longs; each rounding is named where it happens
 * and listed in ledger/README.md.
 *
 * <p>Order: the fixed fees due come first (a purchase that cannot pay them and 0.1 unit is refused); debt recovery
 * takes its percentage of the tendered amount but never so much that the rest could not pay the fees and 0.1 unit;
 * what remains is VAT-inclusive and pays the fees and the energy, whose VAT is shown on one tax line.
 */
public final class PriceCalculator {

    /**
     * The least energy a purchase must buy: 1 unit (10 tenths). Units are rounded UP to the tenth, so a purchase
     * gets less than 0.1 unit it did not pay for; with at least 1 unit paid that gift stays below 10 % even at the
     * minimum, and repeated tiny purchases cannot turn the rounding into free energy.
     */
    public static final long MIN_PURCHASE_TENTHS = 10;
    /** Largest amount priced in one vend: keeps every product below 2^63. */
    public static final long AMOUNT_MAX_MINOR = 1_000_000_000_000L;
    /** 10^5: n tenths at a rate of r (minor × 10^4 per unit) cost n × r minor × 10^-5. */
    private static final long E5 = 100_000L;
    private static final long BP = 10_000L;

    private PriceCalculator() {
    }

    /** Prices a tendered, VAT-inclusive amount. */
    public static PriceBreakdown forAmount(PriceInput in, long tenderedMinor) {
        ValidationException.require(tenderedMinor > 0, "amountMinor", "amount must be positive");
        ValidationException.require(tenderedMinor <= AMOUNT_MAX_MINOR, "amountMinor", "amount must be at most " + AMOUNT_MAX_MINOR);
        long fees = feesOf(in);
        long minimum = minimumTendered(in, fees);
        if (tenderedMinor < minimum) {
            throw new PurchaseRefusedException(fees > 0
                    ? "amount " + tenderedMinor + " is too small: it must pay the fixed fees due (" + fees
                    + " before tax) and buy at least 1 unit; the smallest purchase now is " + minimum
                    : "amount " + tenderedMinor + " is too small to buy 1 unit; the smallest purchase now is " + minimum,
                    minimum);
        }
        return price(in, tenderedMinor, fees, minimum);
    }

    /**
     * The price of {@code unitsTenths} at the tariff: the least amount whose energy money pays those units at their
     * block rates (the exact cost rounded DOWN to the minor unit, customer's favour) after fees, debt and VAT. So a
     * customer asking for units pays what the tariff says they cost, as a receipt shows, and gets exactly them. (The
     * least amount that merely buys them would be up to 0.1 unit cheaper, through the round-up of a part of a tenth:
     * a discount on every purchase by units that a utility's finance would not recognise.)
     */
    public static PriceBreakdown forUnits(PriceInput in, long unitsTenths) {
        ValidationException.require(unitsTenths > 0, "unitsTenths", "units must be positive");
        long fees = feesOf(in);
        long minimum = minimumTendered(in, fees);
        long costMinor = Math.max(1, costE5(in.tariff().blocks(), in.monthToDateTenths(), unitsTenths) / E5);
        java.util.function.LongPredicate pays = t -> {
            PriceBreakdown p = price(in, t, fees, minimum);
            return p.energyMinor() >= costMinor && p.unitsTenths() >= unitsTenths;
        };
        if (pays.test(minimum)) {
            return forAmount(in, minimum);
        }
        long low = minimum; // invariant: low does not pay, high does (energy and units never shrink as the amount grows)
        long high = minimum;
        while (!pays.test(high)) {
            low = high;
            high = Math.multiplyExact(high, 2);
            ValidationException.require(high <= 2 * AMOUNT_MAX_MINOR, "unitsTenths", "units cost more than one vend may take");
        }
        while (high - low > 1) {
            long mid = low + (high - low) / 2;
            if (pays.test(mid)) {
                high = mid;
            } else {
                low = mid;
            }
        }
        return forAmount(in, high);
    }

    private static PriceBreakdown price(PriceInput in, long tendered, long fees, long minimum) {
        List<BreakdownLine> lines = new ArrayList<>();
        for (TariffFee fee : in.feesDue()) {
            lines.add(new BreakdownLine(LineKind.FIXED_FEE, fee.name(), fee.code(), fee.amountMinor(), 0, 0));
        }
        long debt = debtLines(in, tendered, tendered - minimum, lines);
        int bp = in.tariff().taxRateBp();
        long taxable = tendered - debt;
        long tax = taxIncludedIn(taxable, bp);
        lines.add(new BreakdownLine(LineKind.TAX, "VAT " + BigDecimal.valueOf(bp, 2).stripTrailingZeros().toPlainString() + "%",
                null, tax, 0, bp));
        long energy = taxable - tax - fees;
        long units = energyLines(in, energy, lines);
        return new PriceBreakdown(in.tariff().id(), in.tariff().currency(), tendered, units, fees, debt, tax, energy, bp,
                in.monthToDateTenths(), lines);
    }

    private static long feesOf(PriceInput in) {
        return in.feesDue().stream().mapToLong(TariffFee::amountMinor).sum();
    }

    /**
     * VAT contained in a VAT-inclusive amount: amount × rate / (1 + rate), rounded DOWN to the minor unit. Customer's
     * favour: the cent not taken as tax buys energy. At most one minor unit per vend.
     */
    static long taxIncludedIn(long inclusiveMinor, int taxRateBp) {
        return Math.multiplyExact(inclusiveMinor, taxRateBp) / (BP + taxRateBp);
    }

    /** The smallest tendered amount that pays the fees due, the tax and {@link #MIN_PURCHASE_TENTHS} of energy. */
    static long minimumTendered(PriceInput in, long fees) {
        long minimumEnergy = ceilDiv(costE5(in.tariff().blocks(), in.monthToDateTenths(), MIN_PURCHASE_TENTHS), E5);
        long needExclusive = fees + minimumEnergy;
        int bp = in.tariff().taxRateBp();
        long r = ceilDiv(Math.multiplyExact(needExclusive, BP + bp), BP);
        while (r > 1 && r - 1 - taxIncludedIn(r - 1, bp) >= needExclusive) {
            r--;
        }
        while (r - taxIncludedIn(r, bp) < needExclusive) {
            r++;
        }
        return r;
    }

    /**
     * Each debt takes recoveryBp of the tendered amount, rounded DOWN (customer's favour: the rest buys energy), capped
     * per purchase, by what is still owed, and by the allowance that keeps the purchase able to pay fees and 0.1 unit.
     */
    private static long debtLines(PriceInput in, long tendered, long allowance, List<BreakdownLine> lines) {
        long total = 0;
        for (DebtShare d : in.debts()) {
            long share = Math.multiplyExact(tendered, d.recoveryBp()) / BP;
            if (d.capPerPurchaseMinor() != null) {
                share = Math.min(share, d.capPerPurchaseMinor());
            }
            share = Math.min(Math.min(share, d.outstandingMinor()), allowance - total);
            if (share > 0) {
                lines.add(new BreakdownLine(LineKind.DEBT_RECOVERY, d.label(), Long.toString(d.debtId()), share, 0, 0));
                total += share;
            }
        }
        return total;
    }

    /**
     * Walks the blocks from the month-to-date units. Whole blocks are bought at their rate; in the block where the
     * money ends, a part of a tenth left over is rounded UP to a whole tenth (customer's favour, as STS rounds token
     * amounts up). The minimum purchase ({@link #MIN_PURCHASE_TENTHS}) keeps that gift below 10 % of any vend. Line amounts: each full block its cost rounded down, the last block the rest, so that
     * the lines add up to the energy money exactly.
     */
    private static long energyLines(PriceInput in, long energyMinor, List<BreakdownLine> lines) {
        List<TariffBlock> blocks = in.tariff().blocks();
        long remainingE5 = Math.multiplyExact(energyMinor, E5);
        long position = in.monthToDateTenths();
        int i = blockIndexAt(blocks, position);
        long units = 0;
        long allocatedMinor = 0;
        List<BreakdownLine> energy = new ArrayList<>();
        while (remainingE5 > 0) {
            long rate = blocks.get(i).ratePerUnitMinorE4();
            boolean last = i == blocks.size() - 1;
            long capacity = last ? Long.MAX_VALUE : blocks.get(i + 1).fromUnitsTenths() - position;
            long tenths;
            long costMinor;
            if (!last && remainingE5 / rate >= capacity) {
                tenths = capacity;
                costMinor = capacity * rate / E5;
                remainingE5 -= capacity * rate;
            } else {
                tenths = remainingE5 / rate + (remainingE5 % rate == 0 ? 0 : 1);
                costMinor = energyMinor - allocatedMinor;
                remainingE5 = 0;
            }
            energy.add(new BreakdownLine(LineKind.ENERGY, "Energy block " + (i + 1), Integer.toString(i + 1), costMinor, tenths, rate));
            allocatedMinor += costMinor;
            units += tenths;
            position += tenths;
            i++;
        }
        fixLastLine(energy, energyMinor - allocatedMinor);
        lines.addAll(energy);
        return units;
    }

    /** When the money ends exactly on a block edge, the rounding rest of the full blocks goes to the last line. */
    private static void fixLastLine(List<BreakdownLine> energy, long restMinor) {
        if (restMinor == 0 || energy.isEmpty()) {
            return;
        }
        BreakdownLine last = energy.remove(energy.size() - 1);
        energy.add(new BreakdownLine(last.kind(), last.label(), last.reference(), last.amountMinor() + restMinor,
                last.unitsTenths(), last.ratePerUnitMinorE4()));
    }

    private static int blockIndexAt(List<TariffBlock> blocks, long unitsTenths) {
        int index = 0;
        while (index + 1 < blocks.size() && blocks.get(index + 1).fromUnitsTenths() <= unitsTenths) {
            index++;
        }
        return index;
    }

    /** What {@code tenths} cost from {@code fromTenths} on, across blocks, in minor units × 10^-5 (exact). */
    private static long costE5(List<TariffBlock> blocks, long fromTenths, long tenths) {
        long cost = 0;
        for (long t = fromTenths; t < fromTenths + tenths; t++) {
            cost += blocks.get(blockIndexAt(blocks, t)).ratePerUnitMinorE4();
        }
        return cost;
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
