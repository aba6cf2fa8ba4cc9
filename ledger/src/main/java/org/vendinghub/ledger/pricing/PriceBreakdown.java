package org.vendinghub.ledger.pricing;

import java.util.List;

/**
 * The price of one vend: the tendered (VAT-inclusive) amount split into lines whose amounts add up to it exactly,
 * and the units the energy lines buy. The hub stores it with the vend and passes it back to post the money.
 */
public record PriceBreakdown(long tariffVersionId, String currency, long tenderedMinor, long unitsTenths, long feesMinor,
                             long debtMinor, long taxMinor, long energyMinor, int taxRateBp, long monthToDateTenthsBefore,
                             List<BreakdownLine> lines) {

    public PriceBreakdown {
        lines = List.copyOf(lines);
        long sum = lines.stream().mapToLong(BreakdownLine::amountMinor).sum();
        if (sum != tenderedMinor || feesMinor + debtMinor + taxMinor + energyMinor != tenderedMinor) {
            throw new IllegalStateException("breakdown lines add up to " + sum + ", not to the tendered " + tenderedMinor);
        }
    }

    public List<BreakdownLine> lines(LineKind kind) {
        return lines.stream().filter(l -> l.kind() == kind).toList();
    }
}
