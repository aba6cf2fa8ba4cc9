package org.vendinghub.vend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.vendinghub.ledger.testsupport.LedgerInvariants;
import org.vendinghub.support.Poll;
import org.vendinghub.support.TestDirectories;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hub process is killed (SIGKILL: no shutdown hook runs) in the middle of a stream of vends, then started again on
 * the same data. Afterwards every request the hub accepted has exactly one outcome, the books balance, and no TID was
 * used twice. The hub runs in a child JVM so that it can really be killed.
 */
class HubKilledMidStreamIT {

    private static final String PASSWORD = "Kill-Test-Admin-1";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void after_a_kill_and_a_restart_every_accepted_vend_has_exactly_one_outcome_and_the_books_balance() throws Exception {
        Path data = TestDirectories.fresh("killed-hub");
        int port = freePort();
        int dbPort = freePort();
        Process hub = startHub(data, port, dbPort);
        List<String> meters = meters(port);
        Map<String, Integer> answered = new ConcurrentHashMap<>();
        ExecutorService senders = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 400; i++) {
            String ref = "kill-" + UUID.randomUUID();
            String meter = meters.get(i % meters.size());
            senders.execute(() -> answered.put(ref, vend(port, ref, meter)));
        }
        Poll.until("some vends issued before the kill", Duration.ofSeconds(120), () -> answered.values().stream().filter(s -> s == 201).count() >= 20);
        hub.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL in the middle of the stream
        senders.shutdownNow();
        senders.awaitTermination(60, TimeUnit.SECONDS);

        Process again = startHub(data, port, dbPort);
        try {
            List<String> accepted = answered.entrySet().stream().filter(e -> e.getValue() == 201 || e.getValue() == 202)
                    .map(Map.Entry::getKey).toList();
            Poll.until("every accepted vend settled after the restart", Duration.ofSeconds(180), () -> accepted.stream()
                    .allMatch(ref -> settled(port, ref)));
            JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource("jdbc:mariadb://127.0.0.1:" + dbPort + "/vendinghub", "root", ""));
            // requests cut off by the kill may have been stored without their caller hearing back: recovery settles them too
            Poll.until("no vend left without an outcome", Duration.ofSeconds(180), () -> jdbc.queryForObject(
                    "SELECT COUNT(*) FROM vend WHERE status IN ('RECEIVED', 'RESERVED')", Integer.class) == 0);
            LedgerInvariants.assertHold(jdbc);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT meter_id, tid FROM vend_token WHERE tid IS NOT NULL "
                    + "GROUP BY meter_id, tid HAVING COUNT(*) > 1) d", Integer.class)).as("TIDs used twice").isZero();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vend v WHERE v.status = 'ISSUED' AND NOT EXISTS "
                    + "(SELECT 1 FROM vend_token t WHERE t.vend_id = v.id)", Integer.class)).as("issued vends without a token").isZero();
        } finally {
            again.destroy();
            again.waitFor(60, TimeUnit.SECONDS);
        }
    }

    private Process startHub(Path data, int port, int dbPort) throws IOException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-cp", System.getProperty("java.class.path"), "org.vendinghub.VendingHubApplication",
                "--server.port=" + port, "--hub.data-dir=" + data, "--hub.embedded.mariadb-port=" + dbPort,
                "--hub.demo.seed=true", "--hub.demo.meters=20", "--hub.bootstrap.admin-password=" + PASSWORD,
                "--hub.vend.reply-timeout=5s", "--hub.vend.recovery-period=3s", "--logging.level.root=WARN")
                .redirectErrorStream(true).redirectOutput(data.resolveSibling(data.getFileName() + "-" + System.nanoTime() + ".log").toFile())
                .start();
        Poll.until("the hub answers on port " + port, Duration.ofSeconds(240), () -> meters(port).size() == 20);
        return process;
    }

    private List<String> meters(int port) {
        try {
            HttpResponse<String> response = http.send(request(port, "/api/v1/meters?size=50").GET().build(), HttpResponse.BodyHandlers.ofString());
            List<String> numbers = new ArrayList<>();
            if (response.statusCode() == 200) {
                json.readTree(response.body()).get("items").forEach(m -> numbers.add(m.get("meterNumber").asText()));
            }
            return numbers;
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    private int vend(int port, String ref, String meter) {
        String body = "{\"clientRef\":\"" + ref + "\",\"meterNumber\":\"" + meter + "\",\"amount\":{\"amountMinor\":5000,\"currency\":\"KES\"}}";
        try {
            return http.send(request(port, "/api/v1/vends").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1; // the hub died under this request: it may or may not have been accepted
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private boolean settled(int port, String ref) {
        try {
            HttpResponse<String> response = http.send(request(port, "/api/v1/vends?clientRef=" + ref).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return false;
            }
            JsonNode vend = json.readTree(response.body());
            String status = vend.get("status").asText();
            return status.equals("ISSUED") || status.equals("DELIVERED") || status.equals("VOIDED");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private HttpRequest.Builder request(int port, String path) {
        String token = Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + token);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
