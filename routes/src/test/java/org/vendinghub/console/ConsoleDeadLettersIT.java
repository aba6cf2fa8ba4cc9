package org.vendinghub.console;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.vendinghub.support.FailingConsumer;
import org.vendinghub.support.HubIntegrationTest;
import org.vendinghub.support.TestUsers;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The dead-letter page: what an operator sees, replay and discard from the page, and who may do what. */
class ConsoleDeadLettersIT extends HubIntegrationTest {

    private static final Pattern LETTER_ID = Pattern.compile("id=\"letter-(\\d+)\"");

    @Autowired
    ConnectionFactory connectionFactory;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Test
    void an_integration_engineer_sees_the_dead_letter_and_replays_one_and_discards_another_with_a_reason() throws Exception {
        TestUsers.ensure(jdbc, encoder, "console-integrator", "Console-Integrator-1", "integration");
        FailingConsumer consumer = new FailingConsumer(connectionFactory);
        String queue = FailingConsumer.freshQueue();
        consumer.deadLetter(queue, "replay me", Map.of("VendMeterNo", "01234567897"));
        consumer.deadLetter(queue, "discard me", Map.of());
        String dlq = "DLQ." + queue;
        ConsoleClient engineer = ConsoleClient.signedIn(port, "console-integrator", "Console-Integrator-1");

        String start = engineer.get("/console/dashboard").body(); // the integration group sees sales: its start page
        assertThat(start).contains("id=\"nav-dead-letters\"");
        String overview = engineer.get("/console/dead-letters").body();
        assertThat(overview).contains(dlq).contains("id=\"count-" + dlq + "\">2<");
        String page = engineer.get("/console/dead-letters?queue=" + dlq).body();
        assertThat(page).contains("replay me").contains("discard me").contains("VendMeterNo: 01234567897");
        Matcher ids = LETTER_ID.matcher(page);
        assertThat(ids.find()).isTrue();
        String first = ids.group(1);
        assertThat(ids.find()).isTrue();
        String second = ids.group(1);

        HttpResponse<String> replayed = engineer.post("/console/dead-letters/" + dlq + "/" + first + "/replay", Map.of());
        assertThat(replayed.statusCode()).isEqualTo(302);
        assertThat(follow(engineer, replayed)).contains("Message " + first + " sent back to " + queue + ".");
        assertThat(((TextMessage) consumer.take(queue, 10_000)).getText()).isEqualTo("replay me");

        HttpResponse<String> noReason = engineer.post("/console/dead-letters/" + dlq + "/" + second + "/discard", Map.of("reason", ""));
        assertThat(noReason.statusCode()).isEqualTo(200);
        assertThat(noReason.body()).contains("say why the message is discarded");
        HttpResponse<String> discarded = engineer.post("/console/dead-letters/" + dlq + "/" + second + "/discard",
                Map.of("reason", "test message, nobody needs it"));
        assertThat(discarded.statusCode()).isEqualTo(302);
        assertThat(follow(engineer, discarded))
                .contains("Message " + second + " discarded.").contains("This queue is empty.");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'DEAD_LETTER_DISCARDED' AND subject = ? "
                + "AND actor = 'console-integrator' AND detail LIKE '%test message, nobody needs it%'", Integer.class, dlq)).isEqualTo(1);
    }

    /** Follows a redirect as the browser does; the redirect must lead back to the queue's page. */
    private String follow(ConsoleClient browser, HttpResponse<String> redirect) {
        URI back = URI.create(redirect.headers().firstValue("Location").orElseThrow());
        assertThat(back.getRawPath()).isEqualTo("/console/dead-letters");
        return browser.get(back.getRawPath() + "?" + back.getRawQuery()).body();
    }

    @Test
    void an_operator_has_no_dead_letter_menu_and_cannot_open_the_page() {
        TestUsers.ensure(jdbc, encoder, "console-cashier", "Console-Cashier-1", "operators");
        ConsoleClient cashier = ConsoleClient.signedIn(port, "console-cashier", "Console-Cashier-1");

        assertThat(cashier.get("/console").body()).doesNotContain("nav-dead-letters");
        assertThat(cashier.get("/console/dead-letters").statusCode()).isEqualTo(403);
        assertThat(cashier.post("/console/dead-letters/DLQ.vend.cmd.submit/replay-all", Map.of()).statusCode()).isEqualTo(403);
    }
}
