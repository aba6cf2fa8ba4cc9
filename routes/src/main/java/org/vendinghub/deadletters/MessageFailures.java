package org.vendinghub.deadletters;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The message_failure table: when a command message first and last failed, how often, and the last error. */
@Repository
class MessageFailures {

    static final int ERROR_LENGTH_MAX = 500;

    /** What the hub saw of one message's failed deliveries. */
    record Failure(String messageId, String queue, Instant firstFailedAt, Instant lastFailedAt, int failures, String lastError) {
    }

    private final JdbcTemplate jdbc;

    MessageFailures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(String messageId, String queue, Instant at, String error) {
        Timestamp when = Timestamp.from(at);
        jdbc.update("INSERT INTO message_failure (message_id, queue_name, first_failed_at, last_failed_at, failures, last_error) "
                        + "VALUES (?, ?, ?, ?, 1, ?) ON DUPLICATE KEY UPDATE last_failed_at = VALUES(last_failed_at), "
                        + "failures = failures + 1, last_error = VALUES(last_error)",
                messageId, truncate(queue, 200), when, when, truncate(error, ERROR_LENGTH_MAX));
    }

    Map<String, Failure> of(Collection<String> messageIds) {
        Map<String, Failure> found = new HashMap<>();
        List<String> ids = messageIds.stream().filter(id -> id != null).distinct().toList();
        if (ids.isEmpty()) {
            return found;
        }
        String marks = String.join(",", Collections.nCopies(ids.size(), "?"));
        jdbc.query("SELECT * FROM message_failure WHERE message_id IN (" + marks + ")",
                rs -> {
                    Failure f = failure(rs);
                    found.put(f.messageId(), f);
                }, ids.toArray());
        return found;
    }

    void forget(String messageId) {
        jdbc.update("DELETE FROM message_failure WHERE message_id = ?", messageId);
    }

    int forgetBefore(Instant before) {
        return jdbc.update("DELETE FROM message_failure WHERE last_failed_at < ?", Timestamp.from(before));
    }

    private static Failure failure(ResultSet rs) throws SQLException {
        return new Failure(rs.getString("message_id"), rs.getString("queue_name"), rs.getTimestamp("first_failed_at").toInstant(),
                rs.getTimestamp("last_failed_at").toInstant(), rs.getInt("failures"), rs.getString("last_error"));
    }

    private static String truncate(String text, int max) {
        String t = text == null ? "" : text;
        return t.length() <= max ? t : t.substring(0, max);
    }
}
