package org.vendinghub.deadletters;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.springframework.stereotype.Component;

/**
 * Artemis management through management messages: a request to the broker's management address, the answer on a
 * temporary queue. It works the same against the embedded broker and an external one (whose user needs the
 * {@code manage} permission, which the image's admin role has), so the tests of the in-VM broker cover production.
 * Resources are named as Artemis names them: {@code broker}, {@code queue.<name>}.
 */
@Component
class BrokerManagement {

    private final ConnectionFactory connections;
    private final DeadLetterProperties properties;

    BrokerManagement(ConnectionFactory connections, DeadLetterProperties properties) {
        this.connections = connections;
        this.properties = properties;
    }

    /** The value of a resource's attribute ({@code queue.DLQ.x}, {@code messageCount}). */
    Object attribute(String resource, String attribute) {
        return call(resource + "." + attribute, message -> JMSManagementHelper.putAttribute(message, resource, attribute));
    }

    /** The result of one operation on a resource ({@code queue.DLQ.x}, {@code retryMessage}, 42L). */
    Object invoke(String resource, String operation, Object... parameters) {
        return call(resource + "." + operation, message -> JMSManagementHelper.putOperationInvocation(message, resource, operation,
                parameters));
    }

    private interface Request {
        void fill(Message message) throws JMSException;
    }

    private Object call(String what, Request request) {
        try (Connection connection = connections.createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            connection.start();
            TemporaryQueue replies = session.createTemporaryQueue();
            try (MessageProducer producer = session.createProducer(session.createQueue(properties.managementAddress()));
                 MessageConsumer answers = session.createConsumer(replies)) {
                Message message = session.createMessage();
                request.fill(message);
                message.setJMSReplyTo(replies);
                producer.send(message);
                return result(what, answers.receive(properties.managementTimeout().toMillis()));
            } finally {
                replies.delete();
            }
        } catch (JMSException e) {
            throw new BrokerUnavailableException("the broker did not take the management request " + what + ": " + e.getMessage(), e);
        }
    }

    private Object result(String what, Message answer) throws JMSException {
        if (answer == null) {
            throw new BrokerUnavailableException("the broker did not answer the management request " + what + " within "
                    + properties.managementTimeout().toSeconds() + " s", null);
        }
        Object result;
        try {
            result = JMSManagementHelper.getResult(answer);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the broker's answer to " + what + ": " + e.getMessage(), e);
        }
        if (!JMSManagementHelper.hasOperationSucceeded(answer)) {
            throw new ManagementRefusedException(what, String.valueOf(result));
        }
        return result;
    }
}
