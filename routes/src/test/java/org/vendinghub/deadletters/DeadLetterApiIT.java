package org.vendinghub.deadletters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.vendinghub.support.FailingConsumer;
import org.vendinghub.support.HubIntegrationTest;
import org.vendinghub.support.Poll;
import org.vendinghub.support.TestUsers;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterApiIT extends HubIntegrationTest {

    private static final String WATCHER = "route-watcher";
    private static final String WATCHER_PASSWORD = "Route-Watcher-Password-1";
    private static final String ENGINEER = "integration-engineer";
    private static final String ENGINEER_PASSWORD = "Integration-Engineer-Password-1";
    private static final String READER = "dead-letter-reader";
    private static final String READER_PASSWORD = "Read-Only-Password-1";

    @Autowired
    ConnectionFactory connectionFactory;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    ObjectMapper json;

    private FailingConsumer consumer;

    @BeforeEach
    void usersAndAFailingConsumer() {
        consumer = new FailingConsumer(connectionFactory);
        jdbc.update("INSERT IGNORE INTO hub_group (name, description, built_in) VALUES ('route-watchers', 'VIEW_ROUTES only', FALSE)");
        jdbc.update("INSERT IGNORE INTO hub_group_permission (group_id, permission) SELECT id, 'VIEW_ROUTES' FROM hub_group "
                + "WHERE name = 'route-watchers'");
        TestUsers.ensure(jdbc, encoder, WATCHER, WATCHER_PASSWORD, "route-watchers");
        TestUsers.ensure(jdbc, encoder, ENGINEER, ENGINEER_PASSWORD, "integration");
        TestUsers.ensure(jdbc, encoder, READER, READER_PASSWORD, "read-only");
    }

    @Test
    void a_command_that_failed_three_times_is_listed_with_what_it_is_about_and_a_replay_sends_it_back_unchanged() throws Exception {
        String queue = FailingConsumer.freshQueue();
        String messageId = consumer.deadLetter(queue, "0f8fad5b-d9cb-469f-a165-70867728950e",
                Map.of("VendId", "0f8fad5b-d9cb-469f-a165-70867728950e", "VendMeterNo", "01234567897", "Authorization", "Basic c2VjcmV0"));
        String dlq = "DLQ." + queue;

        JsonNode listed = awaitQueue(dlq, 1);
        assertThat(listed.get("originalQueue").asText()).isEqualTo(queue);
        JsonNode letter = messages(admin(), dlq).get(0);
        assertThat(letter.get("messageId").asText()).isEqualTo(messageId);
        assertThat(letter.get("originalQueue").asText()).isEqualTo(queue);
        assertThat(letter.get("originalAddress").asText()).isEqualTo(queue);
        assertThat(letter.get("bodyPreview").asText()).isEqualTo("0f8fad5b-d9cb-469f-a165-70867728950e");
        assertThat(letter.at("/headers/VendId").asText()).isEqualTo("0f8fad5b-d9cb-469f-a165-70867728950e");
        assertThat(letter.at("/headers/VendMeterNo").asText()).isEqualTo("01234567897");
        assertThat(letter.get("headers").has("Authorization")).as("only the headers that say what it is about are shown").isFalse();
        assertThat(letter.get("sentAt").isNull()).isFalse();

        ResponseEntity<String> replayed = post(as(ENGINEER, ENGINEER_PASSWORD), "/api/v1/dead-letters/" + dlq + "/messages/"
                + letter.get("id").asLong() + "/replay", null);

        assertThat(replayed.getStatusCode().value()).as(replayed.getBody()).isEqualTo(200);
        Message back = consumer.take(queue, 10_000);
        assertThat(back).as("the replayed message is on its queue again").isNotNull();
        assertThat(((TextMessage) back).getText()).isEqualTo("0f8fad5b-d9cb-469f-a165-70867728950e");
        assertThat(back.getJMSMessageID()).isEqualTo(messageId);
        assertThat(back.getStringProperty("VendMeterNo")).isEqualTo("01234567897");
        assertThat(back.getStringProperty("Authorization")).as("every original header travels back").isEqualTo("Basic c2VjcmV0");
        assertThat(awaitQueue(dlq, 0).get("messageCount").asLong()).isZero();
        assertThat(audited("DEAD_LETTER_REPLAYED", dlq)).singleElement().satisfies(detail -> assertThat(detail)
                .contains(ENGINEER).contains("VendMeterNo=01234567897").contains("sent back to " + queue).doesNotContain("c2VjcmV0"));
    }

    @Test
    void a_discard_needs_a_reason_then_removes_the_message_for_good_and_is_audited_with_the_reason() throws Exception {
        String queue = FailingConsumer.freshQueue();
        consumer.deadLetter(queue, "payment 42", Map.of());
        String dlq = "DLQ." + queue;
        awaitQueue(dlq, 1);
        long id = messages(admin(), dlq).get(0).get("id").asLong();
        String discard = "/api/v1/dead-letters/" + dlq + "/messages/" + id + "/discard";

        ResponseEntity<String> noReason = post(admin(), discard, "{\"reason\": \"  \"}");
        assertThat(noReason.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(noReason.getBody()).at("/errors/0/field").asText()).isEqualTo("reason");

        ResponseEntity<String> discarded = post(admin(), discard, "{\"reason\": \"duplicate of payment 41, refunded by hand\"}");
        assertThat(discarded.getStatusCode().value()).as(discarded.getBody()).isEqualTo(200);
        assertThat(awaitQueue(dlq, 0).get("messageCount").asLong()).isZero();
        assertThat(consumer.take(queue, 1_500)).as("a discarded message goes nowhere").isNull();
        assertThat(post(admin(), discard, "{\"reason\": \"again\"}").getStatusCode().value()).isEqualTo(404);
        assertThat(audited("DEAD_LETTER_DISCARDED", dlq)).singleElement()
                .satisfies(detail -> assertThat(detail).contains("reason: duplicate of payment 41, refunded by hand"));
    }

    @Test
    void replay_all_sends_every_message_of_the_queue_back_and_says_how_many() throws Exception {
        String queue = FailingConsumer.freshQueue();
        consumer.deadLetter(queue, "first", Map.of());
        consumer.deadLetter(queue, "second", Map.of());
        String dlq = "DLQ." + queue;
        awaitQueue(dlq, 2);

        ResponseEntity<String> replayed = post(admin(), "/api/v1/dead-letters/" + dlq + "/replay", null);

        assertThat(replayed.getStatusCode().value()).as(replayed.getBody()).isEqualTo(200);
        assertThat(json.readTree(replayed.getBody()).get("replayed").asInt()).isEqualTo(2);
        assertThat(((TextMessage) consumer.take(queue, 10_000)).getText()).isEqualTo("first");
        assertThat(((TextMessage) consumer.take(queue, 10_000)).getText()).isEqualTo("second");
        assertThat(audited("DEAD_LETTERS_REPLAYED", dlq)).singleElement().satisfies(d -> assertThat(d).contains("admin: 2 messages sent back to " + queue));
    }

    @Test
    void the_body_preview_masks_long_digit_runs_such_as_tokens_and_phone_numbers() throws Exception {
        String queue = FailingConsumer.freshQueue();
        consumer.deadLetter(queue, "token 12345678901234567890 to +254712345678 for meter 01234567897", Map.of());
        String dlq = "DLQ." + queue;
        awaitQueue(dlq, 1);

        assertThat(messages(admin(), dlq).get(0).get("bodyPreview").asText())
                .isEqualTo("token ****************7890 to +********5678 for meter 01234567897");
    }

    @Test
    void watchers_may_look_only_route_managers_replay_or_discard_and_working_queues_are_out_of_reach() throws Exception {
        String queue = FailingConsumer.freshQueue();
        consumer.deadLetter(queue, "x", Map.of());
        String dlq = "DLQ." + queue;
        awaitQueue(dlq, 1);
        TestRestTemplate watcher = as(WATCHER, WATCHER_PASSWORD);
        long id = messages(watcher, dlq).get(0).get("id").asLong();

        assertThat(watcher.getForEntity(url("/api/v1/dead-letters"), String.class).getStatusCode().value()).isEqualTo(200);
        assertThat(post(watcher, "/api/v1/dead-letters/" + dlq + "/messages/" + id + "/replay", null).getStatusCode().value()).isEqualTo(403);
        assertThat(post(watcher, "/api/v1/dead-letters/" + dlq + "/replay", null).getStatusCode().value()).isEqualTo(403);
        assertThat(post(watcher, "/api/v1/dead-letters/" + dlq + "/messages/" + id + "/discard", "{\"reason\": \"x\"}")
                .getStatusCode().value()).isEqualTo(403);
        assertThat(as(READER, READER_PASSWORD).getForEntity(url("/api/v1/dead-letters"), String.class).getStatusCode().value())
                .isEqualTo(403);

        ResponseEntity<String> working = admin().getForEntity(url("/api/v1/dead-letters/vend.cmd.submit/messages"), String.class);
        assertThat(working.getStatusCode().value()).isEqualTo(404);
        assertThat(json.readTree(working.getBody()).get("detail").asText()).contains("there is no dead-letter queue vend.cmd.submit");
        assertThat(post(admin(), "/api/v1/dead-letters/vend.cmd.submit/replay", null).getStatusCode().value()).isEqualTo(404);
        assertThat(awaitQueue(dlq, 1).get("messageCount").asLong()).as("nothing was touched").isEqualTo(1);
    }

    /** Waits until the dead-letter queue is listed with {@code count} messages; returns its entry. */
    private JsonNode awaitQueue(String dlq, long count) {
        JsonNode[] found = new JsonNode[1];
        Poll.until(dlq + " listed with " + count + " messages", Duration.ofSeconds(20), () -> {
            try {
                for (JsonNode q : json.readTree(admin().getForObject(url("/api/v1/dead-letters"), String.class))) {
                    if (q.get("name").asText().equals(dlq) && q.get("messageCount").asLong() == count) {
                        found[0] = q;
                        return true;
                    }
                }
                return false;
            } catch (Exception e) {
                return false;
            }
        });
        return found[0];
    }

    private JsonNode messages(TestRestTemplate user, String dlq) throws Exception {
        ResponseEntity<String> response = user.getForEntity(url("/api/v1/dead-letters/" + dlq + "/messages"), String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return json.readTree(response.getBody());
    }

    private ResponseEntity<String> post(TestRestTemplate user, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return user.exchange(url(path), HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    private TestRestTemplate as(String user, String password) {
        return http.withBasicAuth(user, password);
    }

    /** "actor: detail" of each audit entry of {@code action} on {@code subject}. */
    private List<String> audited(String action, String subject) {
        return jdbc.queryForList("SELECT CONCAT(actor, ': ', detail) FROM audit_event WHERE action = ? AND subject = ?", String.class,
                action, subject);
    }
}
