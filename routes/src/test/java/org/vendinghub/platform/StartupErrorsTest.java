package org.vendinghub.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.vendinghub.VendingHubApplication;
import org.vendinghub.support.TestDirectories;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A wrong setting stops the start at once, with one line that names the problem and the setting to change. */
@ExtendWith(OutputCaptureExtension.class)
class StartupErrorsTest {

    @Test
    void a_port_that_is_not_a_number_is_named(CapturedOutput output) {
        assertStartRefused(output, "Vending Hub did not start: server port 'eighty' is not a number",
                "To fix: set SERVER_PORT to a port between 1 and 65535", "--server.port=eighty");
    }

    @Test
    void a_port_out_of_range_is_named(CapturedOutput output) {
        assertStartRefused(output, "Vending Hub did not start: server port 70000 is out of range",
                "To fix: set SERVER_PORT", "--server.port=70000");
    }

    @Test
    void a_port_in_use_is_named(CapturedOutput output) throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            assertStartRefused(output, "Vending Hub did not start: port " + taken.getLocalPort() + " is already in use",
                    "To fix: stop the other process or set SERVER_PORT to a free port", "--server.port=" + taken.getLocalPort());
        }
    }

    @Test
    void a_data_directory_that_cannot_be_created_is_named(CapturedOutput output) throws IOException {
        Path dir = Files.createDirectories(TestDirectories.fresh("startup-errors"));
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        assertStartRefused(output, "Vending Hub did not start: data directory " + file.toAbsolutePath().resolve("data") + " cannot be created",
                "To fix: set HUB_DATA_DIR (hub.data-dir) to a writable directory", "--hub.data-dir=" + file.resolve("data"));
    }

    @Test
    void an_unreachable_external_database_is_named(CapturedOutput output) {
        assertStartRefused(output, "Vending Hub did not start: cannot connect to the database at jdbc:mariadb://127.0.0.1:1/hub",
                "To fix: check that MariaDB is running there, or set SPRING_DATASOURCE_URL",
                "--spring.datasource.url=jdbc:mariadb://127.0.0.1:1/hub", "--hub.startup.connect-timeout-seconds=1");
    }

    @Test
    void the_prod_profile_without_a_database_url_is_named(CapturedOutput output) {
        assertStartRefused(output, "Vending Hub did not start: spring.datasource.url refers to a variable that is not set",
                "To fix: set SPRING_DATASOURCE_URL", "--spring.profiles.active=prod");
    }

    @Test
    void an_unreachable_external_broker_is_named(CapturedOutput output) {
        assertStartRefused(output, "Vending Hub did not start: cannot reach the Artemis broker at tcp://127.0.0.1:1",
                "To fix: check that the broker is running there, or set SPRING_ARTEMIS_BROKER_URL",
                "--spring.artemis.broker-url=tcp://127.0.0.1:1", "--hub.startup.connect-timeout-seconds=1",
                "--hub.data-dir=target/startup-errors-broker");
    }

    @Test
    void a_callback_allow_list_entry_that_is_not_an_address_is_named(CapturedOutput output) {
        assertStartRefused(output, "Vending Hub did not start: hub.mpesa.allowed-ips must list IP addresses or CIDR blocks such as "
                        + "10.0.0.0/8, not 'callbacks.safaricom.example'", "To fix: set HUB_MPESA_ALLOWED_IPS",
                "--hub.mpesa.allowed-ips=196.201.214.200, callbacks.safaricom.example");
    }

    private static void assertStartRefused(CapturedOutput output, String problem, String fix, String... args) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(VendingHubApplication.class).run(args))
                .isInstanceOf(HubStartupException.class);
        assertThat(output.getOut() + output.getErr()).contains(problem).contains(fix);
        assertThat((output.getOut() + output.getErr()).lines().filter(l -> l.startsWith("\tat ")).count())
                .as("stack trace lines printed").isZero();
    }
}
