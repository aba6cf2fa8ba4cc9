package org.vendinghub.console;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.vendinghub.support.HubIntegrationTest;
import org.vendinghub.support.TestUsers;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Permissions are enforced on the server: calling a console URL directly does not get round a hidden menu. */
class ConsolePermissionsIT extends HubIntegrationTest {

    /** What any signed-in user may open: the start page and their own password. */
    private static final Set<String> FOR_EVERYONE = Set.of("/console", "/console/account/password");

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Test
    void a_user_without_permissions_gets_403_from_every_console_page_and_action() {
        jdbc.update("INSERT IGNORE INTO hub_group (name, description, built_in) VALUES ('console-nothing', 'no permissions', FALSE)");
        TestUsers.ensure(jdbc, encoder, "console-nobody", "Nobody-Password-1", "console-nothing");
        ConsoleClient nobody = ConsoleClient.signedIn(port, "console-nobody", "Nobody-Password-1");

        List<String> open = new ArrayList<>();
        Set<String> checked = new TreeSet<>();
        for (var mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            mapping.getHandlerMethods().keySet().forEach(info -> {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (!pattern.startsWith("/console") || FOR_EVERYONE.contains(pattern)) {
                        continue;
                    }
                    String path = pattern.replaceAll("\\{[^}]+}", "1");
                    boolean post = methods.contains(RequestMethod.POST);
                    HttpResponse<String> response = post ? nobody.post(path, Map.of()) : nobody.get(path);
                    checked.add((post ? "POST " : "GET ") + path + " -> " + response.statusCode());
                    if (response.statusCode() != 403) {
                        open.add((post ? "POST " : "GET ") + path + " answered " + response.statusCode());
                    }
                }
            });
        }
        assertThat(checked).as("console endpoints found").hasSizeGreaterThan(10);
        assertThat(open).as("console endpoints open to a user without permissions (checked: %s)", checked).isEmpty();
    }

    @Test
    void a_user_without_permissions_sees_a_menu_without_entries_but_may_open_the_start_page() {
        jdbc.update("INSERT IGNORE INTO hub_group (name, description, built_in) VALUES ('console-nothing', 'no permissions', FALSE)");
        TestUsers.ensure(jdbc, encoder, "console-nobody", "Nobody-Password-1", "console-nothing");
        ConsoleClient nobody = ConsoleClient.signedIn(port, "console-nobody", "Nobody-Password-1");
        String home = nobody.get("/console").body();
        assertThat(home).contains("Welcome").doesNotContain("nav-users", "nav-meters", "nav-key-import", "nav-audit");
        assertThat(nobody.get("/console/users").body()).contains("Not allowed");
    }

    /**
     * The pages and actions of the dashboard, the cash office and the edits, each tried by a user of a built-in group that
     * may do much else but not this: every one answers 403.
     */
    @Test
    void each_console_action_answers_403_to_a_user_who_holds_other_permissions_but_not_its_own() {
        Map<String, ConsoleClient> users = Map.of(
                "key-custodians", user("perm-keys", "key-custodians"),   // no VIEW_REPORTS, VIEW_VENDS, VEND, MANAGE_*
                "finance", user("perm-finance", "finance"),              // VIEW_VENDS but no REVERSE_VENDS, ISSUE_ENGINEERING_TOKENS
                "operators", user("perm-operator", "operators"),         // MANAGE_CUSTOMERS but no APPROVE_ADJUSTMENTS
                "read-only", user("perm-reader", "read-only"));          // VIEW_REPORTS but no MANAGE_VENDORS, MANAGE_TARIFFS
        String vend = "00000000-0000-0000-0000-000000000001";
        List<String[]> refused = List.of(
                new String[] {"key-custodians", "GET", "/console/dashboard"},
                new String[] {"key-custodians", "GET", "/console/vend/receipt/" + vend},
                new String[] {"key-custodians", "GET", "/console/vend/reprint/" + vend},
                new String[] {"key-custodians", "GET", "/console/debts/1"},
                new String[] {"finance", "GET", "/console/vend/engineering"},
                new String[] {"finance", "POST", "/console/vend/engineering"},
                new String[] {"finance", "POST", "/console/vend/receipt/" + vend + "/reversal"},
                new String[] {"operators", "POST", "/console/debts/1/write-offs"},
                new String[] {"read-only", "GET", "/console/vendors/1/edit"},
                new String[] {"read-only", "POST", "/console/vendors/1"},
                new String[] {"read-only", "POST", "/console/vendors/1/xmlvend-clients"},
                new String[] {"read-only", "GET", "/console/agents/1"},
                new String[] {"read-only", "POST", "/console/agents/1"},
                new String[] {"read-only", "POST", "/console/tariffs/1"},
                new String[] {"read-only", "POST", "/console/vend"});
        List<String> open = new ArrayList<>();
        for (String[] attempt : refused) {
            ConsoleClient client = users.get(attempt[0]);
            HttpResponse<String> response = "POST".equals(attempt[1]) ? client.post(attempt[2], Map.of()) : client.get(attempt[2]);
            if (response.statusCode() != 403) {
                open.add(attempt[0] + " " + attempt[1] + " " + attempt[2] + " answered " + response.statusCode());
            }
        }
        assertThat(open).isEmpty();
    }

    private ConsoleClient user(String name, String group) {
        TestUsers.ensure(jdbc, encoder, name, "Permission-Pass-42", group);
        return ConsoleClient.signedIn(port, name, "Permission-Pass-42");
    }
}
