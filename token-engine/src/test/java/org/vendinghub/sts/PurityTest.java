package org.vendinghub.sts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The engine stays pure: no Spring, Camel, JPA or logging referenced by any main class (STYLE.md 2.5 #9). */
class PurityTest {

    private static final List<String> FORBIDDEN = List.of("org/springframework", "org/apache/camel",
            "jakarta/persistence", "javax/persistence", "org/slf4j", "java/util/logging", "org/apache/logging",
            "java/lang/System$Logger");

    @Test
    void main_classes_reference_no_framework_or_logging() throws IOException {
        Path classes = Path.of("target/classes/org/vendinghub/sts");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(p -> p.toString().endsWith(".class")).collect(Collectors.toList());
        }
        assertThat(files).hasSizeGreaterThan(20);
        for (Path file : files) {
            String constants = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            for (String forbidden : FORBIDDEN) {
                assertThat(constants).as(file + " references " + forbidden).doesNotContain(forbidden);
            }
        }
    }
}
