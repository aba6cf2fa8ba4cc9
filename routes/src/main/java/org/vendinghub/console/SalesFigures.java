package org.vendinghub.console;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Sales rows summed the ways the dashboard shows them: totals per currency, and one currency by day and by channel. */
final class SalesFigures {

    /** The sales of one currency: how many vends, how much money (minor units), how many units (tenths). */
    record Totals(String currency, long vends, long valueMinor, long unitsTenths) {
        Totals plus(SalesReport.SalesRow row) {
            return new Totals(currency, vends + row.vends(), valueMinor + row.valueMinor(), unitsTenths + row.unitsTenths());
        }
    }

    /**
     * What the charts draw, for one currency: a label and a value per day (every day of the period, zero when nothing
     * sold) and per channel. Money goes to the page in major units as exact decimals.
     */
    record Chart(String currency, List<String> days, List<BigDecimal> valueByDay, List<Long> vendsByDay, List<String> channels,
                 List<BigDecimal> valueByChannel) {
    }

    private SalesFigures() {
    }

    /** Totals per currency, the currency with most vends first. */
    static List<Totals> totals(List<SalesReport.SalesRow> rows) {
        Map<String, Totals> byCurrency = new TreeMap<>();
        for (SalesReport.SalesRow row : rows) {
            byCurrency.compute(row.currency(), (c, sum) -> (sum == null ? new Totals(c, 0, 0, 0) : sum).plus(row));
        }
        return byCurrency.values().stream().sorted(Comparator.comparingLong(Totals::vends).reversed()).toList();
    }

    static Chart chart(List<SalesReport.SalesRow> rows, String currency, LocalDate from, LocalDate to) {
        // long[] {value in minor units, number of vends}
        Map<LocalDate, long[]> byDay = new LinkedHashMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            byDay.put(day, new long[2]);
        }
        Map<String, long[]> byChannel = new TreeMap<>();
        for (SalesReport.SalesRow row : rows) {
            if (!row.currency().equals(currency)) {
                continue;
            }
            add(byDay.get(row.day()), row);
            add(byChannel.computeIfAbsent(row.channel(), c -> new long[2]), row);
        }
        return new Chart(currency, byDay.keySet().stream().map(LocalDate::toString).toList(), money(byDay.values()), counts(byDay.values()),
                new ArrayList<>(byChannel.keySet()), money(byChannel.values()));
    }

    private static void add(long[] sums, SalesReport.SalesRow row) {
        if (sums != null) {
            sums[0] += row.valueMinor();
            sums[1] += row.vends();
        }
    }

    /** Minor units to major units, exactly ({@code 1250 -> 12.50}). */
    private static List<BigDecimal> money(Collection<long[]> sums) {
        return sums.stream().map(s -> BigDecimal.valueOf(s[0], 2)).collect(Collectors.toList());
    }

    private static List<Long> counts(Collection<long[]> sums) {
        return sums.stream().map(s -> s[1]).collect(Collectors.toList());
    }
}
