package org.vendinghub.ledger.pricing;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.vendinghub.domain.ValidationException;
import org.vendinghub.ledger.ConflictException;
import org.vendinghub.ledger.ResultCode;
import org.vendinghub.ledger.debt.DebtService;
import org.vendinghub.ledger.meter.MeterService;
import org.vendinghub.ledger.meter.MeterStatus;
import org.vendinghub.ledger.meter.MeterView;
import org.vendinghub.ledger.tariff.TariffFee;
import org.vendinghub.ledger.tariff.TariffService;
import org.vendinghub.ledger.tariff.TariffVersionView;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Prices a vend for a meter from the database (tariff valid at vend time, month-to-date units, fees not yet charged
 * this period, the customer's open debts) with {@link PriceCalculator}, and records what a committed sale used up.
 * Periods are calendar months in UTC.
 */
@Service
public class PricingService {

    private final MeterService meters;
    private final TariffService tariffs;
    private final DebtService debts;
    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public PricingService(MeterService meters, TariffService tariffs, DebtService debts, JdbcTemplate jdbc) {
        this.meters = meters;
        this.tariffs = tariffs;
        this.debts = debts;
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** The price of a purchase of {@code amountMinor} (VAT-inclusive) for this meter at {@code at}. */
    @Transactional(readOnly = true)
    public PriceBreakdown quoteAmount(long meterId, long amountMinor, Instant at) {
        return PriceCalculator.forAmount(inputFor(meterId, at), amountMinor);
    }

    /** The least amount that buys {@code unitsTenths} for this meter at {@code at}, with its breakdown. */
    @Transactional(readOnly = true)
    public PriceBreakdown quoteUnits(long meterId, long unitsTenths, Instant at) {
        return PriceCalculator.forUnits(inputFor(meterId, at), unitsTenths);
    }

    /** Everything the price depends on; refuses blocked meters and meters without a tariff. */
    @Transactional(readOnly = true)
    public PriceInput inputFor(long meterId, Instant at) {
        ValidationException.require(at != null, "at", "vend time is required");
        MeterView meter = meters.meter(meterId);
        if (meter.status() == MeterStatus.BLOCKED) {
            throw new ConflictException(ResultCode.METER_BLOCKED, "meter " + meter.meterNumber() + " is blocked: "
                    + meter.blockedReason());
        }
        if (meter.tariffId() == null) {
            throw new ConflictException(ResultCode.INVALID_STATE, "meter " + meter.meterNumber() + " has no tariff");
        }
        TariffVersionView tariff = tariffs.versionAt(meter.tariffId(), at);
        String period = periodOf(at);
        Set<String> charged = new HashSet<>(jdbc.queryForList(
                "SELECT fee_code FROM meter_fee_charge WHERE meter_id = ? AND period = ?", String.class, meterId, period));
        List<TariffFee> due = tariff.fees().stream().filter(f -> !charged.contains(f.code())).toList();
        return new PriceInput(tariff, monthToDateTenths(meterId, period), due,
                meter.customerId() == null ? List.of() : debts.openShares(meter.customerId()));
    }

    /**
     * Records what a committed sale used up: its units count towards the month's blocks and its fixed fees are
     * charged for the period. Runs in the caller's transaction (the one that posts the sale). A fee charged twice for
     * one period breaks a unique key: the second vend was priced on stale data and must be priced again.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordSale(long meterId, PriceBreakdown price, Instant at, String vendRef) {
        String period = periodOf(at);
        jdbc.update("INSERT INTO meter_period_usage (meter_id, period, units_tenths) VALUES (?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE units_tenths = units_tenths + VALUES(units_tenths)", meterId, period, price.unitsTenths());
        for (BreakdownLine fee : price.lines(LineKind.FIXED_FEE)) {
            jdbc.update("INSERT INTO meter_fee_charge (meter_id, fee_code, period, amount_minor, vend_ref, charged_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", meterId, fee.reference(), period, fee.amountMinor(), vendRef, at.atOffset(ZoneOffset.UTC).toLocalDateTime());
        }
    }

    /** Undoes {@link #recordSale} for a reversed vend: its units leave the month, its fees are due again. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void unrecordSale(long meterId, PriceBreakdown price, Instant soldAt, String vendRef) {
        jdbc.update("UPDATE meter_period_usage SET units_tenths = GREATEST(0, units_tenths - ?) WHERE meter_id = ? AND period = ?",
                price.unitsTenths(), meterId, periodOf(soldAt));
        jdbc.update("DELETE FROM meter_fee_charge WHERE meter_id = ? AND vend_ref = ?", meterId, vendRef);
    }

    /** A committed sale to record: its meter, price, time and vend. */
    public record Sale(long meterId, PriceBreakdown price, Instant at, String vendRef) {
    }

    /**
     * What many vends' prices depend on, with one query per kind of row for the whole batch ({@link #inputFor} for
     * each meter, without a query per meter). The meters are the caller's: it has checked they may vend.
     */
    @Transactional(readOnly = true)
    public PriceInputs inputsFor(Collection<MeterView> meters, Instant at) {
        return PriceInputs.load(named, meters, at, periodOf(at));
    }

    /** {@link #recordSale} for many sales, with one statement per kind of row. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordSales(List<Sale> sales) {
        if (sales.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO meter_period_usage (meter_id, period, units_tenths) VALUES (?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE units_tenths = units_tenths + VALUES(units_tenths)", sales, sales.size(), (ps, s) -> {
                    ps.setLong(1, s.meterId());
                    ps.setString(2, periodOf(s.at()));
                    ps.setLong(3, s.price().unitsTenths());
                });
        List<Object[]> fees = new ArrayList<>();
        for (Sale s : sales) {
            for (BreakdownLine fee : s.price().lines(LineKind.FIXED_FEE)) {
                fees.add(new Object[]{s.meterId(), fee.reference(), periodOf(s.at()), fee.amountMinor(), s.vendRef(),
                        s.at().atOffset(ZoneOffset.UTC).toLocalDateTime()});
            }
        }
        if (!fees.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO meter_fee_charge (meter_id, fee_code, period, amount_minor, vend_ref, charged_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", fees);
        }
    }

    @Transactional(readOnly = true)
    public long monthToDateTenths(long meterId, String period) {
        List<Long> units = jdbc.queryForList("SELECT units_tenths FROM meter_period_usage WHERE meter_id = ? AND period = ?",
                Long.class, meterId, period);
        return units.isEmpty() ? 0 : units.get(0);
    }

    /** The calendar month of a moment, in UTC: 2031-03. */
    public static String periodOf(Instant at) {
        return YearMonth.from(at.atZone(ZoneOffset.UTC)).toString();
    }
}
