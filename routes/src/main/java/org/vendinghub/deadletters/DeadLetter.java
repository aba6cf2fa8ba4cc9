package org.vendinghub.deadletters;

import java.time.Instant;
import java.util.Map;

/**
 * One message in a dead-letter queue, as an operator sees it: never its whole body, never a header outside
 * {@link DeadLetterReader#HEADERS_SHOWN}.
 *
 * @param id               the broker's id of the message in this queue: what replay and discard take
 * @param messageId        the JMS message id, the same before and after the broker dead-lettered the message
 * @param originalAddress  where the message was sent ({@code _AMQ_ORIG_ADDRESS}): a replay goes back there
 * @param originalQueue    the queue whose consumer failed on it ({@code _AMQ_ORIG_QUEUE})
 * @param sentAt           when it was first sent
 * @param firstFailedAt    when a hub consumer first failed on it; null when no failure was recorded (e.g. long ago)
 * @param lastFailedAt     when a hub consumer last failed on it
 * @param failedDeliveries how many deliveries of it failed, as far as the hub recorded
 * @param lastError        the last failure's exception and message
 * @param headers          the headers that say what it is about (vend id, meter)
 * @param bodyPreview      the start of the body, with long digit runs (tokens, phone numbers) masked
 */
public record DeadLetter(long id, String messageId, String originalAddress, String originalQueue, Instant sentAt,
                         Instant firstFailedAt, Instant lastFailedAt, Integer failedDeliveries, String lastError,
                         Map<String, String> headers, String bodyPreview) {

    /** Identifies the message in audit entries and logs: ids and headers only, never the body. */
    String describe() {
        return "message " + id + " (" + messageId + ") from " + originalQueue + (headers.isEmpty() ? "" : ", " + headers);
    }
}
