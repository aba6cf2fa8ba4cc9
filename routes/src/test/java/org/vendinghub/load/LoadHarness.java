package org.vendinghub.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load harness: drives a running hub's vend API over HTTP and prints one JSON line with vends/s, latency percentiles
 * and errors. JDK only, so it runs as a single source file, without a build:
 *
 * <pre>
 * java routes/src/test/java/org/vendinghub/load/LoadHarness.java --url http://localhost:8080 --user admin --password PW \
 *      --rate 300 --seconds 60 --concurrency 64
 * </pre>
 *
 * {@code --rate N} sends N vends per second on a fixed schedule (open model: a request's latency counts from when it was
 * due, so a slow hub cannot hide its queueing); {@code --rate 0} runs {@code --concurrency} workers as fast as they
 * go. The meters come from GET /api/v1/meters (start the hub with HUB_DEMO_SEED=true for 100 demo meters). The first
 * {@code --warmup} seconds are sent but not counted. Every request stops by itself: the run is bounded in time.
 *
 * <p>{@code --operation vend-check} sends the cashier's check instead (GET /api/v1/meters/{number}/vend-check): the same
 * edge (HTTP, authentication, JSON) and the pricing reads, but no writes, no broker and no batches. {@code --operation
 * sale} does what a cashier does for each customer: the check, then the vend; its latency covers both.
 */
public final class LoadHarness {

    private static final Pattern METER = Pattern.compile("\"meterNumber\"\\s*:\\s*\"(\\d{11,13})\"");

