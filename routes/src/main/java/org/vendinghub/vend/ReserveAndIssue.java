package org.vendinghub.vend;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.vendinghub.domain.VendId;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The saga's steps for every vend waiting at once, in ONE transaction ({@link GroupCommit}): reserve the money (a
 * pending transfer, {@link VendReservations}), then take TIDs, make and store the tokens and post the money
 * ({@link VendIssuing}). A vend refused at either step is refused alone, and the saga compensates it: a reservation
 * committed with the batch is voided then.
 *
 * <p>One transaction, not one per step: both steps lock the ledger's busiest rows (vend clearing, revenue, tax, the
 * vendor's float), so as two batch workers they took turns on them, and each vend crossed two more threads and waited
 * for one more commit.
 */
@Component
class ReserveAndIssue implements AutoCloseable {

    private final VendReservations reservations;
    private final VendIssuing issuing;
    private final VendStore store;
    private final GroupCommit<VendId, VendIssuing.Issue> group;

    ReserveAndIssue(VendReservations reservations, VendIssuing issuing, VendStore store, VendProperties properties,
                    VendTransactions transactions, MeterRegistry metrics) {
        this.reservations = reservations;
        this.issuing = issuing;
        this.store = store;
        this.group = new GroupCommit<>("vend-reserve-issue", 1, properties.batchMax(), properties.replyTimeout().multipliedBy(2),
                transactions.readCommitted(), this::reserveAndIssueAll, metrics);
    }

    /** Reserves the vend's money and issues its tokens (with whatever else waits); throws its refusal. */
    VendIssuing.Issue reserveAndIssue(VendId id) {
        return group.submit(id);
    }

    private List<GroupCommit.Outcome<VendIssuing.Issue>> reserveAndIssueAll(List<VendId> ids) {
        VendReservations.Reservations reserved = reservations.reserveAll(ids);
        List<VendId> toIssue = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (reserved.outcomes().get(i).refusal() == null) {
                toIssue.add(ids.get(i)); // RESERVED now, or further on from an earlier delivery: the issue step knows which
            }
        }
        List<GroupCommit.Outcome<VendIssuing.Issue>> issued = toIssue.isEmpty() ? List.of() : issuing.issueAll(toIssue, reserved.rows());
        Set<VendId> refusedAtIssue = new HashSet<>();
        List<GroupCommit.Outcome<VendIssuing.Issue>> outcomes = new ArrayList<>(ids.size());
        int next = 0;
        for (int i = 0; i < ids.size(); i++) {
            GroupCommit.Outcome<VendStatus> r = reserved.outcomes().get(i);
            if (r.refusal() != null) {
                outcomes.add(GroupCommit.Outcome.refused(r.refusal()));
                continue;
            }
            GroupCommit.Outcome<VendIssuing.Issue> o = issued.get(next++);
            if (o.refusal() != null) {
                refusedAtIssue.add(ids.get(i));
            }
            outcomes.add(o);
        }
        // an issued vend's one UPDATE was the issue's; one refused there keeps its reservation, RESERVED for compensation to void
        store.markReservedAll(reserved.unmarked().stream().filter(v -> refusedAtIssue.contains(v.id())).toList());
        return outcomes;
    }

    @Override
    public void close() {
        group.close();
    }
}
