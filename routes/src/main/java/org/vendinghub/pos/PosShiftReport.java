package org.vendinghub.pos;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The printed report of a shift: a Z-report when it is closed (final; it reprints the same for ever), an X-report
 * (a reading that changes nothing) while it is open. Totals as {@link PosShiftTotals}.
 */
public record PosShiftReport(PosReceipt.Party utility, String vendor, String terminalId, int shiftNo, String openedBy,
                             Instant openedAt, String closedBy, Instant closedAt, long openingFloatMinor, Long closingFloatMinor,
                             PosShiftTotals totals, Instant printedAt, ZoneId zone) implements PosPrintable {

    public boolean closed() {
        return closedAt != null;
    }

    public List<String> text(int columns) {
        return printout().text(columns);
    }

    public byte[] escPos(int columns) {
        return printout().escPos(columns);
    }

    PosPrintout printout() {
        String c = totals.currency();
        PosPrintout p = new PosPrintout().bold(utility.name()).rule()
                .bold(closed() ? "Z REPORT - SHIFT CLOSED" : "X REPORT - SHIFT OPEN")
                .pair("Vendor", vendor).pair("Terminal", terminalId).pair("Shift", Integer.toString(shiftNo))
                .pair("Opened", PosFormats.time(openedAt, zone)).pair("Opened by", openedBy);
        if (closed()) {
            p.pair("Closed", PosFormats.time(closedAt, zone)).pair("Closed by", closedBy);
        } else {
            p.pair("Printed", PosFormats.time(printedAt, zone));
        }
        p.rule().bold("SALES");
        sum(p, totals.sales(), c);
        p.bold("REVERSALS");
        p.pair("Vends", Long.toString(totals.reversals().count())).pair("Value", PosFormats.money(totals.reversals().valueMinor(), c));
        p.bold("NET");
        sum(p, totals.net(), c);
        p.rule().bold("TOKENS")
                .pair("Credit", Long.toString(totals.tokens().credit()))
                .pair("Key change", Long.toString(totals.tokens().keyChange()))
                .pair("Engineering/free", Long.toString(totals.tokens().engineering()))
                .pair("Reprints", Long.toString(totals.reprints()))
                .pair("Refused (no charge)", Long.toString(totals.refusedCount()));
        if (totals.inProgressCount() > 0) {
            p.pair("Still in progress", Long.toString(totals.inProgressCount()));
        }
        p.rule().pair("Float at open", PosFormats.money(openingFloatMinor, c));
        if (closingFloatMinor != null) {
            p.pair("Float at close", PosFormats.money(closingFloatMinor, c));
        }
        return p;
    }

    private static void sum(PosPrintout p, PosShiftTotals.Sum s, String c) {
        p.pair("Vends", Long.toString(s.count())).boldPair("Value", PosFormats.money(s.valueMinor(), c))
                .pair("  Energy", PosFormats.amount(s.energyMinor(), c)).pair("  Tax", PosFormats.amount(s.taxMinor(), c))
                .pair("  Fixed fees", PosFormats.amount(s.feesMinor(), c)).pair("  Debt recovered", PosFormats.amount(s.debtMinor(), c))
                .pair("Units", PosFormats.units(s.unitsTenths()));
    }
}
