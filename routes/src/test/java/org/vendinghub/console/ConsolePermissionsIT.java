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
}
