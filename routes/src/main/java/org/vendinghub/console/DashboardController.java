package org.vendinghub.console;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The dashboard: today's and a chosen period's sales with charts by day and by channel, the vends that need attention,
 * vendors with low float, and the dead-letter queues. Days are UTC days, as everywhere in the console. A vendor-group
 * user sees only the sales and vendors of that group.
 */
@Controller("consoleDashboardController")
class DashboardController {

    static final String VIEW = "hasAnyAuthority('VIEW_REPORTS','VIEW_VENDS')";

    /** The period as typed (kept as typed when it has a mistake) and the chart's currency. */
    record PeriodForm(String from, String to, String currency) {
    }

    private final SalesReport sales;
    private final LowFloats lowFloats;
    private final DeadLetterCounts deadLetters;
    private final VendorScope scope;
    private final DashboardProperties properties;
    private final Clock clock;

    DashboardController(SalesReport sales, LowFloats lowFloats, DeadLetterCounts deadLetters, VendorScope scope,
                        DashboardProperties properties, Clock clock) {
        this.sales = sales;
        this.lowFloats = lowFloats;
        this.deadLetters = deadLetters;
        this.scope = scope;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/console/dashboard")
    @PreAuthorize(VIEW)
    String dashboard(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                     @RequestParam(required = false) String currency, Principal principal, Model model) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        FormErrors errors = new FormErrors();
        LocalDate[] period = period(from, to, today, errors);
        Long group = scope.groupOf(principal);

        List<SalesReport.SalesRow> periodRows = sales.sales(start(period[0]), start(period[1].plusDays(1)), group);
        List<SalesReport.SalesRow> todayRows = today.isBefore(period[0]) || today.isAfter(period[1])
                ? sales.sales(start(today), start(today.plusDays(1)), group)
                : periodRows.stream().filter(r -> r.day().equals(today)).toList(); // the usual case: no second query
        List<SalesFigures.Totals> periodTotals = SalesFigures.totals(periodRows);
        String chartCurrency = chartCurrency(currency, periodTotals);
        Instant now = clock.instant();
        Instant stuckBefore = now.minus(properties.stuckAfter());

        model.addAttribute("form", new PeriodForm(from == null ? period[0].toString() : from, to == null ? period[1].toString() : to,
                chartCurrency));
        model.addAttribute("errors", errors);
        model.addAttribute("today", today);
        model.addAttribute("from", period[0]);
        model.addAttribute("to", period[1]);
        model.addAttribute("scoped", group != null);
        model.addAttribute("todayTotals", SalesFigures.totals(todayRows));
        model.addAttribute("periodTotals", periodTotals);
        model.addAttribute("chart", SalesFigures.chart(periodRows, chartCurrency, period[0], period[1]));
        model.addAttribute("failed", sales.failed(start(period[0]), start(period[1].plusDays(1)), group));
        model.addAttribute("stuck", sales.stuck(stuckBefore, group));
        model.addAttribute("undelivered", sales.undelivered(stuckBefore, group));
        model.addAttribute("stuckAfter", properties.stuckAfter());
        model.addAttribute("lowFloats", lowFloats.below(properties.lowFloatMinor(), group));
        model.addAttribute("deadLetters", deadLetters.counts());
        return "dashboard";
    }

    /** [first day, last day] of the chosen period; the default period when nothing (or something wrong) was chosen. */
    private LocalDate[] period(String from, String to, LocalDate today, FormErrors errors) {
        LocalDate[] fallback = {today.minusDays(properties.periodDays() - 1L), today};
        Input input = new Input(errors);
        Instant first = input.day("from", from);
        Instant last = input.day("to", to);
        if (errors.any()) {
            return fallback;
        }
        LocalDate start = first == null ? fallback[0] : LocalDate.ofInstant(first, ZoneOffset.UTC);
        LocalDate end = last == null ? fallback[1] : LocalDate.ofInstant(last, ZoneOffset.UTC);
        if (end.isBefore(start)) {
            errors.add("to", "must not be before the first day");
        } else if (ChronoUnit.DAYS.between(start, end) >= properties.periodDaysMax()) {
            errors.add("to", "a period is at most " + properties.periodDaysMax() + " days");
        }
        return errors.any() ? fallback : new LocalDate[] {start, end};
    }

    /** The currency asked for when it sold in the period, else the one with most vends. */
    private static String chartCurrency(String asked, List<SalesFigures.Totals> totals) {
        if (asked != null && totals.stream().anyMatch(t -> t.currency().equals(asked))) {
            return asked;
        }
        return totals.isEmpty() ? "" : totals.get(0).currency();
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
