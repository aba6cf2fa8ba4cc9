package org.vendinghub.housekeeping;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

/**
 * Step bean of the heartbeat routes: records in the database that this node is alive, and counts the beats that
 * came back through the broker, so that one route proves the database and the other the broker.
 */
@Component
public class Heartbeat {

    private final JdbcTemplate jdbc;
    private final NodeIdentity node;
    private final Clock clock;
    private final Counter returned;
    private final Instant startedAt;

    Heartbeat(JdbcTemplate jdbc, NodeIdentity node, Clock clock, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.node = node;
        this.clock = clock;
        this.returned = Counter.builder("hub.heartbeat.returned").description("Heartbeats that came back through the broker")
                .register(registry);
        this.startedAt = clock.instant();
    }

    /** Upserts this node's row; returns the beat message sent through the broker. */
    public String beat() {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                INSERT INTO hub_node (node_id, started_at, last_beat_at, beats) VALUES (?, ?, ?, 1)
                ON DUPLICATE KEY UPDATE last_beat_at = VALUES(last_beat_at), beats = beats + 1""",
                node.nodeId(), Timestamp.from(startedAt), now);
        return node.nodeId() + " " + now.toInstant();
    }

    public void returned(String beat) {
        returned.increment();
    }

    public double returnedCount() {
        return returned.count();
    }
}
