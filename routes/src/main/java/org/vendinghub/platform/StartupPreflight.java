package org.vendinghub.platform;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.vendinghub.payments.AddressList;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Checks the configuration before anything starts, so that a wrong setting ends the start in one clear line
 * (reported by {@link HubStartupFailureAnalyzer}) instead of a stack trace from deep inside a pool or a broker.
 */
public class StartupPreflight implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment env = event.getEnvironment();
        if (!env.getProperty("hub.startup.preflight", Boolean.class, true)) {
            return;
        }
        int timeoutSeconds = env.getProperty("hub.startup.connect-timeout-seconds", Integer.class, 5);
        checkPort(env);
        checkAddressLists(env);
        if (EmbeddedMode.embeddedDatabase(env) || EmbeddedMode.embeddedBroker(env)) {
            checkDataDir(Path.of(env.getProperty("hub.data-dir", "./data")));
        }
        if (!EmbeddedMode.embeddedDatabase(env)) {
            checkDatabase(env, timeoutSeconds);
        }
        if (!EmbeddedMode.embeddedBroker(env)) {
            checkBroker(env, timeoutSeconds);
        }
    }

    static void checkPort(ConfigurableEnvironment env) {
        String raw = env.getProperty("server.port", "8080").trim();
        int port;
        try {
            port = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new HubStartupException("server port '" + raw + "' is not a number", "set SERVER_PORT to a port between 1 and 65535");
        }
        if (port < 0 || port > 65_535) {
            throw new HubStartupException("server port " + port + " is out of range", "set SERVER_PORT to a port between 1 and 65535");
        }
        if (port == 0) {
            return; // a free port is chosen by the web server
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(port));
        } catch (IOException e) {
            throw new HubStartupException("port " + port + " is already in use or not allowed (" + e.getMessage() + ")",
                    "stop the other process or set SERVER_PORT to a free port");
        }
    }

    /**
     * The callback allow-lists and trusted proxies: a typo would otherwise show only when Safaricom or MTN call back, as
     * refused callbacks (money taken, no vend) with an ALERT in the log.
     */
    static void checkAddressLists(ConfigurableEnvironment env) {
        for (String[] setting : new String[][]{{"hub.mpesa.allowed-ips", "HUB_MPESA_ALLOWED_IPS"},
                {"hub.momo.allowed-ips", "HUB_MOMO_ALLOWED_IPS"}, {"hub.payments.trusted-proxies", "HUB_PAYMENTS_TRUSTED_PROXIES"}}) {
            try {
                AddressList.parse(setting[0], optional(env, setting[0]));
            } catch (IllegalArgumentException e) {
                throw new HubStartupException(e.getMessage(), "set " + setting[1] + " to IP addresses or CIDR blocks, comma-separated "
                        + "(empty: no restriction)");
            }
        }
    }

    static void checkDataDir(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute);
        } catch (IOException | SecurityException e) {
            throw new HubStartupException("data directory " + absolute + " cannot be created (" + e.getClass().getSimpleName() + ")",
                    "set HUB_DATA_DIR (hub.data-dir) to a writable directory");
        }
        if (!Files.isDirectory(absolute) || !Files.isReadable(absolute) || !Files.isWritable(absolute) || !Files.isExecutable(absolute)) {
            throw new HubStartupException("data directory " + absolute + " is not a readable and writable directory",
                    "set HUB_DATA_DIR (hub.data-dir) to a writable directory");
        }
    }

    static void checkDatabase(ConfigurableEnvironment env, int timeoutSeconds) {
        String url = required(env, "spring.datasource.url", "SPRING_DATASOURCE_URL");
        if (!url.startsWith("jdbc:mariadb:") && !url.startsWith("jdbc:mysql:")) {
            throw new HubStartupException("database URL " + url + " is not a MariaDB URL",
                    "set SPRING_DATASOURCE_URL to jdbc:mariadb://HOST:PORT/DATABASE");
        }
        Properties props = new Properties();
        props.setProperty("user", optional(env, "spring.datasource.username"));
        props.setProperty("password", optional(env, "spring.datasource.password"));
        props.setProperty("connectTimeout", String.valueOf(timeoutSeconds * 1000));
        try (Connection ignored = DriverManager.getConnection(url, props)) {
            // reachable, and the credentials are accepted
        } catch (SQLException e) {
            throw new HubStartupException("cannot connect to the database at " + url + " (" + oneLine(e.getMessage()) + ")",
                    "check that MariaDB is running there, or set SPRING_DATASOURCE_URL / SPRING_DATASOURCE_USERNAME / "
                            + "SPRING_DATASOURCE_PASSWORD (unset SPRING_DATASOURCE_URL to use the embedded MariaDB)");
        }
    }

    static void checkBroker(ConfigurableEnvironment env, int timeoutSeconds) {
        String url = required(env, "spring.artemis.broker-url", "SPRING_ARTEMIS_BROKER_URL");
        URI uri = firstBrokerUri(url);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), timeoutSeconds * 1000);
        } catch (IOException | IllegalArgumentException e) {
            throw new HubStartupException("cannot reach the Artemis broker at " + url + " (" + oneLine(e.getMessage()) + ")",
                    "check that the broker is running there, or set SPRING_ARTEMIS_BROKER_URL "
                            + "(unset it to use the embedded broker)");
        }
    }

    private static URI firstBrokerUri(String url) {
        String first = url.replaceFirst("^\\(", "").split("[,)?]")[0];
        try {
            URI uri = URI.create(first);
            if (uri.getHost() == null || uri.getPort() < 0) {
                throw new IllegalArgumentException("no host:port");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new HubStartupException("broker URL '" + url + "' is not of the form tcp://HOST:PORT",
                    "set SPRING_ARTEMIS_BROKER_URL to tcp://HOST:PORT");
        }
    }

    private static String required(ConfigurableEnvironment env, String key, String variable) {
        try {
            String value = env.getProperty(key, "");
            if (value.isBlank()) {
                throw new HubStartupException(key + " is empty", "set " + variable);
            }
            return value;
        } catch (IllegalArgumentException unresolved) {
            throw new HubStartupException(key + " refers to a variable that is not set (" + oneLine(unresolved.getMessage()) + ")",
                    "set " + variable);
        }
    }

    private static String optional(ConfigurableEnvironment env, String key) {
        try {
            return env.getProperty(key, "");
        } catch (IllegalArgumentException unresolved) {
            throw new HubStartupException(key + " refers to a variable that is not set (" + oneLine(unresolved.getMessage()) + ")",
                    "set the variable it names");
        }
    }

    static String oneLine(String message) {
        if (message == null) {
            return "no detail";
        }
        String line = message.lines().findFirst().orElse("").trim();
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
