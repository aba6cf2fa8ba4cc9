package org.vendinghub.pos;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.vendinghub.ledger.testsupport.Fixtures;
import org.vendinghub.ledger.vendor.NewVendor;
import org.vendinghub.ledger.vendor.VendorService;
import org.vendinghub.ledger.vendor.VendorTerms;
import org.vendinghub.support.HubIntegrationTest;
import org.vendinghub.support.TestUsers;
import org.vendinghub.support.VendFixture;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Terminal management by hub users: /api/v1/vendors/{id}/terminals, /cashiers and /pos. */
class PosAdminApiIT extends HubIntegrationTest {

    private static final String PASSWORD = "Pos-Admin-Pass-42";

    @Autowired
    VendFixture fixture;
    @Autowired
    VendorService vendors;
    @Autowired
    PosTestTerminals terminals;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void registering_a_terminal_answers_its_secret_once_and_a_new_secret_retires_the_old_one() {
        long vendorId = terminals.vendor(0);
        String terminalId = "A" + Fixtures.next();

        ResponseEntity<JsonNode> registered = admin().postForEntity(url("/api/v1/vendors/" + vendorId + "/terminals"),
                Map.of("terminalId", terminalId, "name", "Till 1"), JsonNode.class);
        String secret = registered.getBody().get("secret").asText();
        ResponseEntity<String> listed = admin().getForEntity(url("/api/v1/vendors/" + vendorId + "/terminals"), String.class);
        ResponseEntity<JsonNode> duplicate = admin().postForEntity(url("/api/v1/vendors/" + vendorId + "/terminals"),
                Map.of("terminalId", terminalId, "name", "Till 1 again"), JsonNode.class);
        String newSecret = admin().postForEntity(url("/api/v1/vendors/" + vendorId + "/terminals/" + terminalId + "/secret"), null,
                JsonNode.class).getBody().get("secret").asText();

        assertThat(registered.getStatusCode().value()).isEqualTo(201);
        assertThat(registered.getBody().at("/terminal/hasSecret").asBoolean()).isTrue();
        assertThat(secret).hasSizeGreaterThanOrEqualTo(32);
        assertThat(listed.getBody()).contains(terminalId).doesNotContain(secret);
        assertThat(jdbc.queryForObject("SELECT secret_hash FROM pos_terminal WHERE terminal_id = ?", String.class, terminalId))
                .startsWith("{bcrypt}").doesNotContain(newSecret);
        assertThat(duplicate.getStatusCode().value()).isEqualTo(409);
        assertThat(new PosClient(http, url(""), terminalId, secret).get("/api/pos/v1/terminal").getStatusCode().value()).isEqualTo(401);
        assertThat(new PosClient(http, url(""), terminalId, newSecret).get("/api/pos/v1/terminal").getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void an_announced_app_version_reaches_the_terminal_and_the_version_it_reports_reaches_terminal_management() {
        PosTestTerminals.Terminal t = terminals.vendorWithTerminal(250_00);
        String base = "/api/v1/vendors/" + t.vendorId() + "/terminals";

        ResponseEntity<JsonNode> announced = admin().exchange(url(base + "/app-version"), org.springframework.http.HttpMethod.PUT,
                new org.springframework.http.HttpEntity<>(Map.of("wantedAppVersion", "2.5.0")), JsonNode.class);
        ResponseEntity<JsonNode> status = PosClient.of(http, url(""), t).reporting("2.4.1").get("/api/pos/v1/terminal");
        JsonNode managed = admin().getForObject(url(base + "/" + t.terminalId()), JsonNode.class);

        assertThat(announced.getBody().get("terminals").asInt()).isEqualTo(1);
        assertThat(status.getHeaders().getFirst(PosCaller.WANTED_VERSION_HEADER)).isEqualTo("2.5.0");
        assertThat(status.getBody().get("wantedAppVersion").asText()).isEqualTo("2.5.0");
        assertThat(status.getBody().get("updateWanted").asBoolean()).isTrue();
        assertThat(status.getBody().at("/floatAvailable/amountMinor").asLong()).isEqualTo(250_00);
        assertThat(status.getBody().get("serverTime").asText()).isNotBlank();
        assertThat(managed.get("appVersion").asText()).isEqualTo("2.4.1");
        assertThat(managed.get("lastSeenAt").isNull()).isFalse();
    }

    @Test
    void cashiers_are_created_with_a_sound_pin_only_and_never_show_it() {
        long vendorId = terminals.vendor(0);
        String base = "/api/v1/vendors/" + vendorId + "/cashiers";

        ResponseEntity<JsonNode> trivial = admin().postForEntity(url(base), Map.of("login", "Amina", "name", "Amina", "pin", "0000"),
                JsonNode.class);
        ResponseEntity<JsonNode> created = admin().postForEntity(url(base), Map.of("login", "Amina", "name", "Amina", "pin", "7305"),
                JsonNode.class);
        ResponseEntity<String> listed = admin().getForEntity(url(base), String.class);

        assertThat(trivial.getStatusCode().value()).isEqualTo(400);
        assertThat(trivial.getBody().at("/errors/0/field").asText()).isEqualTo("pin");
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(created.getBody().get("login").asText()).isEqualTo("amina");
        assertThat(listed.getBody()).contains("amina").doesNotContain("7305").doesNotContain("bcrypt");
    }

    @Test
    void a_viewer_reads_but_cannot_register_and_a_vendor_group_user_reaches_only_the_group_s_vendors() {
        var group = vendors.createGroup("pos-group-" + Fixtures.next());
        long inside = vendors.create(new NewVendor(fixture.setup().utility().id(), "Inside " + Fixtures.next(), group.id(), null,
                VendorTerms.COMMISSION, 0, 0, 0)).id();
        long outside = terminals.vendor(0);
        String supervisor = "possuper" + Fixtures.next();
        TestUsers.ensure(jdbc, encoder, supervisor, PASSWORD, "vendor-supervisors");
        jdbc.update("UPDATE hub_user SET vendor_group_id = ? WHERE username = ?", group.id(), supervisor);
        String viewer = "posviewer" + Fixtures.next();
        TestUsers.ensure(jdbc, encoder, viewer, PASSWORD, "read-only");
        Map<String, Object> terminal = new HashMap<>(Map.of("terminalId", "G" + Fixtures.next(), "name", "Till"));

        var sup = http.withBasicAuth(supervisor, PASSWORD);
        var view = http.withBasicAuth(viewer, PASSWORD);

        assertThat(sup.postForEntity(url("/api/v1/vendors/" + inside + "/terminals"), terminal, JsonNode.class).getStatusCode().value())
                .isEqualTo(201);
        ResponseEntity<JsonNode> foreign = sup.getForEntity(url("/api/v1/vendors/" + outside + "/terminals"), JsonNode.class);
        assertThat(foreign.getStatusCode().value()).isEqualTo(403);
        assertThat(foreign.getBody().get("code").asText()).isEqualTo("OUTSIDE_VENDOR_GROUP");
        assertThat(view.getForEntity(url("/api/v1/vendors/" + inside + "/terminals"), String.class).getStatusCode().value()).isEqualTo(200);
        terminal.put("terminalId", "V" + Fixtures.next());
        assertThat(view.postForEntity(url("/api/v1/vendors/" + inside + "/terminals"), terminal, JsonNode.class).getStatusCode().value())
                .isEqualTo(403);
    }

    @Test
    void the_openapi_document_describes_the_pos_api_with_its_own_credentials() {
        JsonNode api = admin().getForObject(url("/v3/api-docs"), JsonNode.class);

        assertThat(api.at("/components/securitySchemes/posTerminal/scheme").asText()).isEqualTo("basic");
        assertThat(api.at("/components/securitySchemes/posSession/name").asText()).isEqualTo(PosCaller.SESSION_HEADER);
        JsonNode vend = api.at("/paths/~1api~1pos~1v1~1vends/post");
        assertThat(vend.at("/security/0").has("posTerminal")).isTrue();
        assertThat(vend.at("/security/0").has("posSession")).isTrue();
        assertThat(vend.at("/responses/401/description").asText()).contains("Terminal credentials");
        assertThat(api.at("/paths/~1api~1pos~1v1~1terminal/get/security/0").has("posSession")).isFalse();
        assertThat(api.at("/paths/~1api~1pos~1v1~1vends~1{vendId}~1receipt/get/responses/200/content").has("application/octet-stream")).isTrue();
        assertThat(api.at("/paths/~1api~1v1~1vendors~1{vendorId}~1terminals/post").isMissingNode()).isFalse();
    }
}
