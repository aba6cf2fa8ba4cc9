package org.vendinghub.security;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.vendinghub.support.HubIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class BootstrapAdminIT extends HubIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Test
    void the_first_start_creates_admin_with_the_configured_password_stored_only_as_a_bcrypt_hash() {
        String hash = jdbc.queryForObject("SELECT password_hash FROM hub_user WHERE username = 'admin'", String.class);
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(ADMIN_PASSWORD);
        assertThat(encoder.matches(ADMIN_PASSWORD, hash)).isTrue();
        assertThat(admin().getForEntity(url("/actuator/prometheus"), String.class).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void admin_is_an_administrator_holding_every_permission() {
        Integer granted = jdbc.queryForObject("""
                SELECT COUNT(DISTINCT gp.permission) FROM hub_user u
                JOIN hub_user_group ug ON ug.user_id = u.id JOIN hub_group_permission gp ON gp.group_id = ug.group_id
                WHERE u.username = 'admin'""", Integer.class);
        assertThat(granted).isEqualTo(Permission.values().length);
    }

    @Test
    void every_built_in_group_exists_once_with_its_permissions() {
        for (BuiltInGroup group : BuiltInGroup.values()) {
            Integer permissions = jdbc.queryForObject("""
                    SELECT COUNT(*) FROM hub_group g JOIN hub_group_permission gp ON gp.group_id = g.id
                    WHERE g.name = ? AND g.built_in""", Integer.class, group.groupName());
            assertThat(permissions).as(group.groupName()).isEqualTo(group.permissions().size());
        }
    }

    @Test
    void the_creation_of_admin_is_in_the_audit_trail() {
        Integer events = jdbc.queryForObject(
                "SELECT COUNT(*) FROM audit_event WHERE action = 'USER_CREATED' AND subject = 'admin' AND actor = 'system'", Integer.class);
        assertThat(events).isEqualTo(1);
    }
}
