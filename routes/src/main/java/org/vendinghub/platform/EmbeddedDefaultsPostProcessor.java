package org.vendinghub.platform;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Points Spring Boot's Artemis support at the embedded or the external broker. Boot alone would start an
 * embedded broker even when a broker URL is configured (the server classes are on our class path), and would
 * keep its journal in a temporary directory; we want the external one, or a journal under hub.data-dir.
 */
public class EmbeddedDefaultsPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE_NAME = "vendingHubEmbeddedDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        Map<String, Object> defaults = new HashMap<>();
        if (EmbeddedMode.embeddedBroker(env)) {
            Path dataDir = Path.of(env.getProperty("hub.data-dir", "./data")).toAbsolutePath().normalize();
            defaults.put("spring.artemis.mode", "embedded");
            defaults.put("spring.artemis.embedded.enabled", "true");
            defaults.put("spring.artemis.embedded.data-directory", dataDir.resolve("artemis").toString());
        } else {
            defaults.put("spring.artemis.mode", "native");
            defaults.put("spring.artemis.embedded.enabled", "false");
        }
        env.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, defaults));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after the config files have been loaded
    }
}
