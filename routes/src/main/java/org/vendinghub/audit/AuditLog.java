package org.vendinghub.audit;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/** Writes the audit trail. Callers pass no secrets: the detail is shown to auditors as it is. */
@Service
public class AuditLog {

    private final AuditEventRepository events;
    private final Clock clock;

    public AuditLog(AuditEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** Recorded in the caller's transaction when there is one, so the trail and the change commit together. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(String actor, String action, String subject, String detail) {
        events.save(new AuditEvent(clock.instant(), truncate(actor, 64), truncate(action, 64), truncate(subject, 200), truncate(detail, 1000)));
    }

    private static String truncate(String value, int max) {
        String v = value == null ? "" : value;
        return v.length() <= max ? v : v.substring(0, max);
    }
}
