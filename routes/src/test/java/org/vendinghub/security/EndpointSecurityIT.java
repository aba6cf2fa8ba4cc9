package org.vendinghub.security;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.vendinghub.support.BrowserSession;
import org.vendinghub.support.HubIntegrationTest;

import java.net.http.HttpResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class EndpointSecurityIT extends HubIntegrationTest {

    /** The only paths anybody may open without signing in. */
    private static final Set<String> PUBLIC = Set.of("/actuator/health", "/actuator/health/**", "/login", "/error");

    /** Mobile-money providers cannot sign in: their callbacks are protected by an unguessable secret in the path. */
    private static final String SECRET_PATH_CALLBACKS = "/callbacks/";

    @Autowired
    ApplicationContext context;

    @Test
    void a_provider_callback_with_a_wrong_path_secret_is_answered_404_and_a_get_on_xmlvend_is_told_to_post() {
        for (String path : List.of("/callbacks/mpesa/not-the-secret/c2b/confirmation", "/callbacks/paybill/not-the-secret/confirmation",
                "/callbacks/momo/not-the-secret/requesttopay", "/callbacks/momo/not-the-secret/refund/r-1",
                "/callbacks/mpesa/not-the-secret/status/r-1")) {
            assertThat(anonymous(HttpMethod.POST, path).getStatusCode().value()).as(path).isEqualTo(404);
        }
        ResponseEntity<String> get = anonymous(HttpMethod.GET, "/services/xmlvend");
        assertThat(get.getStatusCode().value()).isEqualTo(405);
        assertThat(get.getHeaders().getFirst("Allow")).isEqualTo("POST");
    }

    @Test
    void every_mapped_endpoint_refuses_a_caller_who_has_not_signed_in() {
        List<String> open = new ArrayList<>();
        Set<String> checked = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            mapping.getHandlerMethods().keySet().forEach(info -> {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (PUBLIC.contains(pattern) || pattern.startsWith(SECRET_PATH_CALLBACKS)) {
                        continue; // callbacks are checked below: they carry a secret in the path instead of a user
                    }
                    HttpMethod method = methods.isEmpty() ? HttpMethod.GET : HttpMethod.valueOf(methods.iterator().next().name());
                    String path = pattern.replaceAll("\\{\\*?[^}]+}", "1").replace("/**", "/x");
                    HttpStatus status = HttpStatus.valueOf(anonymous(method, path).getStatusCode().value());
                    checked.add(method + " " + path + " -> " + status.value());
                    boolean refused = status == HttpStatus.UNAUTHORIZED || (!method.equals(HttpMethod.GET) && status == HttpStatus.FORBIDDEN);
                    if (!refused) {
                        open.add(method + " " + path + " answered " + status.value());
                    }
                }
            });
        }
        assertThat(checked).as("endpoints found").hasSizeGreaterThan(5);
        assertThat(open).as("endpoints open to anonymous callers (checked: %s)", checked).isEmpty();
    }

    @Test
    void unmapped_paths_and_the_consoles_refuse_anonymous_callers_too() {
        for (String path : List.of("/", "/api/v1/anything", "/actuator/prometheus", "/actuator/hawtio/", "/actuator/jolokia/version",
                "/v3/api-docs", "/swagger-ui.html", "/services/other")) {
            assertThat(anonymous(HttpMethod.GET, path).getStatusCode().value()).as(path).isEqualTo(401);
        }
    }

    @Test
    void health_is_public_and_reports_the_database_and_the_broker_without_details() {
        ResponseEntity<String> health = http.getForEntity(url("/actuator/health"), String.class);
        assertThat(health.getStatusCode().value()).isEqualTo(200);
        assertThat(health.getBody()).contains("\"db\":{\"status\":\"UP\"}", "\"jms\":{\"status\":\"UP\"}")
                .doesNotContain("details");
    }

    @Test
    void a_browser_is_sent_to_the_login_form_and_an_api_client_is_asked_for_basic_credentials() {
        HttpResponse<String> page = new BrowserSession(port).get("/actuator/hawtio/");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValue(url("/login"));

        ResponseEntity<String> api = anonymous(HttpMethod.GET, "/actuator/prometheus");
        assertThat(api.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Basic realm=\"vending-hub\"");
    }

    @Test
    void a_browser_gets_the_xsrf_cookie_and_an_api_client_signing_in_with_basic_gets_no_cookie_at_all() {
        HttpResponse<String> page = new BrowserSession(port).get("/login");
        assertThat(page.headers().allValues(HttpHeaders.SET_COOKIE)).anySatisfy(c -> assertThat(c).startsWith("XSRF-TOKEN="));

        ResponseEntity<String> api = admin().getForEntity(url("/api/v1/meters?size=1"), String.class);
        assertThat(api.getStatusCode().value()).isEqualTo(200);
        assertThat(api.getHeaders().get(HttpHeaders.SET_COOKIE)).as("nothing for a client that keeps no cookies").isNull();
    }

    @Test
    void a_wrong_password_is_refused() {
        ResponseEntity<String> response = http.withBasicAuth("admin", "not-the-password").getForEntity(url("/actuator/prometheus"), String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void the_login_page_is_served_to_anyone() {
        ResponseEntity<String> login = http.getForEntity(url("/login"), String.class);
        assertThat(login.getStatusCode().value()).isEqualTo(200);
        assertThat(login.getBody()).contains("name=\"username\"", "name=\"password\"");
    }

    private ResponseEntity<String> anonymous(HttpMethod method, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        return http.exchange(url(path), method, new HttpEntity<>(headers), String.class);
    }
}
