package org.vendinghub.console;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.ActiveMQJMSClient;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * How many messages wait in each dead-letter queue (DLQ.*). The in-VM broker is asked directly; an external Artemis
 * through its management address over JMS. When the broker cannot answer, the counts are "unknown": the dashboard must
 * still show everything else.
 */
@Component
class DeadLetters {

    static final String PREFIX = "DLQ.";
    static final int QUEUES_MAX = 50;
    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

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

    private final ObjectProvider<EmbeddedActiveMQ> embedded;
    private final ObjectProvider<ConnectionFactory> connections;
    private final DashboardProperties properties;

    DeadLetters(ObjectProvider<EmbeddedActiveMQ> embedded, ObjectProvider<ConnectionFactory> connections, DashboardProperties properties) {
        this.embedded = embedded;
        this.connections = connections;
        this.properties = properties;
    }

    Counts counts() {
        try {
            EmbeddedActiveMQ broker = embedded.getIfAvailable();
            return broker != null && broker.getActiveMQServer() != null ? inVm(broker.getActiveMQServer()) : overJms();
        } catch (Exception e) { // whatever the broker or the client throws, the page shows "unknown"
            log.warn("Dead-letter counts unavailable: {}", e.toString());
            return Counts.unknown(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    Counts inVm(ActiveMQServer server) {
        if (!server.isActive()) {
            return Counts.unknown("the embedded broker is not active");
        }
        List<Count> counts = new ArrayList<>();
        for (String name : deadLetterQueues(Arrays.asList(server.getActiveMQServerControl().getQueueNames()))) {
            Queue queue = server.locateQueue(name);
            if (queue != null) {
                counts.add(new Count(name, queue.getMessageCount()));
            }
        }
        return new Counts(true, counts, null);
    }

    /** The broker's management API as any Artemis client uses it: a request to the management address, a reply. */
    Counts overJms() throws Exception {
        ConnectionFactory factory = connections.getIfAvailable();
        if (factory == null) {
            return Counts.unknown("no JMS connection factory");
        }
        JmsTemplate jms = new JmsTemplate(factory);
        jms.setReceiveTimeout(properties.deadLetterTimeout().toMillis());
        Object names = ask(jms, ResourceNames.BROKER, "queueNames");
        List<String> all = names instanceof Object[] array ? Arrays.stream(array).map(String::valueOf).toList() : List.of();
        List<Count> counts = new ArrayList<>();
        for (String name : deadLetterQueues(all)) {
            counts.add(new Count(name, ((Number) ask(jms, ResourceNames.QUEUE + name, "messageCount")).longValue()));
        }
        return new Counts(true, counts, null);
    }

    private Object ask(JmsTemplate jms, String resource, String attribute) throws Exception {
        Message reply = jms.sendAndReceive(ActiveMQJMSClient.createQueue(properties.managementAddress()), session -> {
            Message request = session.createMessage();
            JMSManagementHelper.putAttribute(request, resource, attribute);
            return request;
        });
        if (reply == null) {
            throw new IllegalStateException("the broker did not answer within " + properties.deadLetterTimeout().toMillis() + " ms");
        }
        if (!JMSManagementHelper.hasOperationSucceeded(reply)) {
            throw new IllegalStateException("the broker refused " + resource + "." + attribute + ": " + JMSManagementHelper.getResult(reply));
        }
        return JMSManagementHelper.getResult(reply);
    }

    private static List<String> deadLetterQueues(List<String> names) {
        return names.stream().filter(n -> n.startsWith(PREFIX)).sorted(Comparator.naturalOrder()).limit(QUEUES_MAX).toList();
    }
}
