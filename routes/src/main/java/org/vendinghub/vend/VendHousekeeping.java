package org.vendinghub.vend;

import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.vendinghub.ledger.LedgerService;

import java.time.Clock;
import java.util.List;

/** Step bean of the safety-net routes: vends a crash left unfinished, deliveries still due, reservations expired. */
@Component
public class VendHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(VendHousekeeping.class);
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

    /**
     * A vend still RECEIVED or RESERVED well after its channel stopped waiting: resubmit it (processing resumes by state),
     * up to hub.vend.recovery-attempts-max times ({@link #resubmitted} counts those the broker took). One still unfinished
     * after that fails for a reason a resend does not cure, and its command is in the dead-letter queue: it is left for
     * an operator with one ALERT, instead of adding a copy of the command to the dead-letter queue every period.
     */
    public List<VendRef> unfinished() {
        int attemptsMax = properties.recoveryAttemptsMax();
        List<VendRef> found = store.unfinishedSince(clock.instant().minus(properties.replyTimeout().multipliedBy(2)), attemptsMax, BATCH);
        List<VendRef> givenUp = found.stream().filter(v -> v.recoveries() >= attemptsMax).toList();
        givenUp.forEach(v -> log.error("ALERT vend {} (meter {}) is still {} after {} resubmissions and is no longer resubmitted: "
                + "fix the cause, then replay its command from DLQ.{} (console: Dead letters)", v.id(), v.meterNumber(), v.status(),
                v.recoveries(), properties.submitQueue()));
        store.countRecoveries(givenUp.stream().map(VendRef::id).toList()); // past the limit now: alerted once
        return found.stream().filter(v -> v.recoveries() < attemptsMax).toList();
    }

    /** The broker took a resubmitted vend's command: one attempt used (a send that failed, the broker away, uses none). */
    public void resubmitted(@Header(VendHeaders.VEND_ID) String vendId) {
        store.countRecoveries(List.of(vendId));
    }

    public List<String> deliveriesDue() {
        return store.deliveriesDueSince(clock.instant().minus(properties.recoveryPeriod()), properties.deliveryAttemptsMax(), BATCH);
    }

    public int expireReservations() {
        return ledger.expirePendingTransfers(clock.instant()).size();
    }

    public record VendRef(String id, String meterNumber, String status, int recoveries) {
    }
}
