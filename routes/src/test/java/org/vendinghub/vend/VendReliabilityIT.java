package org.vendinghub.vend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.jms.JmsEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vendinghub.ledger.meter.MeterView;
import org.vendinghub.ledger.pricing.PriceBreakdown;
import org.vendinghub.ledger.pricing.PricingService;
import org.vendinghub.ledger.testsupport.LedgerInvariants;
import org.vendinghub.sts.meter.MeterResult;
import org.vendinghub.sts.meter.MeterSimulator;
import org.vendinghub.support.HubIntegrationTest;
import org.vendinghub.support.Poll;
import org.vendinghub.support.VendFixture;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The vend flow when things go wrong on the way: a command that fails every time, a crash after the point of no return,
 * both answered by the broker (redelivery, dead letters); and a vend by units. Failures are woven into the real routes
 * with AdviceWith, only for this test's meter, and woven out again before the test ends.
 */
@ExtendWith(OutputCaptureExtension.class)
class VendReliabilityIT extends HubIntegrationTest {

    private static final String DLQ = "DLQ.vend.cmd.submit";

    /** Meters whose vend commands the woven-in step fails; and how often each meter's command came by. */
    private static final Set<String> FAILING = ConcurrentHashMap.newKeySet();
    private static final Set<String> FAILING_ONCE = ConcurrentHashMap.newKeySet();
    private static final Map<String, AtomicInteger> DELIVERIES = new ConcurrentHashMap<>();

    @Autowired
    VendFixture fixture;

    @Autowired
    CamelContext camel;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    PricingService pricing;

    @Autowired
    VendHousekeeping housekeeping;

    @Autowired
    VendProperties properties;

