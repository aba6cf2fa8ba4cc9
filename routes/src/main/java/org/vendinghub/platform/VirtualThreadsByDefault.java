package org.vendinghub.platform;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Turns on virtual threads (Spring's {@code spring.threads.virtual.enabled}, which Camel follows) when the JVM is
 * Java 24 or newer and nobody configured the property. A vend parks its HTTP thread and its broker consumer several
 * times; a parked virtual thread costs no kernel thread switch, and on this project's 2-core machine that cut the hub's
 * CPU per vend at 300 vends/s by about 6 % and raised the most vends per second by 8 to 13 % (README, "Load harness").
 * Not before 24: up to Java 23 a virtual thread blocking inside {@code synchronized} (the Artemis client does, around
 * its blocking sends) holds on to one of the few carrier threads (JEP 491 lifted that); Java 17 has none.
 */
public class VirtualThreadsByDefault implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY = "spring.threads.virtual.enabled";
    static final int FIRST_JAVA_WITHOUT_PINNING = 24;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        apply(env, Runtime.version().feature());
    }

    static void apply(ConfigurableEnvironment env, int javaFeatureVersion) {
        if (javaFeatureVersion >= FIRST_JAVA_WITHOUT_PINNING && env.getProperty(PROPERTY) == null) {
            env.getPropertySources().addLast(new MapPropertySource("vendingHubVirtualThreads", Map.of(PROPERTY, "true")));
        }
    }

    @Override
    public int getOrder() {
        // after the config files (an explicit setting wins), before Camel's post-processor reads the property
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }
}
