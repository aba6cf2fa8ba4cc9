package org.vendinghub.vend;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.vendinghub.domain.VendId;
import org.vendinghub.ledger.IdempotencyService;

import java.util.ArrayList;
import java.util.List;

/**
 * The channel edge's write, for every request arriving at once: claim each (channel, reference) with the request's
 * hash, and store each new request as a RECEIVED vend, in one transaction ({@link GroupCommit}). A request whose
 * reference was used before gets the first request's vend id back (a replay), or a conflict when it differs.
 */
@Component
class VendReceiver implements AutoCloseable {

    private final IdempotencyService idempotency;
    private final VendStore store;
    private final GroupCommit<VendStore.Received, IdempotencyService.Claim> group;

    VendReceiver(IdempotencyService idempotency, VendStore store, VendProperties properties, VendTransactions transactions, MeterRegistry metrics) {
        this.idempotency = idempotency;
        this.store = store;
        this.group = new GroupCommit<>("vend-receive", 1, properties.batchMax(), properties.replyTimeout(),
                transactions.readCommitted(), this::receiveAll, metrics);
    }

    /** Stores the request as vend {@code id}, or answers the claim of the first request with its reference. */
    IdempotencyService.Claim receive(VendId id, VendRequest request) {
        return group.submit(new VendStore.Received(id, request, request.payloadHash()));
    }

    private List<GroupCommit.Outcome<IdempotencyService.Claim>> receiveAll(List<VendStore.Received> vends) {
        List<IdempotencyService.ClaimOutcome> claims = idempotency.claimAll(vends.stream()
                .map(v -> new IdempotencyService.ClaimRequest(v.request().channelRef(), v.payloadHash(), v.id().toString())).toList());
        List<GroupCommit.Outcome<IdempotencyService.Claim>> outcomes = new ArrayList<>();
        List<VendStore.Received> fresh = new ArrayList<>();
        for (int i = 0; i < vends.size(); i++) {
            IdempotencyService.ClaimOutcome c = claims.get(i);
            if (c.conflict() != null) {
                outcomes.add(GroupCommit.Outcome.refused(c.conflict()));
            } else {
                if (!c.claim().replay()) {
                    fresh.add(vends.get(i));
                }
                outcomes.add(GroupCommit.Outcome.of(c.claim()));
            }
        }
        store.insertReceivedAll(fresh);
        return outcomes;
    }

    @Override
    public void close() {
        group.close();
    }
}
