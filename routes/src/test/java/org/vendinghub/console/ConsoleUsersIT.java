package org.vendinghub.console;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.vendinghub.support.HubIntegrationTest;
import org.vendinghub.support.TestUsers;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Users, groups, password policy, lock-out and the audit log, driven through the console's pages. */
class ConsoleUsersIT extends HubIntegrationTest {

    private static final String GOOD_PASSWORD = "Correct-Horse-Battery-9";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Test
    void our_own_login_page_signs_in_and_out() {
        ConsoleClient browser = ConsoleClient.anonymous(port);
        assertThat(browser.get("/login").body()).contains("Vending Hub", "name=\"username\"", "name=\"password\"");
        HttpResponse<String> login = browser.logIn("admin", ADMIN_PASSWORD);
        assertThat(login.headers().firstValue("Location")).hasValue(url("/console"));
        assertThat(browser.get("/console").headers().firstValue("Location")).hasValue(url("/console/dashboard"));
        assertThat(browser.get("/console/dashboard").body()).contains("Dashboard", "Sign out");

        HttpResponse<String> logout = browser.post("/logout", Map.of());
        assertThat(logout.headers().firstValue("Location")).hasValue(url("/login?logout"));
        assertThat(browser.get("/console").statusCode()).isEqualTo(302);
        assertThat(browser.get("/login?logout").body()).contains("You have signed out.");
    }

    @Test
    void an_administrator_creates_a_user_in_a_group_who_can_then_sign_in() {
        String username = unique("clerk");
        ConsoleClient admin = ConsoleClient.signedIn(port, "admin", ADMIN_PASSWORD);
        HttpResponse<String> created = admin.post("/console/users", "username=" + username, "displayName=Cash Clerk",
                "password=" + GOOD_PASSWORD, "groups=" + groupId("operators"), "enabled=on", "vendorGroupId=");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        assertThat(admin.get("/console/users").body()).contains(username, "operators");

        ConsoleClient clerk = ConsoleClient.signedIn(port, username, GOOD_PASSWORD);
        assertThat(clerk.get("/console/meters").statusCode()).isEqualTo(200);
        assertThat(clerk.get("/console/users").statusCode()).isEqualTo(403);
        assertThat(audit("USER_CREATED", username)).isEqualTo(1);
        assertThat(audit("LOGIN", username)).isEqualTo(1);
    }

    @Test
    void a_weak_password_is_refused_next_to_its_field_and_the_typed_values_stay() {
        String username = unique("weak");
        ConsoleClient admin = ConsoleClient.signedIn(port, "admin", ADMIN_PASSWORD);
        HttpResponse<String> page = admin.post("/console/users", "username=" + username, "displayName=Weak Password Person",
                "password=short", "enabled=on");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"error-password\"", "must be at least 12 characters long",
                "value=\"" + username + "\"", "value=\"Weak Password Person\"");

