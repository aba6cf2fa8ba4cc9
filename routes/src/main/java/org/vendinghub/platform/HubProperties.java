package org.vendinghub.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/** The hub's own settings ({@code hub.*}); documented in config/application.yml. */
@ConfigurationProperties("hub")
public record HubProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("") String nodeId,
        @DefaultValue Embedded embedded,
        @DefaultValue Bootstrap bootstrap,
        @DefaultValue Startup startup,
        @DefaultValue Heartbeat heartbeat) {

    public record Embedded(@DefaultValue("0") int mariadbPort, @DefaultValue("vendinghub") String database) {
    }

    public record Bootstrap(@DefaultValue("") String adminPassword) {
        @Override
        public String toString() {
            return "Bootstrap[adminPassword=" + (adminPassword.isEmpty() ? "" : "***") + "]";
        }
    }

    public record Startup(@DefaultValue("5") int connectTimeoutSeconds) {
    }

    public record Heartbeat(@DefaultValue("15000") long periodMs) {
    }
}
