package org.vendinghub.deadletters;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Dead letters for operators ({@code hub.dead-letters.*}), documented in config/application.yml. How the broker
 * redelivers and dead-letters is not here but in config/artemis/broker.properties, which both brokers read.
 *
 * @param queuePrefix        the prefix of dead-letter queues, {@code DLQ.}: the broker's dead-letter-queue-prefix
 * @param managementAddress  the broker's management address, where management messages go
 * @param managementTimeout  how long a management call may take before the broker counts as unreachable
 * @param listMax            the most messages one listing of a dead-letter queue shows (oldest first)
 * @param previewLength      the most characters of a message body a listing shows
 * @param failureRetention   how long the failed deliveries of a message are remembered (first failure, last error)
 * @param prunePeriod        how often failure records older than {@code failureRetention} are deleted
 */
@ConfigurationProperties("hub.dead-letters")
public record DeadLetterProperties(
        @DefaultValue("DLQ.") String queuePrefix,
        @DefaultValue("activemq.management") String managementAddress,
        @DefaultValue("5s") Duration managementTimeout,
        @DefaultValue("200") int listMax,
        @DefaultValue("120") int previewLength,
        @DefaultValue("30d") Duration failureRetention,
        @DefaultValue("1h") Duration prunePeriod) {

    public DeadLetterProperties {
        if (queuePrefix == null || queuePrefix.isBlank()) {
            throw new IllegalArgumentException("hub.dead-letters.queue-prefix must not be empty (the broker's DLQ prefix, e.g. DLQ.)");
        }
        if (listMax < 1 || listMax > 10_000) {
            throw new IllegalArgumentException("hub.dead-letters.list-max must be 1 to 10000, was " + listMax);
        }
        if (previewLength < 0 || previewLength > 2_000) {
            throw new IllegalArgumentException("hub.dead-letters.preview-length must be 0 to 2000, was " + previewLength);
        }
    }

    /** The queue a dead letter came from, read from the dead-letter queue's name ({@code DLQ.vend.cmd.submit}). */
    public String originalQueueOf(String deadLetterQueue) {
        return deadLetterQueue.substring(queuePrefix.length());
    }

    public boolean isDeadLetterQueue(String queue) {
        return queue != null && queue.startsWith(queuePrefix) && queue.length() > queuePrefix.length();
    }
}
