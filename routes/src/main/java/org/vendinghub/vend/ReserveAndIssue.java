package org.vendinghub.vend;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.vendinghub.domain.VendId;

import java.util.ArrayList;
import java.util.List;

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
    private final GroupCommit<VendId, VendIssuing.Issue> group;

    ReserveAndIssue(VendReservations reservations, VendIssuing issuing, VendProperties properties,
                    VendTransactions transactions, MeterRegistry metrics) {
        this.reservations = reservations;
        this.issuing = issuing;
        this.group = new GroupCommit<>("vend-reserve-issue", 1, properties.batchMax(), properties.replyTimeout().multipliedBy(2),
                transactions.readCommitted(), this::reserveAndIssueAll, metrics);
    }

    /** Reserves the vend's money and issues its tokens (with whatever else waits); throws its refusal. */
    VendIssuing.Issue reserveAndIssue(VendId id) {
        return group.submit(id);
    }

    private List<GroupCommit.Outcome<VendIssuing.Issue>> reserveAndIssueAll(List<VendId> ids) {
        List<GroupCommit.Outcome<VendStatus>> reserved = reservations.reserveAll(ids);
        List<VendId> toIssue = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (reserved.get(i).refusal() == null) {
                toIssue.add(ids.get(i)); // RESERVED now, or further on from an earlier delivery: the issue step knows which
            }
        }
        List<GroupCommit.Outcome<VendIssuing.Issue>> issued = toIssue.isEmpty() ? List.of() : issuing.issueAll(toIssue);
        List<GroupCommit.Outcome<VendIssuing.Issue>> outcomes = new ArrayList<>(ids.size());
        int next = 0;
        for (GroupCommit.Outcome<VendStatus> r : reserved) {
            outcomes.add(r.refusal() != null ? GroupCommit.Outcome.refused(r.refusal()) : issued.get(next++));
        }
        return outcomes;
    }

    @Override
    public void close() {
        group.close();
    }
}
