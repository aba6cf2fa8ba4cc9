package org.vendinghub.security;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.debugger.DebuggerJmxConnectorService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.vendinghub.support.BrowserSession;
import org.vendinghub.support.HubIntegrationTest;
import org.vendinghub.support.TestUsers;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class HawtioIT extends HubIntegrationTest {

    private static final String SEARCH_ROUTES = "{\"type\":\"search\",\"mbean\":\"org.apache.camel:type=routes,*\"}";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    CamelContext camel;

    @BeforeEach
    void users() {
        TestUsers.ensure(jdbc, encoder, "reader", "Reader-Password-1", BuiltInGroup.READ_ONLY.groupName());
        TestUsers.ensure(jdbc, encoder, "integrator", "Integrator-Password-1", BuiltInGroup.INTEGRATION.groupName());
    }

    @Test
    void a_signed_in_integration_engineer_opens_hawtio_and_its_jolokia_lists_the_camel_routes() {
        BrowserSession browser = new BrowserSession(port);
        HttpResponse<String> login = browser.logIn("integrator", "Integrator-Password-1");
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));

        HttpResponse<String> console = browser.get("/actuator/hawtio/");
        assertThat(console.statusCode()).isEqualTo(200);
        assertThat(console.body()).containsIgnoringCase("hawtio");

        assertThat(browser.get("/actuator/hawtio/user").body().trim()).isEqualTo("\"integrator\"");

        HttpResponse<String> routes = browser.postJson("/actuator/jolokia/", SEARCH_ROUTES, true);
        assertThat(routes.statusCode()).isEqualTo(200);
        assertThat(routes.body()).contains("name=\\\"hub-heartbeat\\\"", "name=\\\"hub-heartbeat-in\\\"");
    }

    @Test
    void a_jolokia_post_from_the_session_without_the_xsrf_header_is_refused() {
        BrowserSession browser = new BrowserSession(port);
        browser.logIn("integrator", "Integrator-Password-1");
        assertThat(browser.postJson("/actuator/jolokia/", SEARCH_ROUTES, false).statusCode()).isEqualTo(403);
    }

    @Test
    void the_route_tracer_is_on_standby_for_hawtio_and_there_is_no_debugger_and_no_open_jmx_connector() {
        String tracers = admin().getForObject(url("/actuator/jolokia/search/org.apache.camel:type=tracer,*"), String.class);
        assertThat(tracers).contains("name=BacklogTracer").doesNotContain("name=BacklogDebugger");
        assertThat(camel.isDebugging()).isFalse();
        assertThat(camel.hasService(DebuggerJmxConnectorService.class)).as("an RMI connector without authentication").isNull();
        assertThat(camel.isMessageHistory()).as("message history makes the standby tracer dump every message").isFalse();
    }

    @Test
    void a_user_without_the_view_routes_permission_gets_no_hawtio_no_jolokia_and_no_metrics() {
        BrowserSession browser = new BrowserSession(port);
        assertThat(browser.logIn("reader", "Reader-Password-1").statusCode()).isEqualTo(302);
        assertThat(browser.get("/actuator/hawtio/").statusCode()).isEqualTo(403);
        assertThat(browser.get("/actuator/jolokia/version").statusCode()).isEqualTo(403);
        assertThat(http.withBasicAuth("reader", "Reader-Password-1").getForEntity(url("/actuator/prometheus"), String.class)
                .getStatusCode().value()).isEqualTo(403);
    }
}
