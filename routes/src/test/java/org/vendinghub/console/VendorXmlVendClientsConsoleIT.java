package org.vendinghub.console;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.vendinghub.ledger.meter.MeterView;
import org.vendinghub.ledger.testsupport.Fixtures;
import org.vendinghub.ledger.vendor.NewVendor;
import org.vendinghub.ledger.vendor.VendorService;
import org.vendinghub.ledger.vendor.VendorTerms;
import org.vendinghub.ledger.vendor.VendorView;
import org.vendinghub.support.HubIntegrationTest;
import org.vendinghub.support.TestUsers;
import org.vendinghub.support.VendFixture;
import org.vendinghub.xmlvend.XmlVendClients;
import org.vendinghub.xmlvend.XmlVendTestClient;
import org.vendinghub.xmlvend.ws.XMLVendFault;
import org.vendinghub.xmlvend.ws.revenue.ConfirmCustomerReq;
import org.vendinghub.xmlvend.ws.revenue.ConfirmCustomerResp;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.vendinghub.console.ConsoleUsersIT.unique;

/** The console page of a vendor's XMLVend clients: what it sets up is what the SOAP service lets in. */
class VendorXmlVendClientsConsoleIT extends HubIntegrationTest {

    private static final String PASSWORD = "XmlVend-Console-Pass-42";

    @Autowired
    VendFixture fixture;
    @Autowired
    VendorService vendors;
    @Autowired
    XmlVendClients clients;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PasswordEncoder encoder;

    /** Every page the console answered in a test, to check that no password ever reaches one. */
    private final List<String> pages = new ArrayList<>();

    @Test
    void a_client_set_up_in_the_console_is_let_in_by_the_soap_service_until_its_operator_is_disabled() throws Exception {
        VendorView vendor = vendor(null);
        MeterView meter = fixture.meter();
        ConsoleClient admin = ConsoleClient.signedIn(port, "admin", ADMIN_PASSWORD);
        String base = "/console/vendors/" + vendor.id() + "/xmlvend-clients";
        assertThat(page(admin, "/console/vendors/" + vendor.id()).body()).contains("href=\"" + base + "\"");
        String ean = newEan();

        HttpResponse<String> registered = admin.post(base, "clientId=" + ean, "name=Bank gateway", "certSubject=",
                "allowedOperations=ConfirmCustomerRequest");
        HttpResponse<String> terminal = admin.post(base + "/" + ean + "/terminals", Map.of("terminalId", XmlVendTestClient.TERMINAL));
        HttpResponse<String> operator = admin.post(base + "/" + ean + "/operators",
                Map.of("opName", XmlVendTestClient.OPERATOR, "password", XmlVendTestClient.PASSWORD));

        assertThat(List.of(registered.statusCode(), terminal.statusCode(), operator.statusCode())).as(registered.body()).containsOnly(302);
        ConfirmCustomerResp accepted = XmlVendTestClient.port(url("/services/xmlvend")).confirmCustomerRequest(confirm(ean, meter));
        assertThat(accepted.getConfirmCustResult().get(0).getMeterDetail().getMsno()).isEqualTo(meter.meterNumber());
        String listed = page(admin, base).body();
        assertThat(listed).contains("client-" + ean).contains("Bank gateway").contains("ConfirmCustomerRequest")
                .contains("terminal-" + ean + "-" + XmlVendTestClient.TERMINAL).contains("operator-" + ean + "-" + XmlVendTestClient.OPERATOR)
                .doesNotContain("$2a$").doesNotContain("$2b$");
        assertThat(audited("XMLVEND_OPERATOR_SET", ean)).isEqualTo(1);

        pages.add(admin.post(base + "/" + ean + "/operators/" + XmlVendTestClient.OPERATOR + "/disable", Map.of()).body());
        XMLVendFault refused = catchThrowableOfType(XMLVendFault.class,
                () -> XmlVendTestClient.port(url("/services/xmlvend")).confirmCustomerRequest(confirm(ean, meter)));

        assertThat(refused).isNotNull();
        assertThat(refused.getFaultInfo().getFault().getClass().getSimpleName()).isEqualTo("RequestAuthorisationEx");
        assertThat(page(admin, base).body()).containsPattern("operator-" + ean + "-" + XmlVendTestClient.OPERATOR
                + "\"[^>]*>\\s*<span[^>]*>[^<]*</span>\\s*<span class=\"badge text-bg-secondary\">disabled</span>");
        assertThat(audited("XMLVEND_OPERATOR_DISABLED", ean)).isEqualTo(1);
        assertThat(pages).isNotEmpty().allSatisfy(html -> assertThat(html).doesNotContain(XmlVendTestClient.PASSWORD));
    }

