package org.vendinghub.console;

import org.junit.jupiter.api.Test;
import org.vendinghub.support.HubIntegrationTest;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the hub no longer knows a browser's session (30 minutes without activity, or a restart), the user lands on the
 * login page, is told why, and comes back to the console page they were on after signing in: from a page load and from
 * an htmx request alike. The page to come back to is only ever a console page of this hub.
 */
class ConsoleSessionIT extends HubIntegrationTest {

    @Test
    void a_page_load_after_the_session_expired_shows_the_login_page_saying_so_and_returns_to_the_page_after_sign_in() {
        ConsoleClient browser = ConsoleClient.signedIn(port, "admin", ADMIN_PASSWORD);
        browser.loseSession();

        HttpResponse<String> page = browser.get("/console/meters?q=0123");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValue(url("/login?expired&next=%2Fconsole%2Fmeters%3Fq%3D0123"));
        String login = browser.get("/login?expired&next=%2Fconsole%2Fmeters%3Fq%3D0123").body();
        assertThat(login).contains("id=\"session-expired\"", "to go back to the page you were on",
                "name=\"next\" type=\"hidden\" value=\"/console/meters?q=0123\"");

        HttpResponse<String> signedIn = browser.logIn("admin", ADMIN_PASSWORD, Map.of("next", "/console/meters?q=0123"));
        assertThat(signedIn.headers().firstValue("Location")).hasValue(url("/console/meters?q=0123"));
        assertThat(browser.get("/console/meters?q=0123").statusCode()).isEqualTo(200);
    }

    @Test
    void an_htmx_request_after_the_session_expired_has_htmx_load_the_login_page_for_the_page_it_came_from() {
        ConsoleClient browser = ConsoleClient.signedIn(port, "admin", ADMIN_PASSWORD);
        browser.loseSession();

        HttpResponse<String> fragment = browser.htmxGet("/console/vend/check?meterNumber=01234567891", "/console/vend");
        assertThat(fragment.statusCode()).isEqualTo(401);
        assertThat(fragment.headers().firstValue("HX-Redirect")).hasValue("/login?expired&next=%2Fconsole%2Fvend");
        assertThat(fragment.body()).doesNotContain("meter-check");
    }

    @Test
    void a_wrong_password_keeps_the_page_to_return_to_and_a_page_outside_the_console_is_never_one() {
        ConsoleClient browser = ConsoleClient.anonymous(port);
        HttpResponse<String> wrong = browser.logIn("admin", "not-the-password", Map.of("next", "/console/vend"));
        assertThat(wrong.headers().firstValue("Location")).hasValue(url("/login?error&next=%2Fconsole%2Fvend"));
        assertThat(browser.get("/login?error&next=%2Fconsole%2Fvend").body()).contains("Wrong user name or password.",
                "value=\"/console/vend\"");

        for (String elsewhere : new String[] {"https://evil.example/console", "//evil.example/console", "/console/../login",
                "/consolex", "/console/x\r\nSet-Cookie: a=b"}) {
            HttpResponse<String> signedIn = ConsoleClient.anonymous(port).logIn("admin", ADMIN_PASSWORD, Map.of("next", elsewhere));
            assertThat(signedIn.headers().firstValue("Location")).as(elsewhere).hasValue(url("/console"));
        }
    }

    @Test
    void after_signing_out_the_login_page_does_not_claim_the_session_expired() {
        ConsoleClient browser = ConsoleClient.signedIn(port, "admin", ADMIN_PASSWORD);
        browser.post("/logout", Map.of());
        HttpResponse<String> page = browser.get("/console/vend");
        assertThat(page.headers().firstValue("Location")).hasValue(url("/login?next=%2Fconsole%2Fvend"));
    }
}