    @Test
    void a_command_that_fails_every_time_is_dead_lettered_unchanged_and_one_replay_after_the_fix_issues_exactly_one_token()
            throws Exception {
        MeterView meter = fixture.meter();
        MeterSimulator simulator = fixture.simulator(meter);
        FAILING.add(meter.meterNumber());
        weave("vend-submit-in", "to-vend-orchestrate", "test-bug-before-saga");
        CompletableFuture<ResponseEntity<String>> call;
        JsonNode letter;
        String vendId;
        try {
            call = CompletableFuture.supplyAsync(() -> vend(Map.of("amount", Map.of("amountMinor", 116_00, "currency", "KES")), meter));
            letter = awaitDeadLetterOf(meter.meterNumber());
            vendId = letter.at("/headers/VendId").asText();

            assertThat(DELIVERIES.get(meter.meterNumber()).get()).as("the broker delivered it 3 times, then gave up").isEqualTo(3);
            assertThat(letter.get("originalQueue").asText()).isEqualTo("vend.cmd.submit");
            assertThat(letter.get("bodyPreview").asText()).as("the original body").isEqualTo(vendId);
            assertThat(letter.at("/headers/VendMeterNo").asText()).isEqualTo(meter.meterNumber());
            assertThat(letter.at("/headers/JMSXGroupID").asText()).as("still grouped by meter").isEqualTo(VendHeaders.groupOf(meter.meterNumber()));
            assertThat(letter.get("failedDeliveries").asInt()).isEqualTo(3);
            assertThat(letter.get("lastError").asText()).contains("IllegalStateException").contains("test bug");
            assertThat(Instant.parse(letter.get("firstFailedAt").asText())).isBeforeOrEqualTo(Instant.parse(letter.get("lastFailedAt").asText()));
            assertThat(status(vendId)).as("nothing happened to the vend").isEqualTo("RECEIVED");
            assertThat(transfersOf(vendId)).as("no money moved").isZero();
            LedgerInvariants.assertHold(jdbc);
        } finally {
            FAILING.remove(meter.meterNumber());
            unweave("vend-submit-in", "test-bug-before-saga"); // the cause is fixed
        }

        ResponseEntity<String> replay = admin().postForEntity(url("/api/v1/dead-letters/" + DLQ + "/messages/"
                + letter.get("id").asLong() + "/replay"), null, String.class);

        assertThat(replay.getStatusCode().value()).as(replay.getBody()).isEqualTo(200);
        Poll.until("the replayed vend is issued", Duration.ofSeconds(30), () -> "ISSUED".equals(status(vendId)));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vend_token WHERE vend_id = ?", Integer.class, vendId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_transfer WHERE id = ?", Integer.class, "vend:" + vendId + ":post"))
                .isEqualTo(1);
        String token = jdbc.queryForObject("SELECT token FROM vend_token WHERE vend_id = ?", String.class, vendId);
        assertThat(simulator.enter(token)).isEqualTo(MeterResult.ACCEPT);
        assertThat(simulator.credit(0)).isEqualTo(40);
        assertThat(deadLettersOf(meter.meterNumber())).as("the dead letter is gone").isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'DEAD_LETTER_REPLAYED' AND detail LIKE ?",
                Integer.class, "%" + vendId + "%")).isEqualTo(1);
        assertThat(call.get(30, TimeUnit.SECONDS).getStatusCode().value()).as("the channel heard back, or was told to ask again")
                .isIn(201, 202);
        LedgerInvariants.assertHold(jdbc);
    }

    @Test
    void a_vend_whose_command_fails_every_time_is_resubmitted_up_to_the_limit_then_left_to_an_operator_with_one_alert(
            CapturedOutput output) throws Exception {
        MeterView meter = fixture.meter();
        camel.getRouteController().stopRoute("vend-recover"); // this test plays its timer, one round per call
        String vendId;
        try {
            vendId = deadLetteredVendOf(meter);
            jdbc.update("UPDATE vend SET updated_at = ? WHERE id = ?", Timestamp.from(Instant.now().minus(Duration.ofHours(1))), vendId);

            int limit = properties.recoveryAttemptsMax();
            for (int round = 1; round <= limit; round++) {
                assertThat(recoveryRound()).as("round %d resubmits it", round).contains(vendId);
            }
            assertThat(output.getAll()).doesNotContain("ALERT vend " + vendId);
            assertThat(recoveryRound()).as("past the limit").doesNotContain(vendId);
            assertThat(recoveryRound()).as("and later").doesNotContain(vendId);
            assertThat(output.getAll()).containsOnlyOnce("ALERT vend " + vendId + " (meter " + meter.meterNumber()
                    + ") is still RECEIVED after " + limit + " resubmissions");
            assertThat(status(vendId)).isEqualTo("RECEIVED");
            assertThat(transfersOf(vendId)).as("no money moved").isZero();
        } finally {
            camel.getRouteController().startRoute("vend-recover");
        }

        JsonNode letter = deadLetter(meter.meterNumber()); // the cause was fixed meanwhile
        admin().postForEntity(url("/api/v1/dead-letters/" + DLQ + "/messages/" + letter.get("id").asLong() + "/replay"), null, String.class);
        Poll.until("the operator's replay issues it", Duration.ofSeconds(30), () -> "ISSUED".equals(status(vendId)));
        LedgerInvariants.assertHold(jdbc);
    }

    @Test
    void a_resubmission_the_broker_does_not_take_uses_no_attempt_and_the_next_round_finishes_the_vend() throws Exception {
        MeterView meter = fixture.meter();
        String vendId = deadLetteredVendOf(meter); // and the cause fixed: a resubmission that arrives issues it
        AtomicInteger refused = new AtomicInteger();
        AdviceWith.adviceWith(camel, "vend-recover", route -> route.weaveById("to-vend-queue-again").before().process(e -> {
            if (vendId.equals(e.getMessage().getHeader(VendHeaders.VEND_ID))) {
                refused.incrementAndGet();
                throw new IllegalStateException("test: the broker is away");
            }
        }).id("test-broker-away"));
        try {
            jdbc.update("UPDATE vend SET updated_at = ? WHERE id = ?", Timestamp.from(Instant.now().minus(Duration.ofHours(1))), vendId);
            Poll.until("vend-recover tried to resubmit it", Duration.ofSeconds(45), () -> refused.get() > 0);
            assertThat(recoveryAttemptsOf(vendId)).as("a send the broker did not take").isZero();
        } finally {
            AdviceWith.adviceWith(camel, "vend-recover", route -> route.weaveById("test-broker-away").remove());
        }

        Poll.until("the next round resubmits it", Duration.ofSeconds(60), () -> "ISSUED".equals(status(vendId)));
        assertThat(recoveryAttemptsOf(vendId)).isEqualTo(1);
        LedgerInvariants.assertHold(jdbc);
    }

    @Test
    void a_crash_after_the_token_was_issued_makes_the_broker_deliver_the_command_again_and_no_second_token_is_made() throws Exception {
        MeterView meter = fixture.meter();
        MeterSimulator simulator = fixture.simulator(meter);
        FAILING_ONCE.add(meter.meterNumber());
        weave("vend-after", "vend-settle", "test-crash-after-saga");
        ResponseEntity<String> response;
        try {
            response = vend(Map.of("amount", Map.of("amountMinor", 116_00, "currency", "KES")), meter);
        } finally {
            FAILING_ONCE.remove(meter.meterNumber());
            unweave("vend-after", "test-crash-after-saga");
        }

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        JsonNode vend = json.readTree(response.getBody());
        String vendId = vend.get("vendId").asText();
        assertThat(DELIVERIES.get(meter.meterNumber()).get()).as("the first delivery crashed, the broker delivered it again")
                .isEqualTo(2);
        assertThat(vend.get("status").asText()).isEqualTo("ISSUED");
        assertThat(vend.get("tokens")).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vend_token WHERE vend_id = ?", Integer.class, vendId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_transfer WHERE reference = ? AND kind = 'PENDING'",
                Integer.class, vendId)).as("money reserved once").isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_transfer WHERE pending_id = ?", Integer.class,
                "vend:" + vendId + ":reserve")).as("and posted once").isEqualTo(1);
        assertThat(simulator.enter(vend.at("/tokens/0/token").asText())).isEqualTo(MeterResult.ACCEPT);
        assertThat(deadLettersOf(meter.meterNumber())).isZero();
        LedgerInvariants.assertHold(jdbc);
    }

    @Test
    void a_vend_by_units_issues_a_token_for_exactly_those_units_at_the_price_the_tariff_calculator_quotes() throws Exception {
        MeterView meter = fixture.meter();
        MeterSimulator simulator = fixture.simulator(meter);
        PriceBreakdown quote = pricing.quoteUnits(meter.id(), 35, Instant.now());

        ResponseEntity<String> response = vend(Map.of("unitsTenths", 35), meter);

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        JsonNode vend = json.readTree(response.getBody());
        assertThat(vend.get("unitsTenths").asLong()).isEqualTo(35);
        assertThat(vend.at("/amount/amountMinor").asLong()).isEqualTo(quote.tenderedMinor());
        assertThat(vend.at("/receipt/tenderedMinor").asLong()).isEqualTo(quote.tenderedMinor());
        assertThat(vend.at("/receipt/taxMinor").asLong()).isEqualTo(quote.taxMinor());
        assertThat(vend.at("/receipt/energyMinor").asLong()).isEqualTo(quote.energyMinor());
        // 25.00 KES/kWh: 3.5 kWh cost 87.50, what the tariff says; with the VAT in an amount rounded down (the customer's
        // cent, ledger README) 101.49 carries 13.99 VAT and exactly 87.50 of energy
        assertThat(quote.energyMinor()).isEqualTo(87_50);
        assertThat(quote.tenderedMinor()).isEqualTo(101_49);
        assertThat(quote.taxMinor() + quote.energyMinor()).isEqualTo(quote.tenderedMinor());
        assertThat(simulator.enter(vend.at("/tokens/0/token").asText())).isEqualTo(MeterResult.ACCEPT);
        assertThat(simulator.credit(0)).as("the token carries exactly the units asked for").isEqualTo(35);
        LedgerInvariants.assertHold(jdbc);
    }

    /** Weaves a step in before {@code nodeId}: it counts this test's meters' commands and fails them as they ask. */
    @Test
    void an_idle_vend_consumer_asks_the_broker_again_only_after_the_configured_wait() {
        JmsEndpoint in = (JmsEndpoint) camel.getRoute("vend-submit-in").getEndpoint();
        assertThat(in.getReceiveTimeout()).isEqualTo(5_000); // hub.vend.consumer-receive-timeout; Spring's default is 1 s
    }

    private void weave(String routeId, String nodeId, String stepId) throws Exception {
        AdviceWith.adviceWith(camel, routeId, route -> route.weaveById(nodeId).before().process(VendReliabilityIT::failAsAsked).id(stepId));
    }

    private void unweave(String routeId, String stepId) throws Exception {
        AdviceWith.adviceWith(camel, routeId, route -> route.weaveById(stepId).remove());
    }

    private static void failAsAsked(Exchange exchange) {
        String meter = exchange.getMessage().getHeader(VendHeaders.METER_NO, String.class);
        if (meter == null || !(FAILING.contains(meter) || FAILING_ONCE.contains(meter))) {
            return;
        }
        int delivery = DELIVERIES.computeIfAbsent(meter, m -> new AtomicInteger()).incrementAndGet();
        if (FAILING.contains(meter)) {
            throw new IllegalStateException("a test bug in the vend consumer, delivery " + delivery);
        }
        if (delivery == 1) {
            throw new IllegalStateException("a test crash after the token was issued");
        }
    }

    private ResponseEntity<String> vend(Map<String, Object> what, MeterView meter) {
        Map<String, Object> body = new java.util.HashMap<>(what);
        body.put("clientRef", UUID.randomUUID().toString());
        body.put("meterNumber", meter.meterNumber());
        return admin().postForEntity(url("/api/v1/vends"), body, String.class);
    }

    private JsonNode awaitDeadLetterOf(String meterNumber) {
        JsonNode[] found = new JsonNode[1];
        Poll.until("the command for meter " + meterNumber + " in " + DLQ, Duration.ofSeconds(30), () -> {
            found[0] = deadLetter(meterNumber);
            return found[0] != null;
        });
        return found[0];
    }

    private int deadLettersOf(String meterNumber) {
        return deadLetter(meterNumber) == null ? 0 : 1;
    }

    private JsonNode deadLetter(String meterNumber) {
        ResponseEntity<String> listed = admin().getForEntity(url("/api/v1/dead-letters/" + DLQ + "/messages"), String.class);
        if (listed.getStatusCode().value() != 200) {
            return null; // the queue is made by the broker with the first dead letter
        }
        try {
            for (JsonNode letter : json.readTree(listed.getBody())) {
                if (meterNumber.equals(letter.at("/headers/VendMeterNo").asText())) {
                    return letter;
                }
            }
            return null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A RECEIVED vend of {@code meter} whose command failed every time and sits in the dead-letter queue; then the bug is gone. */
    private String deadLetteredVendOf(MeterView meter) throws Exception {
        FAILING.add(meter.meterNumber());
        weave("vend-submit-in", "to-vend-orchestrate", "test-bug-before-saga");
        try {
            CompletableFuture.runAsync(() -> vend(Map.of("amount", Map.of("amountMinor", 116_00, "currency", "KES")), meter));
            return awaitDeadLetterOf(meter.meterNumber()).at("/headers/VendId").asText();
        } finally {
            FAILING.remove(meter.meterNumber());
            unweave("vend-submit-in", "test-bug-before-saga");
        }
    }

    private int recoveryAttemptsOf(String vendId) {
        return jdbc.queryForObject("SELECT recovery_attempts FROM vend WHERE id = ?", Integer.class, vendId);
    }

    /** One round of the stopped vend-recover route: what it would resubmit, each counted as the broker took it. */
    private List<String> recoveryRound() {
        List<String> ids = housekeeping.unfinished().stream().map(VendHousekeeping.VendRef::id).toList();
        ids.forEach(housekeeping::resubmitted);
        return ids;
    }

    private String status(String vendId) {
        return jdbc.queryForObject("SELECT status FROM vend WHERE id = ?", String.class, vendId);
    }

    private int transfersOf(String vendId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ledger_transfer WHERE reference = ?", Integer.class, vendId);
    }
}
