package org.vendinghub.vend;

import org.springframework.stereotype.Component;
import org.vendinghub.domain.Money;
import org.vendinghub.domain.ValidationException;
import org.vendinghub.domain.VendId;
import org.vendinghub.ledger.InsufficientFundsException;
import org.vendinghub.ledger.meter.MeterBatch;
import org.vendinghub.ledger.meter.MeterView;
import org.vendinghub.ledger.pricing.PriceBreakdown;
import org.vendinghub.ledger.pricing.PriceInputs;
import org.vendinghub.ledger.pricing.PricingService;
import org.vendinghub.ledger.sale.Payer;
import org.vendinghub.ledger.sale.VendMoneyBatch;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The saga's first step for a batch of vends, inside the batch's transaction ({@link ReserveAndIssue}): check the meter,
 * price the purchase and reserve the money (a pending transfer). A vend reserved before (a redelivery) is left as it is
 * and goes on to its token.
 */
@Component
class VendReservations {

    private final VendStore store;
    private final MeterBatch meters;
    private final PricingService pricing;
    private final VendMoneyBatch money;
    private final VendProperties properties;
    private final Clock clock;

    VendReservations(VendStore store, MeterBatch meters, PricingService pricing, VendMoneyBatch money, VendProperties properties,
                     Clock clock) {
        this.store = store;
        this.meters = meters;
        this.pricing = pricing;
        this.money = money;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * What the reserve half leaves to the issue half: one outcome per vend, in order (its status: RESERVED, or where an
     * earlier delivery of its command left it; or its refusal, {@link VendRejectedException} for the customer's), the
     * vends' rows locked and as they stand now, and the vends reserved here, whose rows are not marked RESERVED yet.
     */
    record Reservations(List<GroupCommit.Outcome<VendStatus>> outcomes, Map<VendId, VendStore.StepRow> rows,
                        List<VendStore.Reserved> unmarked) {
    }

    /**
     * Reserves each vend's money, in the caller's transaction. The vends reserved here are left for the caller to mark:
     * as ISSUED by the issue half, or with {@link VendStore#markReservedAll} when it refuses them.
     */
    Reservations reserveAll(List<VendId> ids) {
        Map<VendId, VendStore.StepRow> rows = store.lockForStep(ids);
        List<VendRequest> requests = new ArrayList<>();
        for (VendId id : ids) {
            VendStore.StepRow row = rows.get(id);
            requests.add(row != null && row.status() == VendStatus.RECEIVED ? store.readRequest(row.requestJson()) : null);
        }
        Map<String, MeterView> byNumber = meters.byNumbers(requests.stream().filter(r -> r != null).map(VendRequest::meterNumber).toList());
        Map<Long, Long> vendorUtilities = store.vendorUtilities(requests.stream().filter(r -> r != null)
                .map(VendReservations::vendorOf).filter(v -> v != null).collect(Collectors.toSet()));
        Instant now = clock.instant();
        PriceInputs inputs = pricing.inputsFor(byNumber.values(), now);
        List<GroupCommit.Outcome<VendStatus>> outcomes = new ArrayList<>();
        List<VendMoneyBatch.Reservation> reservations = new ArrayList<>();
        List<VendStore.Reserved> reserved = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            VendStore.StepRow row = rows.get(ids.get(i));
            VendRequest request = requests.get(i);
            if (request == null) {
                outcomes.add(row == null ? GroupCommit.Outcome.refused(new IllegalStateException("vend " + ids.get(i) + " does not exist"))
                        : GroupCommit.Outcome.of(row.status()));
                continue;
            }
            try {
                MeterView meter = VendPrices.vendable(request.meterNumber(), byNumber.get(request.meterNumber()));
                requireVendorsUtility(request, meter, vendorUtilities);
                PriceBreakdown price = VendPrices.price(meter, request, () -> inputs.of(meter), properties.maxAmountMinor());
                reservations.add(new VendMoneyBatch.Reservation(ids.get(i), request.payer(), Money.of(price.tenderedMinor(), price.currency()),
                        properties.reservationTimeout().toSeconds()));
                reserved.add(new VendStore.Reserved(ids.get(i), meter.id(), price));
                positions.add(i);
                outcomes.add(GroupCommit.Outcome.of(VendStatus.RESERVED));
            } catch (RuntimeException refused) {
                outcomes.add(GroupCommit.Outcome.refused(refused));
            }
        }
        List<VendMoneyBatch.Result> results = reservations.isEmpty() ? List.of() : money.reserveAll(reservations);
        List<VendStore.Reserved> done = new ArrayList<>();
        for (int k = 0; k < results.size(); k++) {
            if (results.get(k).ok()) {
                VendStore.Reserved r = reserved.get(k);
                done.add(r);
                rows.computeIfPresent(r.id(), (id, row) -> row.reserved(r.meterId(), r.price()));
            } else {
                outcomes.set(positions.get(k), GroupCommit.Outcome.refused(refusalOf(results.get(k).refusal())));
            }
        }
        return new Reservations(outcomes, rows, done);
    }

    private static Long vendorOf(VendRequest request) {
        return request.payer().kind() == Payer.Kind.VENDOR ? Long.valueOf(request.payer().ref()) : null;
    }

    /** A vendor sells its own utility's meters only: another utility's sales are neither its float's nor its commission's. */
    private static void requireVendorsUtility(VendRequest request, MeterView meter, Map<Long, Long> vendorUtilities) {
        Long vendor = vendorOf(request);
        Long utility = vendor == null ? null : vendorUtilities.get(vendor); // an unknown vendor: the ledger refuses its payment
        if (utility != null && utility != meter.utilityId()) {
            throw new VendRejectedException("OTHER_UTILITY", "meter " + meter.meterNumber()
                    + " is supplied by another utility than the one vendor " + vendor + " sells for");
        }
    }

    private static RuntimeException refusalOf(RuntimeException ledgerRefusal) {
        if (ledgerRefusal instanceof InsufficientFundsException e) {
            return new VendRejectedException("INSUFFICIENT_FUNDS", e.getMessage());
        }
        if (ledgerRefusal instanceof ValidationException e) {
            return new VendRejectedException("INVALID_PAYER", e.getMessage());
        }
        return ledgerRefusal; // a conflict with what is recorded: not the customer's doing, the flow compensates
    }
}
