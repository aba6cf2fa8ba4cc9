package org.vendinghub.deadletters;

import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** config/artemis/broker.properties, as Artemis itself reads it (the embedded broker and an external one alike). */
class CommandQueueBrokerSettingsTest {

    @Test
    void every_command_queue_family_is_delivered_three_times_a_second_apart_then_dead_lettered_to_its_own_dlq() {
        ConfigurationImpl configuration = new ConfigurationImpl();
        CommandQueueBrokerSettings.apply(configuration, CommandQueueBrokerSettings.load());

        for (String match : new String[] {"vend.cmd.#", "token.cmd.#", "mm.cmd.#"}) {
            AddressSettings settings = configuration.getAddressSettings().get(match);
            assertThat(settings).as(match).isNotNull();
            assertThat(settings.getMaxDeliveryAttempts()).as(match).isEqualTo(3);
            assertThat(settings.getRedeliveryDelay()).as(match).isEqualTo(1000);
            assertThat(settings.getDeadLetterAddress().toString()).as(match).isEqualTo("DLA");
            assertThat(settings.isAutoCreateDeadLetterResources()).as(match).isTrue();
            assertThat(settings.getDeadLetterQueuePrefix().toString()).as(match).isEqualTo("DLQ.");
        }
        assertThat(configuration.getAddressSettings().get("DLA").isAutoDeleteQueues()).isFalse();
    }

    @Test
    void a_setting_artemis_does_not_know_stops_the_start_with_the_line_that_is_wrong() {
        Properties typo = new Properties();
        typo.setProperty("addressSettings.\"vend.cmd.#\".maxDeliveryAtempts", "3");

        assertThatThrownBy(() -> CommandQueueBrokerSettings.apply(new ConfigurationImpl(), typo))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("addressSettings.\"vend.cmd.#\".maxDeliveryAtempts=3")
                .hasMessageContaining("maxDeliveryAtempts");
    }
}
