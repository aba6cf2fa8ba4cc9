package org.vendinghub.pos;

/**
 * The batch totals of one shift: what was sold (every vend that issued a credit token, reversed or not), what was
 * reversed, and so the net that stays debited from the vendor's float; tokens per type; and the requests that moved no
 * money (refused, still in progress). Money is in minor units of {@code currency}.
 */
public record PosShiftTotals(String currency, Sum sales, Sum reversals, Tokens tokens, long refusedCount, long inProgressCount,
                             long reprints) {

    /** A count of credit vends and their money, split as the price breakdowns split it. */
    public record Sum(long count, long valueMinor, long energyMinor, long taxMinor, long feesMinor, long debtMinor,
                      long unitsTenths) {

        Sum minus(Sum o) {
            return new Sum(count - o.count, Math.subtractExact(valueMinor, o.valueMinor), Math.subtractExact(energyMinor, o.energyMinor),
                    Math.subtractExact(taxMinor, o.taxMinor), Math.subtractExact(feesMinor, o.feesMinor),
                    Math.subtractExact(debtMinor, o.debtMinor), Math.subtractExact(unitsTenths, o.unitsTenths));
        }
    }

    /** Tokens issued in the shift, per type (a reversed vend's tokens were issued all the same). */
    public record Tokens(long credit, long keyChange, long engineering) {
    }

    /** Sales less reversals: what the shift's vends keep debited from the vendor's float. */
    public Sum net() {
        return sales.minus(reversals);
    }
}