        page = admin.post("/console/users", "username=" + username, "displayName=Weak", "password=" + username + "-Aa1", "enabled=on");
        assertThat(page.body()).contains("must not contain the user name");
        page = admin.post("/console/users", "username=" + username, "displayName=Weak", "password=alllowercaseletters", "enabled=on");
        assertThat(page.body()).contains("must mix at least 3 of");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM hub_user WHERE username = ?", Integer.class, username)).isZero();
    }

    @Test
    void five_wrong_passwords_lock_the_account_until_an_administrator_unlocks_it() {
        String username = unique("locky");
        TestUsers.ensure(jdbc, encoder, username, GOOD_PASSWORD, "read-only");
        for (int i = 0; i < 5; i++) {
            ConsoleClient.anonymous(port).logIn(username, "wrong-password-" + i);
        }
        ConsoleClient browser = ConsoleClient.anonymous(port);
        HttpResponse<String> refused = browser.logIn(username, GOOD_PASSWORD);
        assertThat(refused.headers().firstValue("Location")).hasValue(url("/login?error"));
        assertThat(browser.get("/login?error").body()).contains("locked after too many failed sign-ins");
        assertThat(audit("USER_LOCKED", username)).isEqualTo(1);
        assertThat(audit("LOGIN_FAILED", username)).isEqualTo(5);

        ConsoleClient admin = ConsoleClient.signedIn(port, "admin", ADMIN_PASSWORD);
        Long id = jdbc.queryForObject("SELECT id FROM hub_user WHERE username = ?", Long.class, username);
        assertThat(admin.get("/console/users/" + id).body()).contains("Unlock now");
        assertThat(admin.post("/console/users/" + id + "/unlock", Map.of()).statusCode()).isEqualTo(302);
        ConsoleClient.signedIn(port, username, GOOD_PASSWORD);
        assertThat(audit("USER_UNLOCKED", username)).isEqualTo(1);
    }

    @Test
    void a_successful_sign_in_resets_the_count_of_failures() {
        String username = unique("forgetful");
        TestUsers.ensure(jdbc, encoder, username, GOOD_PASSWORD, "read-only");
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 4; i++) {
                ConsoleClient.anonymous(port).logIn(username, "wrong-password");
            }
            ConsoleClient.signedIn(port, username, GOOD_PASSWORD);
        }
        assertThat(audit("USER_LOCKED", username)).isZero();
    }

    @Test
    void a_new_group_gets_its_permissions_and_the_change_is_audited() {
        String name = unique("cashiers");
        ConsoleClient admin = ConsoleClient.signedIn(port, "admin", ADMIN_PASSWORD);
        HttpResponse<String> created = admin.post("/console/groups", "name=" + name, "description=Night shift",
                "permissions=VIEW_VENDS", "permissions=VEND");
        assertThat(created.statusCode()).isEqualTo(302);
        Long id = groupId(name);
        admin.post("/console/groups/" + id, "description=Night shift", "permissions=VIEW_VENDS");
        assertThat(jdbc.queryForList("SELECT permission FROM hub_group_permission WHERE group_id = ?", String.class, id))
                .containsExactly("VIEW_VENDS");
        assertThat(audit("GROUP_CREATED", name)).isEqualTo(1);
        assertThat(audit("GROUP_PERMISSIONS_CHANGED", name)).isEqualTo(1);

        HttpResponse<String> builtIn = admin.post("/console/groups/" + groupId("read-only"), "description=x", "permissions=VEND");
        assertThat(builtIn.body()).contains("built-in groups keep their permissions");
    }

    @Test
    void the_audit_log_is_searched_by_user_action_text_and_day() {
        String username = unique("audited");
        ConsoleClient admin = ConsoleClient.signedIn(port, "admin", ADMIN_PASSWORD);
        admin.post("/console/users", "username=" + username, "displayName=Audited", "password=" + GOOD_PASSWORD, "enabled=on");
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();

        String found = admin.get("/console/audit?actor=admin&action=USER_CREATED&text=" + username + "&from=" + today + "&to=" + today).body();
        assertThat(found).contains("<td>" + username + "</td>", "USER_CREATED");
        String none = admin.get("/console/audit?actor=nobody&action=USER_CREATED&text=" + username).body();
        assertThat(none).doesNotContain("<td>" + username + "</td>");
        assertThat(admin.get("/console/audit?from=yesterday").body()).contains("must be a date like");
    }

    @Test
    void a_user_changes_their_own_password_after_giving_the_current_one() {
        String username = unique("changer");
        TestUsers.ensure(jdbc, encoder, username, GOOD_PASSWORD, "read-only");
        ConsoleClient user = ConsoleClient.signedIn(port, username, GOOD_PASSWORD);
        HttpResponse<String> wrong = user.post("/console/account/password",
                Map.of("current", "not-it", "password", "Another-Good-Pass-42", "confirm", "Another-Good-Pass-42"));
        assertThat(wrong.body()).contains("is not your current password");
        HttpResponse<String> ok = user.post("/console/account/password",
                Map.of("current", GOOD_PASSWORD, "password", "Another-Good-Pass-42", "confirm", "Another-Good-Pass-42"));
        assertThat(ok.statusCode()).isEqualTo(302);
        ConsoleClient.signedIn(port, username, "Another-Good-Pass-42");
    }

    private Long groupId(String name) {
        return jdbc.queryForObject("SELECT id FROM hub_group WHERE name = ?", Long.class, name);
    }

    private int audit(String action, String subject) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = ? AND subject = ?", Integer.class, action, subject);
        return count == null ? 0 : count;
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
