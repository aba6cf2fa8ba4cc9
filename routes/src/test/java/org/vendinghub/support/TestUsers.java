package org.vendinghub.support;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.sql.Timestamp;
import java.time.Instant;

/** Creates sign-in users in a built-in group straight in the database, for tests that need other roles than admin. */
public final class TestUsers {

    private TestUsers() {
    }

    public static void ensure(JdbcTemplate jdbc, PasswordEncoder encoder, String username, String password, String groupName) {
        Integer exists = jdbc.queryForObject("SELECT COUNT(*) FROM hub_user WHERE username = ?", Integer.class, username);
        if (exists != null && exists > 0) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("INSERT INTO hub_user (username, password_hash, display_name, enabled, password_changed_at, created_at) "
                + "VALUES (?, ?, ?, TRUE, ?, ?)", username, encoder.encode(password), username, now, now);
        jdbc.update("INSERT INTO hub_user_group (user_id, group_id) SELECT u.id, g.id FROM hub_user u, hub_group g "
                + "WHERE u.username = ? AND g.name = ?", username, groupName);
    }
}
