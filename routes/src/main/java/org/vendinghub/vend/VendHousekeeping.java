package org.vendinghub.vend;

import org.springframework.stereotype.Component;
import org.vendinghub.ledger.LedgerService;

import java.time.Clock;
import java.util.List;

/** Step bean of the safety-net routes: vends a crash left unfinished, deliveries still due, reservations expired. */
@Component
public class VendHousekeeping {

    private static final int BATCH = 200;

    private final VendStore store;
    private final LedgerService ledger;
    private final VendProperties properties;
    private final Clock clock;

    VendHousekeeping(VendStore store, LedgerService ledger, VendProperties properties, Clock clock) {
        this.store = store;
        this.ledger = ledger;
        this.properties = properties;
        this.clock = clock;
    }

    /** A vend still RECEIVED or RESERVED well after its channel stopped waiting: resubmit it (processing resumes by state). */
    public List<VendRef> unfinished() {
        return store.unfinishedSince(clock.instant().minus(properties.replyTimeout().multipliedBy(2)), BATCH);
    }

    public List<String> deliveriesDue() {
        return store.deliveriesDueSince(clock.instant().minus(properties.recoveryPeriod()), properties.deliveryAttemptsMax(), BATCH);
    }

    public int expireReservations() {
        return ledger.expirePendingTransfers(clock.instant()).size();
    }

    public record VendRef(String id, String meterNumber) {
    }
}
