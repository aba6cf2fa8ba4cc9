package org.vendinghub.console;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.vendinghub.ledger.testsupport.Fixtures;
import org.vendinghub.ledger.vendor.NewVendor;
import org.vendinghub.ledger.vendor.VendorService;
import org.vendinghub.ledger.vendor.VendorTerms;
import org.vendinghub.ledger.vendor.VendorView;
import org.vendinghub.pos.PosCashiers;
import org.vendinghub.support.HubIntegrationTest;
import org.vendinghub.support.TestUsers;
import org.vendinghub.support.VendFixture;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vendinghub.console.ConsoleUsersIT.unique;

/** The console page of a vendor's POS terminals and cashiers. */
class VendorTerminalsConsoleIT extends HubIntegrationTest {

    private static final String PASSWORD = "Terminals-Pass-42";
    private static final Pattern SECRET = Pattern.compile("<code class=\"token\" id=\"secret\">([^<]+)</code>");

    @Autowired
    VendFixture fixture;
    @Autowired
    VendorService vendors;
    @Autowired
    PosCashiers cashiers;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void a_registered_terminal_s_secret_is_shown_once_and_opens_the_pos_api_until_the_terminal_is_disabled() {
        VendorView vendor = vendor(null);
        ConsoleClient admin = ConsoleClient.signedIn(port, "admin", ADMIN_PASSWORD);
        assertThat(admin.get("/console/vendors/" + vendor.id()).body()).contains("/console/vendors/" + vendor.id() + "/terminals");
        String terminalId = "CT" + Fixtures.next();

        HttpResponse<String> registered = admin.post("/console/vendors/" + vendor.id() + "/terminals",
                Map.of("terminalId", terminalId, "name", "Till 1", "certSubject", "", "wantedAppVersion", "2.5.0"));

        Matcher secret = SECRET.matcher(registered.body());
        assertThat(secret.find()).as(registered.body()).isTrue();
        assertThat(terminalStatus(terminalId, secret.group(1))).isEqualTo(200);
        String later = admin.get("/console/vendors/" + vendor.id() + "/terminals").body();
        assertThat(later).contains(terminalId).contains("wanted 2.5.0").doesNotContain(secret.group(1)).doesNotContain("id=\"secret\"");

        admin.post("/console/vendors/" + vendor.id() + "/terminals/" + terminalId + "/disable", Map.of("reason", "sent for repair"));
        assertThat(admin.get("/console/vendors/" + vendor.id() + "/terminals").body()).contains("disabled: sent for repair");
        assertThat(terminalStatus(terminalId, secret.group(1))).isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'POS_TERMINAL_DISABLED' AND subject = ?",
                Integer.class, "terminal:" + terminalId)).isEqualTo(1);
    }

    @Test
    void a_cashier_with_a_trivial_pin_is_refused_with_the_reason_and_a_good_one_is_created_and_can_be_unlocked() {
        VendorView vendor = vendor(null);
        ConsoleClient admin = ConsoleClient.signedIn(port, "admin", ADMIN_PASSWORD);
        String login = "c" + Fixtures.next();

        HttpResponse<String> trivial = admin.post("/console/vendors/" + vendor.id() + "/cashiers", Map.of("login", login,
                "name", "Mary Atieno", "pin", "1234"));
        admin.post("/console/vendors/" + vendor.id() + "/cashiers", Map.of("login", login, "name", "Mary Atieno", "pin", "4821"));
        jdbc.update("UPDATE pos_cashier SET locked_until = DATE_ADD(NOW(6), INTERVAL 1 HOUR) WHERE vendor_id = ? AND login = ?",
                vendor.id(), login);
        String locked = admin.get("/console/vendors/" + vendor.id() + "/terminals").body();
        admin.post("/console/vendors/" + vendor.id() + "/cashiers/" + login + "/unlock", Map.of());

        assertThat(trivial.body()).contains("id=\"error-pin\"").contains("value=\"Mary Atieno\"").doesNotContain("value=\"1234\"");
        assertThat(locked).contains("cashier-" + login).contains("locked until");
        assertThat(cashiers.cashier(vendor.id(), login).lockedUntil()).isNull();
    }

    @Test
    void a_vendor_group_supervisor_reaches_only_the_terminals_of_the_group_and_a_viewer_changes_nothing() {
        var mine = vendors.createGroup(unique("pos-mine"));
        var other = vendors.createGroup(unique("pos-other"));
        VendorView inside = vendor(mine.id());
        VendorView outside = vendor(other.id());
        String supervisor = unique("possup");
        TestUsers.ensure(jdbc, encoder, supervisor, PASSWORD, "vendor-supervisors");
        jdbc.update("UPDATE hub_user SET vendor_group_id = ? WHERE username = ?", mine.id(), supervisor);
        String viewer = unique("posview");
        TestUsers.ensure(jdbc, encoder, viewer, PASSWORD, "read-only");

        ConsoleClient sup = ConsoleClient.signedIn(port, supervisor, PASSWORD);
        ConsoleClient view = ConsoleClient.signedIn(port, viewer, PASSWORD);

        assertThat(sup.get("/console/vendors/" + inside.id() + "/terminals").statusCode()).isEqualTo(200);
        assertThat(sup.get("/console/vendors/" + outside.id() + "/terminals").statusCode()).isEqualTo(403);
        assertThat(sup.post("/console/vendors/" + outside.id() + "/terminals", Map.of("terminalId", "X" + Fixtures.next(),
                "name", "Sneaky")).statusCode()).isEqualTo(403);
        HttpResponse<String> readOnly = view.get("/console/vendors/" + inside.id() + "/terminals");
        assertThat(readOnly.statusCode()).isEqualTo(200);
        assertThat(readOnly.body()).doesNotContain("register-form").doesNotContain("cashier-form");
        assertThat(view.post("/console/vendors/" + inside.id() + "/cashiers", Map.of("login", "x", "name", "X", "pin", "4821"))
                .statusCode()).isEqualTo(403);
    }

    private int terminalStatus(String terminalId, String secret) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(terminalId, secret);
        return http.exchange(url("/api/pos/v1/terminal"), HttpMethod.GET, new HttpEntity<>(headers), String.class).getStatusCode().value();
    }

    private VendorView vendor(Long groupId) {
        return vendors.create(new NewVendor(fixture.setup().utility().id(), "Console POS vendor " + Fixtures.next(), groupId, null,
                VendorTerms.COMMISSION, 0, 0, 0));
    }
}
