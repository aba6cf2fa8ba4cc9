package org.vendinghub.platform;

import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.Test;
import org.vendinghub.embedded.EmbeddedMariaDb;
import org.vendinghub.support.Poll;
import org.vendinghub.support.RunningHub;
import org.vendinghub.support.TestDirectories;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** With SPRING_DATASOURCE_URL and SPRING_ARTEMIS_BROKER_URL the hub uses those servers and starts no embedded one. */
class ExternalConfigurationIT {

    @Test
    void with_urls_configured_the_hub_uses_the_external_database_and_broker_and_starts_neither_itself() throws Exception {
        Path unusedDataDir = TestDirectories.fresh("external-unused-data");
        int brokerPort = freePort();
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ().setConfiguration(new ConfigurationImpl()
                .setPersistenceEnabled(false).setSecurityEnabled(false)
                .addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + brokerPort));
        broker.start();
        try (EmbeddedMariaDb database = EmbeddedMariaDb.start(TestDirectories.fresh("external-mariadb"), 0, "external_hub");
             RunningHub hub = RunningHub.start(
                     "--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=root", "--spring.datasource.password=",
                     "--spring.artemis.broker-url=tcp://127.0.0.1:" + brokerPort,
                     "--hub.data-dir=" + unusedDataDir, "--hub.bootstrap.admin-password=External-1")) {
            assertThat(hub.context().getBeanNamesForType(EmbeddedMariaDb.class)).isEmpty();
            assertThat(hub.context().getBeanNamesForType(EmbeddedActiveMQ.class)).isEmpty();
            // the data directory still holds the vending-key store; nothing of a database or a broker may be in it
            assertThat(Files.exists(unusedDataDir.resolve("mariadb"))).as("no embedded MariaDB files").isFalse();
            assertThat(Files.exists(unusedDataDir.resolve("artemis"))).as("no embedded Artemis journal").isFalse();

            assertThat(adminsIn(database)).as("admin created in the external database").isEqualTo(1);
            Poll.until("heartbeats on the external broker", Duration.ofSeconds(30), () -> {
                Queue queue = broker.getActiveMQServer().locateQueue("hub.evt.heartbeat");
                return queue != null && queue.getMessagesAdded() > 0;
            });
            assertThat(hub.get("/actuator/prometheus", "admin", "External-1").statusCode()).isEqualTo(200);
        } finally {
            broker.stop();
        }
    }

    private static int adminsIn(EmbeddedMariaDb db) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM hub_user WHERE username = 'admin'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
