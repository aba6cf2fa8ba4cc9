package org.vendinghub.vend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.camel.ProducerTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vendinghub.connectors.sms.SmsGateway;
import org.vendinghub.connectors.sms.SmsProperties;
import org.vendinghub.ledger.meter.MeterView;
import org.vendinghub.ledger.testsupport.LedgerInvariants;
import org.vendinghub.sts.meter.MeterResult;
import org.vendinghub.sts.meter.MeterSimulator;
import org.vendinghub.support.HubIntegrationTest;
import org.vendinghub.support.Poll;
import org.vendinghub.support.VendFixture;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Token delivery by SMS against an Africa's-Talking-shaped gateway (WireMock) that times out, fails and refuses. The
 * hub's SmsGateway is pointed at it at run time with a 1 s timeout. Delivery only moves forward: whatever the gateway
 * does, the vend keeps its token.
 */
class TokenDeliveryIT extends HubIntegrationTest {

    private static final WireMockServer GATEWAY = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private static final String MESSAGING = "/version1/messaging";
    private static final int TIMEOUT_MS = 1000;

    static {
        GATEWAY.start();
        Runtime.getRuntime().addShutdownHook(new Thread(GATEWAY::stop));
    }

    @Autowired
    SmsGateway sms;

    @Autowired
    VendFixture fixture;

    @Autowired
    VendStore store;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    ConnectionFactory connectionFactory;

    @Autowired
    ProducerTemplate producer;

    @BeforeEach
    void pointTheHubAtTheGateway() {
        GATEWAY.resetAll();
        sms.override(new SmsProperties("http://localhost:" + GATEWAY.port(), "sandbox", "sms-api-key-1", "", TIMEOUT_MS));
    }

    @AfterEach
    void pointTheHubBack() {
        sms.reset();
        LedgerInvariants.assertHold(jdbc);
    }

    @Test
    void a_gateway_that_times_out_and_then_answers_delivers_the_token_twice_and_the_meter_takes_it_once() throws Exception {
        GATEWAY.stubFor(post(urlEqualTo(MESSAGING)).inScenario("slow").whenScenarioStateIs(STARTED)
                .willReturn(accepted("ATXid_slow").withFixedDelay(TIMEOUT_MS * 3)).willSetStateTo("answering"));
        GATEWAY.stubFor(post(urlEqualTo(MESSAGING)).inScenario("slow").whenScenarioStateIs("answering")
                .willReturn(accepted("ATXid_fast")));
        MeterView meter = fixture.meter();
        MeterSimulator simulator = fixture.simulator(meter);
        String phone = phone();

        JsonNode vend = vend(meter, phone);
        JsonNode delivered = awaitDelivery(vend.get("vendId").asText(), "SENT");

        assertThat(delivered.get("status").asText()).isEqualTo("DELIVERED");
        assertThat(delivered.at("/delivery/attempts").asInt()).as("one round, retried inside it").isEqualTo(1);
        assertThat(delivered.at("/delivery/detail").isNull()).isTrue();
        // the gateway got the first request too (it was only slow to answer): at-least-once, so the phone gets the SMS twice
        List<String> texts = smsTextsTo(phone);
        assertThat(texts).hasSize(2);
        assertThat(texts.get(0)).isEqualTo(texts.get(1)).contains(vend.at("/tokens/0/formatted").asText());
        String token = vend.at("/tokens/0/token").asText();
        assertThat(simulator.enter(token)).isEqualTo(MeterResult.ACCEPT);
        assertThat(simulator.enter(token)).as("the second SMS's token is refused by the meter").isEqualTo(MeterResult.USED);
        assertThat(simulator.credit(0)).isEqualTo(40);
    }

    @Test
    void a_gateway_5xx_is_retried_at_once_and_the_token_goes_out_on_the_third_try() throws Exception {
        GATEWAY.stubFor(post(urlEqualTo(MESSAGING)).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withBody("Service Unavailable")).willSetStateTo("still down"));
        GATEWAY.stubFor(post(urlEqualTo(MESSAGING)).inScenario("flaky").whenScenarioStateIs("still down")
                .willReturn(aResponse().withStatus(502).withBody("Bad Gateway")).willSetStateTo("up"));
        GATEWAY.stubFor(post(urlEqualTo(MESSAGING)).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(accepted("ATXid_3")));
        MeterView meter = fixture.meter();
        String phone = phone();

        JsonNode delivered = awaitDelivery(vend(meter, phone).get("vendId").asText(), "SENT");

