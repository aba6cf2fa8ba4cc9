package org.vendinghub.deadletters;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.vendinghub.audit.AuditLog;
import org.vendinghub.domain.ValidationException;
import org.vendinghub.ledger.ConflictException;
import org.vendinghub.ledger.NotFoundException;
import org.vendinghub.ledger.ResultCode;

import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Dead letters for operators: the {@code DLQ.*} queues, their messages, and the two ways out of them. A replay sends a
 * message back to the queue it came from (Artemis' retry, which keeps body and headers); a discard removes it for a
 * stated reason. Both are audited. Only dead-letter queues can be touched here, never a working queue.
 */
@Service
public class DeadLetters {

    static final int REASON_LENGTH_MAX = 500;

    private final BrokerManagement broker;
    private final DeadLetterReader reader;
    private final MessageFailures failures;
    private final DeadLetterProperties properties;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    DeadLetters(BrokerManagement broker, DeadLetterReader reader, MessageFailures failures, DeadLetterProperties properties,
                AuditLog audit, TransactionTemplate tx, Clock clock) {
        this.broker = broker;
        this.reader = reader;
        this.failures = failures;
        this.properties = properties;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** Every dead-letter queue the broker has, by name, with its message count. */
    public List<DeadLetterQueue> queues() {
        return deadLetterQueueNames().stream().sorted()
                .map(name -> new DeadLetterQueue(name, properties.originalQueueOf(name), count(name)))
                .toList();
    }

    /** The messages of one dead-letter queue, oldest first (at most {@code hub.dead-letters.list-max}). */
    public List<DeadLetter> messages(String queue) {
        requireDeadLetterQueue(queue);
        String address = String.valueOf(broker.attribute(resource(queue), "address"));
        List<DeadLetter> letters = reader.read(address, queue);
        Map<String, MessageFailures.Failure> recorded = failures.of(letters.stream().map(DeadLetter::messageId).toList());
        return letters.stream().map(letter -> withFailures(letter, recorded.get(letter.messageId()))).toList();
    }

    /** Sends one message back to the queue it came from, unchanged; returns what was replayed. */
    public DeadLetter replay(String queue, long id, String actor) {
        DeadLetter letter = find(queue, id);
        if (letter.originalAddress() == null) {
            throw new ConflictException(ResultCode.INVALID_STATE, "message " + id + " in " + queue
                    + " does not say where it came from (no _AMQ_ORIG_ADDRESS): it cannot be replayed, only discarded");
        }
        tx.executeWithoutResult(s -> {
            audit.record(actor, "DEAD_LETTER_REPLAYED", queue, letter.describe() + " sent back to " + letter.originalQueue());
            if (!Boolean.TRUE.equals(broker.invoke(resource(queue), "retryMessage", id))) {
                throw gone(queue, id);
            }
        });
        return letter;
    }

    /** Sends every message of the queue back where it came from; returns how many went. */
    public int replayAll(String queue, String actor) {
        requireDeadLetterQueue(queue);
        return tx.execute(s -> {
            int replayed = ((Number) broker.invoke(resource(queue), "retryMessages")).intValue();
            audit.record(actor, "DEAD_LETTERS_REPLAYED", queue, replayed + " messages sent back to " + properties.originalQueueOf(queue));
            return replayed;
        });
    }

    /** Removes one message for good, for the reason given; returns what was discarded. */
    public DeadLetter discard(String queue, long id, String reason, String actor) {
        String why = reason == null ? "" : reason.strip();
        ValidationException.require(!why.isEmpty() && why.length() <= REASON_LENGTH_MAX, "reason",
                "say why the message is discarded (1 to " + REASON_LENGTH_MAX + " characters)");
        DeadLetter letter = find(queue, id);
        tx.executeWithoutResult(s -> {
            audit.record(actor, "DEAD_LETTER_DISCARDED", queue, letter.describe() + "; reason: " + why);
            if (!Boolean.TRUE.equals(broker.invoke(resource(queue), "removeMessage", id))) {
                throw gone(queue, id);
            }
            if (letter.messageId() != null) {
                failures.forget(letter.messageId());
            }
        });
        return letter;
    }

    /** Forgets failed deliveries older than {@code hub.dead-letters.failure-retention}; returns how many messages. */
    public int forgetOldFailures() {
        return failures.forgetBefore(clock.instant().minus(properties.failureRetention()));
    }

    private DeadLetter find(String queue, long id) {
        return messages(queue).stream().filter(m -> m.id() == id).findFirst().orElseThrow(() -> gone(queue, id));
    }

    private void requireDeadLetterQueue(String queue) {
        if (!properties.isDeadLetterQueue(queue) || !deadLetterQueueNames().contains(queue)) {
            throw new NotFoundException(ResultCode.NOT_FOUND, "there is no dead-letter queue " + queue
                    + " (dead-letter queues are named " + properties.queuePrefix() + "<queue>)");
        }
    }

    private List<String> deadLetterQueueNames() {
        Object names = broker.attribute("broker", "queueNames");
        Collection<?> all = names instanceof Object[] array ? Arrays.asList(array) : names instanceof Collection<?> c ? c : List.of();
        return all.stream().map(String::valueOf).filter(properties::isDeadLetterQueue).toList();
    }

    private long count(String queue) {
        return ((Number) broker.attribute(resource(queue), "messageCount")).longValue();
    }

    private static String resource(String queue) {
        return "queue." + queue;
    }

    private static NotFoundException gone(String queue, long id) {
        return new NotFoundException(ResultCode.NOT_FOUND, "message " + id + " is not in " + queue
                + " (replayed or discarded already, or beyond the first messages listed)");
    }

    private static DeadLetter withFailures(DeadLetter letter, MessageFailures.Failure failure) {
        if (failure == null) {
            return letter;
        }
        return new DeadLetter(letter.id(), letter.messageId(), letter.originalAddress(), letter.originalQueue(), letter.sentAt(),
                failure.firstFailedAt(), failure.lastFailedAt(), failure.failures(), failure.lastError(), letter.headers(),
                letter.bodyPreview());
    }
}
