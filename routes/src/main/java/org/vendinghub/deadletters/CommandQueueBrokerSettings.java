package org.vendinghub.deadletters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.activemq.artemis.core.config.Configuration;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The embedded broker's redelivery and dead-letter settings for the command queues ({@code vend.cmd.*},
 * {@code token.cmd.*}, {@code mm.cmd.*}), read from config/artemis/broker.properties: the same file an external
 * Artemis reads (docker/compose.yaml), so that both brokers behave alike.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class CommandQueueBrokerSettings {

    /** Packaged from config/artemis/; not at the class-path root, where the embedded broker would try to open it as a file. */
    static final String RESOURCE = "artemis/broker.properties";

    @Bean
    ArtemisConfigurationCustomizer commandQueueAddressSettings() {
        return configuration -> apply(configuration, load());
    }

    /** Applies {@code settings}; a line Artemis cannot apply (a typo) stops the start instead of being skipped quietly. */
    static void apply(Configuration configuration, Properties settings) {
        try {
            configuration.parsePrefixedProperties(configuration, RESOURCE, settings, null);
        } catch (Exception e) {
            throw new IllegalStateException("the broker settings in " + RESOURCE + " could not be applied: " + e.getMessage(), e);
        }
        List<String> errors = errorsIn(configuration.getStatus());
        if (!errors.isEmpty()) {
            throw new IllegalStateException("the broker settings in " + RESOURCE + " have lines Artemis cannot apply: "
                    + String.join("; ", errors));
        }
    }

    /** Artemis reports each line it could not apply in its status: {@code ..."errors":[{"value":..,"reason":..}]}. */
    private static List<String> errorsIn(String status) {
        List<String> errors = new ArrayList<>();
        try {
            new ObjectMapper().readTree(status).findValues("errors").forEach(list -> list.forEach(error ->
                    errors.add(error.path("value").asText() + " (" + error.path("reason").asText() + ")")));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read the broker's configuration status: " + status, e);
        }
        return errors;
    }

    static Properties load() {
        Properties settings = new Properties();
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            settings.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + " from the class path", e);
        }
        return settings;
    }
}
