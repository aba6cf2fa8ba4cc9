package org.vendinghub.console;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.vendinghub.deadletters.DeadLetters;

import java.util.List;

/**
 * How many messages wait in each dead-letter queue (DLQ.*), for the dashboard, from the dead-letter service (which
 * asks the broker the same way for the in-VM and an external Artemis). When the broker cannot answer, the counts are
 * "unknown": the dashboard still shows everything else.
 */
@Component
class DeadLetterCounts {

    static final int QUEUES_MAX = 50;
    private static final Logger log = LoggerFactory.getLogger(DeadLetterCounts.class);

    record Count(String queue, long messages) {
    }

    /** {@code known} is false when the broker could not be asked; {@code problem} then says why. */
    record Counts(boolean known, List<Count> queues, String problem) {
        static Counts unknown(String problem) {
            return new Counts(false, List.of(), problem);
        }

        public long total() {
            return queues.stream().mapToLong(Count::messages).sum();
        }
    }

    private final DeadLetters deadLetters;

    DeadLetterCounts(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    Counts counts() {
        try {
            return new Counts(true, deadLetters.queues().stream().limit(QUEUES_MAX)
                    .map(q -> new Count(q.name(), q.messageCount())).toList(), null);
        } catch (RuntimeException e) { // whatever the broker or the client throws, the page shows "unknown"
            log.warn("Dead-letter counts unavailable: {}", e.toString());
            return Counts.unknown(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }
}
