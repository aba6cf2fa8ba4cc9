package org.vendinghub.platform;

import org.apache.camel.spring.boot.CamelVirtualThreadEnvironmentPostProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultBootstrapContext;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Virtual threads are on by default only where a blocking {@code synchronized} no longer pins its carrier. */
class VirtualThreadsByDefaultTest {

    private static final String PROPERTY = "spring.threads.virtual.enabled";

    @Test
    void java_24_and_newer_get_virtual_threads() {
        assertThat(virtualThreadsOn(24, null)).isEqualTo("true");
        assertThat(virtualThreadsOn(25, null)).isEqualTo("true");
    }

    @Test
    void older_javas_keep_platform_threads() {
        assertThat(virtualThreadsOn(17, null)).isNull();
        assertThat(virtualThreadsOn(21, null)).isNull();
        assertThat(virtualThreadsOn(23, null)).isNull();
    }

    @Test
    void an_explicit_setting_wins_both_ways() {
        assertThat(virtualThreadsOn(25, "false")).isEqualTo("false");
        assertThat(virtualThreadsOn(21, "true")).isEqualTo("true");
    }

    @Test
    void it_runs_before_camels_post_processor_reads_the_property() {
        // Spring Boot sorts its post-processors this way before running them
        List<EnvironmentPostProcessor> processors = new ArrayList<>(List.of(
                new CamelVirtualThreadEnvironmentPostProcessor(), new ConfigDataEnvironmentPostProcessor(
                        Supplier::get, new DefaultBootstrapContext()), new VirtualThreadsByDefault()));
        AnnotationAwareOrderComparator.sort(processors);
        assertThat(processors).extracting(p -> p.getClass().getSimpleName()).containsExactly(
                "ConfigDataEnvironmentPostProcessor", "VirtualThreadsByDefault", "CamelVirtualThreadEnvironmentPostProcessor");
    }

    private static String virtualThreadsOn(int javaFeatureVersion, String configured) {
        StandardEnvironment env = new StandardEnvironment();
        if (configured != null) {
            env.getPropertySources().addFirst(new MapPropertySource("configured", Map.of(PROPERTY, configured)));
        }
        VirtualThreadsByDefault.apply(env, javaFeatureVersion);
        return env.getProperty(PROPERTY);
    }
}
