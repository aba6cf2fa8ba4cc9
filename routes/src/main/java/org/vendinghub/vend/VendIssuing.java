package org.vendinghub.vend;

import org.springframework.stereotype.Component;
import org.vendinghub.domain.StsParameters;
import org.vendinghub.domain.VendId;
import org.vendinghub.ledger.ConflictException;
import org.vendinghub.ledger.meter.KeyChangeView;
import org.vendinghub.ledger.meter.MeterBatch;
import org.vendinghub.ledger.meter.MeterService;
import org.vendinghub.ledger.meter.MeterView;
import org.vendinghub.ledger.meter.Tids;
import org.vendinghub.ledger.sale.VendMoneyBatch;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The saga's point of no return for a batch of vends, inside the batch's transaction ({@link ReserveAndIssue}): take
 * each meter's next TID under the meter's row lock, make the tokens through the security module (due key changes
 * first), store them, and post the money with its splits. A vend issued before (a redelivery) is left as it is.
 *
 * <p>A vend whose token cannot be made (no key for its supply group) is refused alone before anything of it is
 * written. A vend whose money cannot be posted (its reservation expired meanwhile) fails the batch, which
 * {@link GroupCommit} then runs again one vend at a time: its tokens were made on the assumption that it would be
 * issued, and another vend of the same meter in the batch may depend on its TID or key change.
 */
@Component
class VendIssuing {

    private final VendStore store;
    private final MeterBatch meters;
    private final VendMoneyBatch money;
    private final TokenIssuer tokens;
    private final Clock clock;

