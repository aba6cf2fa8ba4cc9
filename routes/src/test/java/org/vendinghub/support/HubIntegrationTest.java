package org.vendinghub.support;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vendinghub.VendingHubApplication;

import java.nio.file.Path;

/**
 * Base of the tests that need the running hub. Every subclass shares ONE Spring context, and with it one embedded
 * MariaDB and one Artemis, so keep the annotations here and nowhere else. Its data directory is wiped once per
 * test JVM, before the context starts.
 */
@AutoConfigureObservability(tracing = false) // Boot tests switch metrics export off; Prometheus is part of the product
@SpringBootTest(classes = VendingHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "hub.data-dir=" + HubIntegrationTest.DATA_DIR,
                "hub.bootstrap.admin-password=" + HubIntegrationTest.ADMIN_PASSWORD,
                "hub.heartbeat.period-ms=300",
                "camel.main.jmx-enabled=true"})
public abstract class HubIntegrationTest {

    public static final String DATA_DIR = "target/test-hub-data";
    public static final String ADMIN_PASSWORD = "Test-Admin-Password-1";

    static {
        TestDirectories.wipe(Path.of(DATA_DIR));
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected TestRestTemplate http;

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    protected TestRestTemplate admin() {
        return http.withBasicAuth("admin", ADMIN_PASSWORD);
    }
}
