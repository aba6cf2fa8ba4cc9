package org.vendinghub.sts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The public STS vectors (copy of ../shared/sts/vectors-public.json, sources cited per vector in the
 * file itself), as JUnit arguments.
 */
public final class Vectors {

    public static final String RESOURCE = "/vectors/vectors-public.json";

    private Vectors() {
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> all() {
        try (InputStream in = Vectors.class.getResourceAsStream(RESOURCE)) {
            Map<String, Object> root = (Map<String, Object>) MiniJson.parse(new String(in.readAllBytes(),
                    StandardCharsets.UTF_8));
            return (List<Map<String, Object>>) root.get("vectors");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Stream<Arguments> ofKind(String kind) {
        return all().stream().filter(v -> kind.equals(v.get("kind")))
                .map(v -> Arguments.of(Named.of((String) v.get("id"), new Vector(v))));
    }

    /** Typed access to one vector. */
    public static final class Vector {
        private final Map<String, Object> raw;

        Vector(Map<String, Object> raw) {
            this.raw = raw;
        }

        @SuppressWarnings("unchecked")
        public Map<String, Object> input() {
            return (Map<String, Object>) raw.get("input");
        }

        @SuppressWarnings("unchecked")
        public Map<String, Object> expect() {
            return (Map<String, Object>) raw.get("expect");
        }

        public String in(String key) {
            return String.valueOf(input().get(key));
        }

        public long inLong(String key) {
            return ((Number) input().get(key)).longValue();
        }

        public boolean has(String key) {
            return input().containsKey(key);
        }

        public String out(String key) {
            return String.valueOf(expect().get(key));
        }

        public String id() {
            return (String) raw.get("id");
        }

        @Override
        public String toString() {
            return id();
        }

        @SuppressWarnings("unchecked")
        public static MeterKeyParams params(Map<String, Object> m) {
            return new MeterKeyParams((String) m.get("pan"), (String) m.get("sgc"),
                    Integer.parseInt((String) m.get("ti")), ((Number) m.get("krn")).intValue(),
                    ((Number) m.get("kt")).intValue(), BaseDate.of(((Number) m.get("base_date")).intValue()),
                    Dkga.of((String) m.get("dkga")), Ea.of((String) m.get("ea")));
        }

        public MeterKeyParams params() {
            return params(input());
        }

        public LocalDateTime date() {
            return LocalDateTime.parse(in("date"));
        }
    }
}
