package org.vendinghub.console;

import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard must show the rest of the page when the broker cannot say how many dead letters there are. */
class DeadLettersTest {

    private static final DashboardProperties SETTINGS = new DashboardProperties(100_000, Duration.ofMinutes(1), 30, 366,
            Duration.ofMillis(500), "activemq.management");

    @Test
    void counts_are_unknown_with_the_reason_when_no_broker_answers() {
        ActiveMQConnectionFactory nowhere = new ActiveMQConnectionFactory("tcp://127.0.0.1:1?initialConnectAttempts=1&callTimeout=500");
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("connectionFactory", nowhere));

        DeadLetters.Counts counts = new DeadLetters(beans.getBeanProvider(EmbeddedActiveMQ.class),
                beans.getBeanProvider(ConnectionFactory.class), SETTINGS).counts();

        assertThat(counts.known()).isFalse();
        assertThat(counts.queues()).isEmpty();
        assertThat(counts.problem()).isNotBlank();
    }

    @Test
    void counts_are_unknown_when_there_is_no_broker_at_all() {
        StaticListableBeanFactory none = new StaticListableBeanFactory();
        DeadLetters.Counts counts = new DeadLetters(none.getBeanProvider(EmbeddedActiveMQ.class),
                none.getBeanProvider(ConnectionFactory.class), SETTINGS).counts();
        assertThat(counts.known()).isFalse();
        assertThat(counts.problem()).isEqualTo("no JMS connection factory");
    }
}
