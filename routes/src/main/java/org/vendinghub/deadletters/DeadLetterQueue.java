package org.vendinghub.deadletters;

/**
 * A dead-letter queue and how many messages wait in it.
 *
 * @param name          the queue, {@code DLQ.<original queue>}
 * @param originalQueue the queue whose failed messages it keeps
 * @param messageCount  messages waiting for an operator
 */
public record DeadLetterQueue(String name, String originalQueue, long messageCount) {
}