    private final Map<String, String> options;
    // HTTP/1.1 with keep-alive, as vending clients speak it; the default (HTTP/2) would ask the hub to upgrade first.
    // The client's own work runs on its selector thread (a direct executor): no hand-off to a pool thread per response,
    // which on two cores shared with the hub took a noticeable share of the CPU the hub is measured with.
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Runnable::run).connectTimeout(Duration.ofSeconds(5)).build();
    private final String auth;
    private final String base;

    private LoadHarness(Map<String, String> options) {
        this.options = options;
        this.base = options.getOrDefault("url", "http://localhost:8080");
        this.auth = "Basic " + Base64.getEncoder().encodeToString((options.getOrDefault("user", "admin") + ":"
                + options.getOrDefault("password", "")).getBytes(StandardCharsets.UTF_8));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        new LoadHarness(options).run();
    }

    private void run() throws Exception {
        List<String> meters = meters();
        if (meters.isEmpty()) {
            System.err.println("no meters: start the hub with HUB_DEMO_SEED=true, or register meters first");
            System.exit(1);
        }
        int rate = Integer.parseInt(options.getOrDefault("rate", "0"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "60"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "10"));
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "64"));
        long amount = Long.parseLong(options.getOrDefault("amount-minor", "10000"));
        String currency = options.getOrDefault("currency", "KES");
        String operationName = options.getOrDefault("operation", "vend");
        Operation operation = operation(operationName);
        Stats stats = new Stats();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        long countFrom = start + TimeUnit.SECONDS.toNanos(warmup);
        long end = countFrom + TimeUnit.SECONDS.toNanos(seconds);
        AtomicInteger next = new AtomicInteger();
        if (rate > 0) {
            long interval = 1_000_000_000L / rate;
            for (long due = start; due < end; due += interval) {
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                long scheduled = due;
                pool.execute(() -> send(operation.requests(meters.get(next.getAndIncrement() % meters.size()), amount, currency),
                        scheduled, countFrom, stats));
            }
        } else {
            for (int w = 0; w < concurrency; w++) {
                pool.execute(() -> {
                    while (System.nanoTime() < end) {
                        send(operation.requests(meters.get(next.getAndIncrement() % meters.size()), amount, currency),
                                System.nanoTime(), countFrom, stats);
                    }
                });
            }
        }
        pool.shutdown();
        if (!pool.awaitTermination(seconds + warmup + 120L, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
        System.out.println(stats.json(operationName, rate, seconds, concurrency, meters.size()));
    }

    /** What the harness does for a meter: one request, or several in order (a sale is a check, then the vend). */
    private interface Operation {
        List<HttpRequest> requests(String meter, long amount, String currency);
    }

    private Operation operation(String name) {
        return switch (name) {
            case "vend" -> (meter, amount, currency) -> List.of(vend(meter, amount, currency));
            case "vend-check" -> (meter, amount, currency) -> List.of(vendCheck(meter));
            case "sale" -> (meter, amount, currency) -> List.of(vendCheck(meter), vend(meter, amount, currency));
            default -> throw new IllegalArgumentException("--operation must be vend, vend-check or sale, not " + name);
        };
    }

    private HttpRequest vend(String meter, long amount, String currency) {
        String body = "{\"clientRef\":\"load-" + UUID.randomUUID() + "\",\"meterNumber\":\"" + meter + "\",\"amount\":{\"amountMinor\":"
                + amount + ",\"currency\":\"" + currency + "\"}}";
        return HttpRequest.newBuilder(URI.create(base + "/api/v1/vends")).timeout(Duration.ofSeconds(30))
                .header("Authorization", auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpRequest vendCheck(String meter) {
        return HttpRequest.newBuilder(URI.create(base + "/api/v1/meters/" + meter + "/vend-check")).timeout(Duration.ofSeconds(30))
                .header("Authorization", auth).GET().build();
    }

    /** Sends the requests in order and records the operation once: the first failure's status, or the last one's. */
    private void send(List<HttpRequest> requests, long scheduled, long countFrom, Stats stats) {
        String status = "none";
        for (HttpRequest request : requests) {
            try {
                int code = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                status = Integer.toString(code);
                if (code >= 300) {
                    break;
                }
            } catch (Exception e) {
                status = e.getClass().getSimpleName();
                break;
            }
        }
        long done = System.nanoTime();
        if (scheduled >= countFrom) {
            stats.record(status, done - scheduled, done);
        }
    }

    private List<String> meters() throws Exception {
        List<String> found = new ArrayList<>();
        for (int page = 0; page < 10; page++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/meters?status=ACTIVE&size=200&page=" + page))
                    .header("Authorization", auth).GET().build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /api/v1/meters answered " + response.statusCode() + ": " + response.body());
            }
            Matcher m = METER.matcher(response.body());
            int before = found.size();
            while (m.find()) {
                found.add(m.group(1));
            }
            if (found.size() - before < 200) {
                break;
            }
        }
        return found;
    }

    /** Latencies in microseconds, kept whole: a run of 60 s at 1,000/s is 60,000 longs. */
    private static final class Stats {
        private final List<Long> micros = new ArrayList<>();
        private final Map<String, AtomicLong> statuses = new ConcurrentHashMap<>();
        private long firstDone = Long.MAX_VALUE;
        private long lastDone;

        synchronized void record(String status, long latencyNanos, long doneNanos) {
            micros.add(latencyNanos / 1_000);
            statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
            firstDone = Math.min(firstDone, doneNanos);
            lastDone = Math.max(lastDone, doneNanos);
        }

        synchronized String json(String operation, int rate, int seconds, int concurrency, int meters) {
            micros.sort(null);
            long ok = statuses.entrySet().stream().filter(e -> e.getKey().equals("201") || e.getKey().equals("200"))
                    .mapToLong(e -> e.getValue().get()).sum();
            double elapsed = Math.max(1e-9, (lastDone - firstDone) / 1e9);
            Map<String, Long> byStatus = new TreeMap<>();
            statuses.forEach((k, v) -> byStatus.put(k, v.get()));
            return String.format("{\"operation\":\"%s\",\"targetRate\":%d,\"seconds\":%d,\"concurrency\":%d,\"meters\":%d,\"completed\":%d,\"ok\":%d,"
                            + "\"errors\":%d,\"perSecond\":%.1f,\"p50Ms\":%.1f,\"p95Ms\":%.1f,\"p99Ms\":%.1f,\"maxMs\":%.1f,\"statuses\":%s}",
                    operation, rate, seconds, concurrency, meters, micros.size(), ok, micros.size() - ok, ok / elapsed, pct(0.50), pct(0.95),
                    pct(0.99), micros.isEmpty() ? 0.0 : micros.get(micros.size() - 1) / 1000.0,
                    byStatus.toString().replace("=", "\":").replace("{", "{\"").replace(", ", ",\""));
        }

        private double pct(double p) {
            if (micros.isEmpty()) {
                return 0;
            }
            int index = (int) Math.min(micros.size() - 1, Math.ceil(p * micros.size()) - 1);
            return micros.get(Math.max(0, index)) / 1000.0;
        }
    }
}
