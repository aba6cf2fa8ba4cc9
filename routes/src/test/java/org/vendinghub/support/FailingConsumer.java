package org.vendinghub.support;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.springframework.jms.connection.CachingConnectionFactory;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A consumer that fails on purpose, straight on the hub's broker: it sends a command to a queue of its own, then takes
 * it in a transaction and rolls back until the broker gives up and dead-letters it. No hub route is involved, so the
 * dead-letter API can be tested without breaking one. Uses the broker's own connection factory, never Spring's cache
 * (a cached consumer would keep prefetched messages from later tests).
 */
public final class FailingConsumer {

    private static final AtomicInteger QUEUES = new AtomicInteger();

    private final ConnectionFactory connections;

    public FailingConsumer(ConnectionFactory hubConnections) {
        this.connections = hubConnections instanceof CachingConnectionFactory cache ? cache.getTargetConnectionFactory() : hubConnections;
    }

    /** A command queue nobody else uses, covered by the broker's {@code vend.cmd.#} settings (3 deliveries, then DLQ). */
    public static String freshQueue() {
        return "vend.cmd.dlq-test-" + QUEUES.incrementAndGet() + "-" + System.nanoTime() % 100_000;
    }

    /** Sends {@code body} with {@code headers} to {@code queue} and fails on it 3 times; returns its JMS message id. */
    public String deadLetter(String queue, String body, Map<String, String> headers) throws JMSException {
        try (Connection connection = connections.createConnection();
             Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
            connection.start();
            TextMessage message = session.createTextMessage(body);
            for (Map.Entry<String, String> header : headers.entrySet()) {
                message.setStringProperty(header.getKey(), header.getValue());
            }
            try (MessageProducer producer = session.createProducer(session.createQueue(queue))) {
                producer.send(message);
            }
            session.commit();
            try (MessageConsumer consumer = session.createConsumer(session.createQueue(queue))) {
                for (int delivery = 1; delivery <= 3; delivery++) {
                    Message received = consumer.receive(10_000);
                    assertThat(received).as("delivery " + delivery + " of the message on " + queue).isNotNull();
                    session.rollback(); // the consumer "fails": the broker delivers it again, or dead-letters it after the 3rd
                }
            }
            return message.getJMSMessageID();
        }
    }

    /** Takes the next message from {@code queue} (e.g. after a replay), or null after {@code timeoutMs}. */
    public Message take(String queue, long timeoutMs) throws JMSException {
        try (Connection connection = connections.createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
             MessageConsumer consumer = session.createConsumer(session.createQueue(queue))) {
            connection.start();
            return consumer.receive(timeoutMs);
        }
    }
}
