package org.vendinghub.ledger.pricing;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.vendinghub.ledger.ConflictException;
import org.vendinghub.ledger.NotFoundException;
import org.vendinghub.ledger.ResultCode;
import org.vendinghub.ledger.meter.MeterStatus;
import org.vendinghub.ledger.meter.MeterView;
import org.vendinghub.ledger.tariff.TariffBlock;
import org.vendinghub.ledger.tariff.TariffFee;
import org.vendinghub.ledger.tariff.TariffVersionView;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The price inputs of many meters at one moment, loaded with one query per kind of row: tariff versions valid then
 * (with blocks and fees), the period's usage and fee charges, and the customers' open debts. {@link #of} gives a
 * meter's {@link PriceInput} exactly as {@link PricingService#inputFor} would, or throws what it would throw.
 */
public final class PriceInputs {

    private final Instant at;
    private final Map<Long, TariffVersionView> tariffs;
    private final Map<Long, Long> monthToDate;
    private final Map<Long, Set<String>> feesCharged;
    private final Map<Long, List<DebtShare>> debts;

    private PriceInputs(Instant at, Map<Long, TariffVersionView> tariffs, Map<Long, Long> monthToDate,
                        Map<Long, Set<String>> feesCharged, Map<Long, List<DebtShare>> debts) {
        this.at = at;
        this.tariffs = tariffs;
        this.monthToDate = monthToDate;
        this.feesCharged = feesCharged;
        this.debts = debts;
    }

    public PriceInput of(MeterView meter) {
        if (meter.status() == MeterStatus.BLOCKED) {
            throw new ConflictException(ResultCode.METER_BLOCKED, "meter " + meter.meterNumber() + " is blocked: " + meter.blockedReason());
        }
        if (meter.tariffId() == null) {
            throw new ConflictException(ResultCode.INVALID_STATE, "meter " + meter.meterNumber() + " has no tariff");
        }
        TariffVersionView tariff = tariffs.get(meter.tariffId());
        if (tariff == null) {
            throw new NotFoundException(ResultCode.NO_TARIFF_VALID, "tariff " + meter.tariffId() + " has no prices valid at " + at);
        }
        Set<String> charged = feesCharged.getOrDefault(meter.id(), Set.of());
        List<TariffFee> due = tariff.fees().stream().filter(f -> !charged.contains(f.code())).toList();
        return new PriceInput(tariff, monthToDate.getOrDefault(meter.id(), 0L), due,
                meter.customerId() == null ? List.of() : debts.getOrDefault(meter.customerId(), List.of()));
    }

    static PriceInputs load(NamedParameterJdbcTemplate named, Collection<MeterView> meters, Instant at, String period) {
        Set<Long> meterIds = new HashSet<>();
        Set<Long> tariffIds = new HashSet<>();
        Set<Long> customerIds = new HashSet<>();
        for (MeterView m : meters) {
            meterIds.add(m.id());
            if (m.tariffId() != null) {
                tariffIds.add(m.tariffId());
            }
            if (m.customerId() != null) {
                customerIds.add(m.customerId());
            }
        }
        Map<Long, Long> usage = new HashMap<>();
        Map<Long, Set<String>> charged = new HashMap<>();
        if (!meterIds.isEmpty()) {
            Map<String, Object> p = Map.of("meters", meterIds, "period", period);
            named.query("SELECT meter_id, units_tenths FROM meter_period_usage WHERE period = :period AND meter_id IN (:meters)", p,
                    rs -> {
                        usage.put(rs.getLong(1), rs.getLong(2));
                    });
            named.query("SELECT meter_id, fee_code FROM meter_fee_charge WHERE period = :period AND meter_id IN (:meters)", p,
                    rs -> {
                        charged.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getString(2));
                    });
        }
        return new PriceInputs(at, tariffsAt(named, tariffIds, at), usage, charged, openDebts(named, customerIds));
    }

    /** The version of each tariff valid at {@code at}: the latest started by then, if it has not ended. */
    private static Map<Long, TariffVersionView> tariffsAt(NamedParameterJdbcTemplate named, Set<Long> tariffIds, Instant at) {
        Map<Long, TariffVersionView> byTariff = new HashMap<>();
        if (tariffIds.isEmpty()) {
            return byTariff;
        }
        Map<Long, VersionRow> latest = new HashMap<>();
        named.query("SELECT v.id, v.tariff_id, t.currency, v.valid_from, v.valid_to, v.tax_rate_bp FROM tariff_version v "
                + "JOIN tariff t ON t.id = v.tariff_id WHERE v.tariff_id IN (:ids) AND v.valid_from <= :at "
                + "ORDER BY v.tariff_id, v.valid_from DESC", Map.of("ids", tariffIds, "at", Timestamp.from(at)), rs -> {
                    Timestamp to = rs.getTimestamp(5);
                    latest.putIfAbsent(rs.getLong(2), new VersionRow(rs.getLong(1), rs.getString(3), rs.getTimestamp(4).toInstant(),
                            to == null ? null : to.toInstant(), rs.getInt(6)));
                });
        latest.values().removeIf(v -> v.validTo() != null && !at.isBefore(v.validTo()));
        if (latest.isEmpty()) {
            return byTariff;
        }
        Set<Long> versionIds = new HashSet<>();
        latest.values().forEach(v -> versionIds.add(v.id()));
        Map<Long, List<TariffBlock>> blocks = new HashMap<>();
        named.query("SELECT version_id, from_units_tenths, rate_per_unit_minor_e4 FROM tariff_block WHERE version_id IN (:ids) "
                + "ORDER BY version_id, from_units_tenths", Map.of("ids", versionIds), rs -> {
                    blocks.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new TariffBlock(rs.getLong(2), rs.getLong(3)));
                });
        Map<Long, List<TariffFee>> fees = new HashMap<>();
        named.query("SELECT version_id, code, name, amount_minor FROM tariff_fee WHERE version_id IN (:ids) ORDER BY version_id, code",
                Map.of("ids", versionIds), rs -> {
                    fees.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new TariffFee(rs.getString(2), rs.getString(3), rs.getLong(4)));
                });
        latest.forEach((tariffId, v) -> byTariff.put(tariffId, new TariffVersionView(v.id(), tariffId, v.currency(), v.validFrom(),
                v.validTo(), v.taxRateBp(), blocks.getOrDefault(v.id(), List.of()), fees.getOrDefault(v.id(), List.of()))));
        return byTariff;
    }

    private record VersionRow(long id, String currency, Instant validFrom, Instant validTo, int taxRateBp) {
    }

    /** Each customer's debts with something outstanding, oldest first (as DebtService.openShares). */
    private static Map<Long, List<DebtShare>> openDebts(NamedParameterJdbcTemplate named, Set<Long> customerIds) {
        Map<Long, List<DebtShare>> byCustomer = new HashMap<>();
        if (customerIds.isEmpty()) {
            return byCustomer;
        }
        named.query("SELECT d.customer_id, d.id, d.description, a.debits_posted - a.credits_posted - a.credits_pending, d.recovery_bp, "
                + "d.cap_per_purchase_minor FROM debt d JOIN ledger_account a ON a.id = d.account_id "
                + "WHERE d.customer_id IN (:ids) ORDER BY d.customer_id, d.id", Map.of("ids", customerIds), rs -> {
                    long outstanding = rs.getLong(4);
                    if (outstanding > 0) {
                        long cap = rs.getLong(6);
                        Long capOrNull = rs.wasNull() ? null : cap;
                        byCustomer.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                                .add(new DebtShare(rs.getLong(2), rs.getString(3), outstanding, rs.getInt(5), capOrNull));
                    }
                });
        return byCustomer;
    }
}
