package org.vendinghub.housekeeping;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vendinghub.support.HubIntegrationTest;
import org.vendinghub.support.Poll;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class HeartbeatIT extends HubIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Heartbeat heartbeat;

    @Autowired
    NodeIdentity node;

    @Test
    void the_heartbeat_route_writes_this_node_into_the_database_and_its_beats_come_back_through_artemis() {
        Poll.until("three beats recorded", Duration.ofSeconds(20), () -> beats() >= 3);
        Poll.until("a beat returned through the broker", Duration.ofSeconds(20), () -> heartbeat.returnedCount() >= 1);
    }

    @Test
    void prometheus_shows_the_camel_route_metrics_of_the_heartbeat() {
        Poll.until("a beat returned", Duration.ofSeconds(20), () -> heartbeat.returnedCount() >= 1);
        String metrics = admin().getForObject(url("/actuator/prometheus"), String.class);
        assertThat(metrics).contains("camel_exchanges_total{", "routeId=\"hub-heartbeat\"", "routeId=\"hub-heartbeat-in\"",
                "hub_heartbeat_returned_total");
    }

    private long beats() {
        Long beats = jdbc.queryForObject("SELECT COALESCE(MAX(beats), 0) FROM hub_node WHERE node_id = ?", Long.class, node.nodeId());
        return beats == null ? 0 : beats;
    }
}
