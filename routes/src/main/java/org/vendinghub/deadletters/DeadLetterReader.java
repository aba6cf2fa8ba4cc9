package org.vendinghub.deadletters;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.ObjectMessage;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.jms.client.ActiveMQMessage;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a dead-letter queue without taking anything out of it (a JMS queue browser), oldest message first. What it
 * shows is deliberately little: ids, where the message came from, the headers that name the vend and meter, and a
 * short masked preview of the body.
 */
@Component
class DeadLetterReader {

    /** The headers a listing shows; anything else a message carries stays hidden. */
    static final List<String> HEADERS_SHOWN = List.of("VendId", "VendMeterNo", "JMSXGroupID", "JMSCorrelationID");

    /** 12 or more digits in a row (an STS token, a phone or card number): all but the last 4 are masked. */
    private static final Pattern LONG_DIGIT_RUN = Pattern.compile("\\d{8,}(?=\\d{4})");

    private final ConnectionFactory connections;
    private final DeadLetterProperties properties;

    DeadLetterReader(ConnectionFactory connections, DeadLetterProperties properties) {
        this.connections = connections;
        this.properties = properties;
    }

    /** Up to {@code hub.dead-letters.list-max} messages of {@code queue}, which the broker binds to {@code address}. */
    List<DeadLetter> read(String address, String queue) {
        List<DeadLetter> letters = new ArrayList<>();
        try (Connection connection = connections.createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
             QueueBrowser browser = session.createBrowser(session.createQueue(address + "::" + queue))) {
            connection.start();
            Enumeration<?> messages = browser.getEnumeration();
            while (messages.hasMoreElements() && letters.size() < properties.listMax()) {
                letters.add(letter((Message) messages.nextElement()));
            }
        } catch (JMSException e) {
            throw new BrokerUnavailableException("cannot browse " + queue + ": " + e.getMessage(), e);
        }
        return letters;
    }

    private DeadLetter letter(Message message) throws JMSException {
        long id = ((ActiveMQMessage) message).getCoreMessage().getMessageID();
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : HEADERS_SHOWN) {
            String value = "JMSCorrelationID".equals(name) ? message.getJMSCorrelationID() : message.getStringProperty(name);
            if (value != null) {
                headers.put(name, value); // ids and meter numbers: nothing secret, shown as they are
            }
        }
        Instant sentAt = message.getJMSTimestamp() == 0 ? null : Instant.ofEpochMilli(message.getJMSTimestamp());
        return new DeadLetter(id, message.getJMSMessageID(), message.getStringProperty("_AMQ_ORIG_ADDRESS"),
                message.getStringProperty("_AMQ_ORIG_QUEUE"), sentAt, null, null, null, null, headers, preview(message));
    }

    private String preview(Message message) throws JMSException {
        if (message instanceof TextMessage text) {
            String body = text.getText();
            if (body == null) {
                return "(empty text)";
            }
            String start = body.length() <= properties.previewLength() ? body : body.substring(0, properties.previewLength()) + "...";
            return mask(start.replaceAll("\\s+", " "));
        }
        if (message instanceof BytesMessage bytes) {
            return "(" + bytes.getBodyLength() + " bytes, not shown)";
        }
        if (message instanceof ObjectMessage) {
            return "(a serialized Java object, not shown)";
        }
        if (message instanceof MapMessage) {
            return "(a map message, not shown)";
        }
        return "(no body)";
    }

    static String mask(String text) {
        return LONG_DIGIT_RUN.matcher(text).replaceAll(match -> "*".repeat(match.group().length()));
    }
}