        assertThat(delivered.get("status").asText()).isEqualTo("DELIVERED");
        assertThat(delivered.at("/delivery/attempts").asInt()).isEqualTo(1);
        assertThat(smsTextsTo(phone)).hasSize(3);
    }

    @Test
    void a_gateway_that_stays_down_leaves_the_vend_issued_with_the_fault_shown_and_due_for_another_round() throws Exception {
        GATEWAY.stubFor(post(urlEqualTo(MESSAGING)).willReturn(aResponse().withStatus(503).withBody("Service Unavailable")));
        MeterView meter = fixture.meter();
        String phone = phone();

        String vendId = vend(meter, phone).get("vendId").asText();
        JsonNode failed = awaitDelivery(vendId, "FAILED");

        assertThat(failed.get("status").asText()).as("a delivery failure never undoes the vend").isEqualTo("ISSUED");
        assertThat(failed.get("tokens")).hasSize(1);
        assertThat(failed.at("/delivery/attempts").asInt()).isEqualTo(1);
        assertThat(failed.at("/delivery/detail").asText()).contains("answered HTTP 503");
        assertThat(smsTextsTo(phone)).as("the first try and 3 retries").hasSize(4);
        assertThat(store.deliveriesDueSince(Instant.now().plusSeconds(3600), 5, 10_000))
                .as("the token-deliver-retry timer will start another round").contains(vendId);
    }

    @Test
    void a_gateway_refusal_is_not_retried_the_reason_is_shown_and_the_vend_keeps_its_token() throws Exception {
        GATEWAY.stubFor(post(urlEqualTo(MESSAGING)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "text/plain").withBody("Invalid phoneNumber")));
        MeterView meter = fixture.meter();
        String phone = phone();

        String vendId = vend(meter, phone).get("vendId").asText();
        JsonNode refused = awaitDelivery(vendId, "REJECTED");

        assertThat(refused.get("status").asText()).isEqualTo("ISSUED");
        assertThat(refused.at("/delivery/detail").asText()).contains("HTTP 400").contains("Invalid phoneNumber");
        assertThat(smsTextsTo(phone)).as("sending it again cannot help: one request only").hasSize(1);
        assertThat(store.deliveriesDueSince(Instant.now().plusSeconds(3600), 5, 10_000)).doesNotContain(vendId);
    }

    @Test
    void a_recipient_the_gateway_will_not_text_is_a_refusal_as_well() throws Exception {
        GATEWAY.stubFor(post(urlEqualTo(MESSAGING)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"SMSMessageData":{"Message":"Sent to 0/1 Total Cost: 0","Recipients":[{"statusCode":406,
                        "number":"+254700000000","status":"UserInBlacklist","cost":"0","messageId":"None"}]}}""")));
        MeterView meter = fixture.meter();
        String phone = phone();

        JsonNode refused = awaitDelivery(vend(meter, phone).get("vendId").asText(), "REJECTED");

        assertThat(refused.get("status").asText()).isEqualTo("ISSUED");
        assertThat(refused.at("/delivery/detail").asText()).contains("UserInBlacklist").contains("406");
        assertThat(smsTextsTo(phone)).hasSize(1);
    }

    private static ResponseDefinitionBuilder accepted(String messageId) {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("""
                {"SMSMessageData":{"Message":"Sent to 1/1 Total Cost: KES 0.8000","Recipients":[{"statusCode":101,
                "number":"+254700000000","status":"Success","cost":"KES 0.8000","messageId":"%s","messageParts":1}]}}"""
                .formatted(messageId));
    }

    private JsonNode vend(MeterView meter, String phone) throws Exception {
        ResponseEntity<String> response = admin().postForEntity(url("/api/v1/vends"), Map.of("clientRef", UUID.randomUUID().toString(),
                "meterNumber", meter.meterNumber(), "amount", Map.of("amountMinor", 116_00, "currency", "KES"),
                "deliver", Map.of("sms", phone)), String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        return json.readTree(response.getBody());
    }

    /** Waits until the vend's delivery status is {@code status}; returns the vend as the API shows it. */
    private JsonNode awaitDelivery(String vendId, String status) {
        JsonNode[] last = new JsonNode[1];
        Poll.until("delivery of vend " + vendId + " " + status, Duration.ofSeconds(30), () -> {
            try {
                last[0] = json.readTree(admin().getForObject(url("/api/v1/vends/" + vendId), String.class));
                return status.equals(last[0].at("/delivery/status").asText());
            } catch (Exception e) {
                return false;
            }
        });
        return last[0];
    }

    /** The texts the gateway was asked to send to {@code phone}, in order. */
    private static List<String> smsTextsTo(String phone) {
        return GATEWAY.findAll(postRequestedFor(urlEqualTo(MESSAGING))
                        .withRequestBody(containing("to=" + URLEncoder.encode(phone, StandardCharsets.UTF_8)))).stream()
                .map(request -> formField(request.getBodyAsString(), "message")).toList();
    }

    private static String formField(String form, String name) {
        for (String field : form.split("&")) {
            if (field.startsWith(name + "=")) {
                return URLDecoder.decode(field.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String phone() {
        return "+2547" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    @Test
    void a_delivery_command_the_route_cannot_handle_is_delivered_again_by_the_broker_and_then_kept_as_a_dead_letter() {
        String unreadable = "not-a-vend-id-" + UUID.randomUUID();

        producer.sendBody("jms:queue:token.cmd.deliver", unreadable);

        // a bug or a broken command rolls the JMS transaction back (not acknowledged and lost): 3 deliveries, then the DLQ
        Poll.until(unreadable + " in DLQ.token.cmd.deliver", Duration.ofSeconds(30), () -> deadLetterIds(unreadable).size() == 1);
        String messageId = deadLetterIds(unreadable).get(0);
        assertThat(jdbc.queryForObject("SELECT failures FROM message_failure WHERE message_id = ? AND queue_name = 'token.cmd.deliver'",
                Integer.class, messageId)).isEqualTo(3);
    }

    /** The JMS message ids of the dead letters of token.cmd.deliver whose body is {@code body}. */
    private List<String> deadLetterIds(String body) {
        List<String> ids = new ArrayList<>();
        try (Connection connection = connectionFactory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Enumeration<?> messages = session.createBrowser(session.createQueue("DLA::DLQ.token.cmd.deliver")).getEnumeration();
            while (messages.hasMoreElements()) {
                if (messages.nextElement() instanceof TextMessage text && body.equals(text.getText())) {
                    ids.add(text.getJMSMessageID());
                }
            }
        } catch (InvalidDestinationException notYet) {
            return List.of(); // the broker creates a dead-letter queue with its first message
        } catch (JMSException e) {
            throw new IllegalStateException("cannot browse DLQ.token.cmd.deliver", e);
        }
        return ids;
    }
}