    VendIssuing(VendStore store, MeterBatch meters, VendMoneyBatch money, TokenIssuer tokens, Clock clock) {
        this.store = store;
        this.meters = meters;
        this.money = money;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** Where a vend stands after the issue step, and whether its tokens are to be delivered. */
    record Issue(VendStatus status, boolean deliveryDue) {
    }

    /**
     * Issues each reserved vend's tokens and posts its money, in the caller's transaction; one outcome per vend, in order.
     * {@code rows}: the vends' rows, locked in this transaction by the reserve half and as it left them. Throws
     * {@link BatchRetry} when a vend's money cannot be posted in a batch of more than one.
     */
    List<GroupCommit.Outcome<Issue>> issueAll(List<VendId> ids, Map<VendId, VendStore.StepRow> rows) {
        Set<Long> meterIds = new HashSet<>();
        rows.values().stream().filter(r -> r.status() == VendStatus.RESERVED).forEach(r -> meterIds.add(r.meterId()));
        Map<Long, MeterView> locked = meters.lockAll(meterIds);
        Map<Long, List<KeyChangeView>> due = meters.dueKeyChanges(meterIds);
        Function<StsParameters, String> keyIds = keyIds(locked.values(), due);
        Instant now = clock.instant();
        Batch batch = new Batch(locked, due);
        List<GroupCommit.Outcome<Issue>> outcomes = new ArrayList<>();
        for (VendId id : ids) {
            VendStore.StepRow row = rows.get(id);
            if (row == null) {
                outcomes.add(GroupCommit.Outcome.refused(new IllegalStateException("vend " + id + " does not exist")));
            } else if (row.status() != VendStatus.RESERVED) {
                outcomes.add(GroupCommit.Outcome.of(new Issue(row.status(), row.deliveryDue(row.status()))));
            } else {
                outcomes.add(batch.tokensFor(row, keyIds, now));
            }
        }
        meters.saveLastTids(batch.lastTids);
        meters.markKeyChangesIssued(batch.keyChangesIssued);
        store.markIssuedAll(batch.issued);
        // the money last: posting locks the revenue and tax accounts, which reversals and other writers need too, so
        // they are held only from here to the commit (the reservations in this transaction already hold the payers' and
        // clearing accounts; a refusal rolls all of it back)
        postMoney(batch, outcomes, ids.size(), now);
        return outcomes;
    }

    private void postMoney(Batch batch, List<GroupCommit.Outcome<Issue>> outcomes, int batchSize, Instant now) {
        if (batch.sales.isEmpty()) {
            return;
        }
        List<VendMoneyBatch.Result> results = money.commitAll(batch.sales);
        for (int k = 0; k < results.size(); k++) {
            RuntimeException refusal = results.get(k).refusal();
            if (refusal != null) {
                if (batchSize > 1) {
                    throw new BatchRetry(refusal); // see the class comment: run again one vend at a time
                }
                throw refusal instanceof ConflictException c
                        ? new VendRejectedException(c.code().name(), "the money could not be posted: " + c.getMessage()) : refusal;
            }
        }
    }

    /** The supply groups' vending key ids for the meters' current and old (key change) parameters. */
    private Function<StsParameters, String> keyIds(java.util.Collection<MeterView> meterViews, Map<Long, List<KeyChangeView>> due) {
        List<StsParameters> params = new ArrayList<>();
        meterViews.forEach(m -> params.add(m.sts()));
        due.values().forEach(changes -> changes.forEach(c -> {
            params.add(c.from());
            params.add(c.to());
        }));
        Map<String, String> ids = meters.vendingKeyIds(params);
        return sts -> {
            String id = ids.get(MeterBatch.keyOf(sts));
            if (id == null) {
                throw new VendRejectedException("NO_SUPPLY_GROUP", "supply group " + sts.sgc() + " with key revision " + sts.krn()
                        + " is not set up: import its vending key first");
            }
            return id;
        };
    }

    /** What the batch has decided so far: TIDs taken, key changes used, tokens made, money to post. */
    private final class Batch {
        final Map<Long, MeterView> meters;
        final Map<Long, List<KeyChangeView>> due;
        final Map<Long, Long> lastTids = new HashMap<>();
        final List<Long> keyChangesIssued = new ArrayList<>();
        final List<VendStore.Issued> issued = new ArrayList<>();
        final List<VendMoneyBatch.Sale> sales = new ArrayList<>();

        Batch(Map<Long, MeterView> meters, Map<Long, List<KeyChangeView>> due) {
            this.meters = meters;
            this.due = due;
        }

        /** The vend's tokens; what they use (TID, key changes) counts only once they are made. */
        GroupCommit.Outcome<Issue> tokensFor(VendStore.StepRow row, Function<StsParameters, String> keyIds, Instant now) {
            MeterView meter = meters.get(row.meterId());
            try {
                long last = lastTids.getOrDefault(meter.id(), meter.lastTid());
                List<Long> tid = Tids.allocate(last, tokens.nowMinutes(meter.sts(), now), 1);
                if (tid.isEmpty()) {
                    throw MeterService.noTidsLeft(meter.meterNumber(), meter.sts().baseDate());
                }
                List<KeyChangeView> changes = due.getOrDefault(meter.id(), List.of());
                TokenIssuer.Issued made = tokens.creditInBatch(meter, changes, tid.get(0), row.breakdown().unitsTenths(), keyIds);
                lastTids.put(meter.id(), tid.get(0));
                changes.forEach(c -> keyChangesIssued.add(c.id()));
                due.remove(meter.id());
                issued.add(new VendStore.Issued(row.id(), meter.id(), row.breakdown(), made.creditedTenths(), made.tokens()));
                sales.add(new VendMoneyBatch.Sale(row.id(), meter.id(), row.breakdown(), now));
                return GroupCommit.Outcome.of(new Issue(VendStatus.ISSUED, row.deliveryDue(VendStatus.ISSUED)));
            } catch (ConflictException e) {
                return GroupCommit.Outcome.refused(new VendRejectedException(e.code().name(), e.getMessage()));
            } catch (RuntimeException e) {
                return GroupCommit.Outcome.refused(e);
            }
        }
    }

    /** A vend's money could not be posted in a batch: the batch is rolled back and its vends go one by one. */
    static final class BatchRetry extends RuntimeException {
        BatchRetry(RuntimeException cause) {
            super("a vend's money could not be posted; the batch is retried one vend at a time", cause);
        }
    }
}