    @Test
    void refusals_show_on_the_page_with_their_reason_and_never_echo_the_password() {
        VendorView vendor = vendor(null);
        VendorView otherVendor = vendor(null);
        ConsoleClient admin = ConsoleClient.signedIn(port, "admin", ADMIN_PASSWORD);
        String base = "/console/vendors/" + vendor.id() + "/xmlvend-clients";
        String ean = newEan();
        admin.post(base, Map.of("clientId", ean, "name", "Bank gateway"));
        String shortPassword = "Zq7" + Fixtures.next() % 1000; // under 8 characters

        HttpResponse<String> badId = admin.post(base, Map.of("clientId", "not an id!", "name", "Kept name"));
        HttpResponse<String> taken = admin.post(base, Map.of("clientId", ean, "name", "Second"));
        HttpResponse<String> weak = admin.post(base + "/" + ean + "/operators", Map.of("opName", "OP1", "password", shortPassword));
        HttpResponse<String> foreign = admin.post("/console/vendors/" + otherVendor.id() + "/xmlvend-clients/" + ean + "/disable", Map.of());

        assertThat(badId.statusCode()).isEqualTo(200);
        assertThat(badId.body()).contains("id=\"error-clientId\"").contains("value=\"Kept name\"");
        assertThat(taken.body()).contains("id=\"error-clientId\"").contains("already registered");
        assertThat(weak.statusCode()).isEqualTo(200);
        assertThat(weak.body()).contains("id=\"form-error\"").contains("8 to 40 characters").doesNotContain(shortPassword);
        assertThat(clients.operators(ean)).isEmpty();
        assertThat(foreign.statusCode()).isEqualTo(200);
        assertThat(foreign.body()).contains("id=\"form-error\"").contains(ean);
        assertThat(clients.client(ean).enabled()).isTrue();
    }

    @Test
    void a_viewer_sees_the_page_but_changes_nothing_and_a_group_supervisor_reaches_only_the_group_s_vendors() {
        var mine = vendors.createGroup(unique("xv-mine"));
        var other = vendors.createGroup(unique("xv-other"));
        VendorView inside = vendor(mine.id());
        VendorView outside = vendor(other.id());
        String ean = newEan();
        clients.register(ean, inside.id(), "Gateway inside", null, null);
        String supervisor = unique("xvsup");
        TestUsers.ensure(jdbc, encoder, supervisor, PASSWORD, "vendor-supervisors");
        jdbc.update("UPDATE hub_user SET vendor_group_id = ? WHERE username = ?", mine.id(), supervisor);
        String viewer = unique("xvview");
        TestUsers.ensure(jdbc, encoder, viewer, PASSWORD, "read-only");

        ConsoleClient sup = ConsoleClient.signedIn(port, supervisor, PASSWORD);
        ConsoleClient view = ConsoleClient.signedIn(port, viewer, PASSWORD);

        assertThat(sup.get("/console/vendors/" + inside.id() + "/xmlvend-clients").statusCode()).isEqualTo(200);
        // the same answer as the POS terminals page gives for a vendor outside the group (VendorScope)
        assertThat(sup.get("/console/vendors/" + outside.id() + "/xmlvend-clients").statusCode()).isEqualTo(403);
        assertThat(sup.post("/console/vendors/" + outside.id() + "/xmlvend-clients", Map.of("clientId", newEan(), "name", "Sneaky"))
                .statusCode()).isEqualTo(403);
        HttpResponse<String> readOnly = view.get("/console/vendors/" + inside.id() + "/xmlvend-clients");
        assertThat(readOnly.statusCode()).isEqualTo(200);
        assertThat(readOnly.body()).contains("client-" + ean).doesNotContain("client-form").doesNotContain("set-operator-");
        assertThat(view.post("/console/vendors/" + inside.id() + "/xmlvend-clients/" + ean + "/disable", Map.of()).statusCode())
                .isEqualTo(403);
        assertThat(clients.client(ean).enabled()).isTrue();
    }

    private HttpResponse<String> page(ConsoleClient browser, String path) {
        HttpResponse<String> response = browser.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        pages.add(response.body());
        return response;
    }

    private int audited(String action, String ean) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = ? AND subject = ? AND actor = 'admin'",
                Integer.class, action, "xmlvend:" + ean);
    }

    private static ConfirmCustomerReq confirm(String ean, MeterView meter) {
        return XmlVendTestClient.vendHeader(new ConfirmCustomerReq(), ean, XmlVendTestClient.newMsgId(), meter.meterNumber());
    }

    /** A 13-digit clientID no other test uses (the XMLVend tests take 60…). */
    private static String newEan() {
        return String.format("61%011d", ThreadLocalRandom.current().nextLong(100_000_000_000L));
    }

    private VendorView vendor(Long groupId) {
        return vendors.create(new NewVendor(fixture.setup().utility().id(), "Console XMLVend vendor " + Fixtures.next(), groupId, null,
                VendorTerms.COMMISSION, 0, 0, 0));
    }
}
