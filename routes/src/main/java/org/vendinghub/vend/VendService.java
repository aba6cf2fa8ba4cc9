package org.vendinghub.vend;

import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Service;
import org.vendinghub.domain.VendId;
import org.vendinghub.ledger.IdempotencyService;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The channel edge of a credit vend. Every channel (REST API, XMLVend, POS, mobile money, console) calls
 * {@link #vend}: the request is made idempotent on (channel, reference) and persisted before anything else, then sent
 * through the vend routes; the caller gets the vend as it stands when the token is out or the wait is over.
 */
@Service
public class VendService {

    private final VendStore store;
    private final VendOperations operations;
    private final VendReceiver receiver;
    private final VendReplies replies;
    private final ProducerTemplate producer;
    private final VendProperties properties;
    private final Clock clock;

    VendService(VendStore store, VendOperations operations, VendReceiver receiver, VendReplies replies, ProducerTemplate producer,
                VendProperties properties, Clock clock) {
        this.store = store;
        this.operations = operations;
        this.receiver = receiver;
        this.replies = replies;
        this.producer = producer;
        this.properties = properties;
        this.clock = clock;
    }

    /** A vend and whether this call created it (false: a replay of an earlier identical request). */
    public record Outcome(VendView vend, boolean created) {
    }

    /**
     * Vends, or replays the first answer for the same (channel, reference) and the same request.
     *
     * @throws org.vendinghub.ledger.ConflictException when the reference was used before for a different request
     */
    public Outcome vend(VendRequest request) {
        VendId id = VendIds.next(clock);
        IdempotencyService.Claim claim = receiver.receive(id, request);
        if (claim.replay()) {
            return new Outcome(awaitSettled(VendId.parse(claim.resultRef())), false);
        }
        submit(id, request.meterNumber());
        return new Outcome(store.find(id).orElseThrow(), true);
    }

    /** Sends a received vend through the routes and waits until it is finished, up to the reply timeout. */
    void submit(VendId id, String meterNumber) {
        String vendId = id.toString();
        CompletableFuture<Void> done = replies.expect(vendId);
        producer.sendBodyAndHeaders("direct:vend-submit", vendId, Map.of(VendHeaders.VEND_ID, vendId,
                VendHeaders.METER_NO, meterNumber, VendHeaders.REPLY_TO, replies.node()));
        replies.await(vendId, done, properties.replyTimeout()); // not finished in time: the caller sees RECEIVED or RESERVED
    }

    public Optional<VendView> find(VendId id) {
        return store.find(id);
    }

    public Optional<VendView> findByChannelRef(String channel, String reference) {
        return store.findByChannelRef(channel, reference);
    }

    /** What a cashier confirms before taking money (see {@link VendCheck}). */
    public VendCheck check(String meterNumber) {
        return operations.check(meterNumber);
    }

    /** The meter's recent vends with their tokens, for a reprint; audited as done by {@code actor}. */
    public List<VendView> recentVends(String meterNumber, int limit, String actor) {
        return operations.recentVends(meterNumber, limit, actor);
    }

    /** Takes back an issued vend within the window; {@link VendRejectedException} with the reason otherwise. */
    public VendView reverse(VendId id, String reason, String actor) {
        return operations.reverse(id, reason, actor);
    }

    /** Engineering and free tokens (no money); a replay of the same request returns the first answer. */
    public Outcome engineering(EngineeringRequest request) {
        return operations.engineering(request);
    }

    /** A replayed request whose first twin is still on its way waits for it, as the first caller does. */
    private VendView awaitSettled(VendId id) {
        long deadline = System.nanoTime() + properties.replyTimeout().toNanos();
        VendView vend = store.find(id).orElseThrow();
        while (!vend.status().settled() && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(20));
            vend = store.find(id).orElseThrow();
        }
        return vend;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
