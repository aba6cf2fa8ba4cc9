package org.vendinghub.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;
import org.vendinghub.embedded.EmbeddedMariaDb;
import org.vendinghub.support.RunningHub;
import org.vendinghub.support.TestDirectories;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** With no configuration the hub runs on its own MariaDB and Artemis, keeps their data, and two hubs can share a machine. */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedRestartIT {

    private static final Pattern GENERATED = Pattern.compile("generated password: (\\S+)");
    private static final String ADMIN_HASH = "SELECT password_hash FROM hub_user WHERE username = 'admin'";

    @Test
    void two_hubs_run_side_by_side_and_a_restarted_hub_keeps_its_users_and_its_queued_messages(CapturedOutput output) {
        Path dirA = TestDirectories.fresh("restart-hub-a");
        Path dirB = TestDirectories.fresh("restart-hub-b");
        String passwordA;
        String hashA;
        try (RunningHub a = RunningHub.start("--hub.data-dir=" + dirA)) {
            passwordA = lastGeneratedPassword(output.getOut());
            try (RunningHub b = RunningHub.start("--hub.data-dir=" + dirB)) {
                assertThat(a.port()).isNotEqualTo(b.port());
                assertThat(a.bean(EmbeddedMariaDb.class).port()).isNotEqualTo(b.bean(EmbeddedMariaDb.class).port());
                assertThat(a.get("/actuator/health", null, null).body()).contains("\"status\":\"UP\"");
                assertThat(b.get("/actuator/health", null, null).body()).contains("\"status\":\"UP\"");
            }
            hashA = a.bean(JdbcTemplate.class).queryForObject(ADMIN_HASH, String.class);
            a.bean(JmsTemplate.class).convertAndSend("hub.test.parked", "kept across a restart");
            assertThat(a.get("/actuator/prometheus", "admin", passwordA).statusCode()).isEqualTo(200);
        }
        assertThat(GENERATED.matcher(output.getOut()).results().count()).as("passwords generated, one per new hub").isEqualTo(2);

        try (RunningHub again = RunningHub.start("--hub.data-dir=" + dirA)) {
            assertThat(again.bean(JdbcTemplate.class).queryForObject(ADMIN_HASH, String.class)).isEqualTo(hashA);
            assertThat(again.get("/actuator/prometheus", "admin", passwordA).statusCode()).isEqualTo(200);
            JmsTemplate jms = again.bean(JmsTemplate.class);
            jms.setReceiveTimeout(10_000);
            assertThat(jms.receiveAndConvert("hub.test.parked")).isEqualTo("kept across a restart");
        }
        assertThat(GENERATED.matcher(output.getOut()).results().count()).as("no new password at a restart").isEqualTo(2);
    }

    private static String lastGeneratedPassword(String out) {
        Matcher m = GENERATED.matcher(out);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        assertThat(last).as("generated admin password in the log").isNotNull();
        return last;
    }
}
