package org.vendinghub.pos;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vendinghub.ledger.meter.MeterView;
import org.vendinghub.ledger.testsupport.LedgerInvariants;
import org.vendinghub.ledger.vendor.VendorService;
import org.vendinghub.support.HubIntegrationTest;
import org.vendinghub.support.VendFixture;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Who may use the POS API, and how precisely everything else is refused. */
class PosTerminalSecurityIT extends HubIntegrationTest {

    @Autowired
    PosTestTerminals terminals;
    @Autowired
    PosTerminals terminalAdmin;
    @Autowired
    PosCashiers cashierAdmin;
    @Autowired
    PosTerminalAuthentication authentication;
    @Autowired
    VendFixture fixture;
    @Autowired
    VendorService vendors;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_wrong_secret_an_unknown_terminal_no_credentials_and_a_hub_user_are_all_refused_with_401() {
        PosTestTerminals.Terminal t = terminals.vendorWithTerminal(0);

        ResponseEntity<JsonNode> wrong = new PosClient(http, url(""), t.terminalId(), "not-the-secret").get("/api/pos/v1/terminal");
        ResponseEntity<JsonNode> unknown = new PosClient(http, url(""), "NO-SUCH-TERMINAL", t.secret()).get("/api/pos/v1/terminal");
        ResponseEntity<JsonNode> hubUser = new PosClient(http, url(""), "admin", ADMIN_PASSWORD).get("/api/pos/v1/terminal");
        ResponseEntity<JsonNode> none = http.getForEntity(url("/api/pos/v1/terminal"), JsonNode.class);

        assertThat(wrong.getStatusCode().value()).isEqualTo(401);
        assertThat(wrong.getBody().get("code").asText()).isEqualTo("BAD_TERMINAL_CREDENTIALS");
        assertThat(wrong.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Basic realm=\"vending-hub-pos\"");
        assertThat(wrong.getBody().get("detail").asText()).doesNotContain("not-the-secret");
        assertThat(unknown.getBody().get("code").asText()).isEqualTo("BAD_TERMINAL_CREDENTIALS");
        assertThat(hubUser.getStatusCode().value()).isEqualTo(401);
        assertThat(none.getStatusCode().value()).isEqualTo(401);
        assertThat(none.getBody().get("code").asText()).isEqualTo("TERMINAL_CREDENTIALS_REQUIRED");
        assertThat(PosClient.of(http, url(""), t).get("/api/pos/v1/terminal").getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void a_disabled_terminal_is_refused_with_the_reason_and_its_cashier_must_sign_in_again_once_enabled() {
        PosTestTerminals.Terminal t = terminals.vendorWithTerminal(100_00);
        PosClient pos = PosClient.of(http, url(""), t).signedIn(t.cashier());

        terminalAdmin.setEnabled(t.vendorId(), t.terminalId(), false, "reported stolen", "test");
        ResponseEntity<JsonNode> disabled = pos.get("/api/pos/v1/terminal");
        terminalAdmin.setEnabled(t.vendorId(), t.terminalId(), true, null, "test");
        ResponseEntity<JsonNode> enabledAgain = pos.get("/api/pos/v1/shifts/current");

        assertThat(disabled.getStatusCode().value()).isEqualTo(403);
        assertThat(disabled.getBody().get("code").asText()).isEqualTo("TERMINAL_DISABLED");
        assertThat(disabled.getBody().get("detail").asText()).contains("reported stolen");
        assertThat(enabledAgain.getStatusCode().value()).isEqualTo(401);
        assertThat(enabledAgain.getBody().get("code").asText()).isEqualTo("SESSION_ENDED");
    }

    @Test
    void a_vendor_whose_pos_selling_is_suspended_is_refused_on_every_terminal() {
        PosTestTerminals.Terminal t = terminals.vendorWithTerminal(100_00);
        PosTestTerminals.Terminal second = terminals.terminal(t.vendorId(), t.cashier());

        terminalAdmin.setVendorEnabled(t.vendorId(), false, "float deposit bounced", "test");
        ResponseEntity<JsonNode> first = PosClient.of(http, url(""), t).get("/api/pos/v1/terminal");
        ResponseEntity<JsonNode> other = PosClient.of(http, url(""), second).signIn(t.cashier(), PosTestTerminals.PIN);
        terminalAdmin.setVendorEnabled(t.vendorId(), true, null, "test");

        assertThat(first.getStatusCode().value()).isEqualTo(403);
        assertThat(first.getBody().get("code").asText()).isEqualTo("VENDOR_DISABLED");
        assertThat(first.getBody().get("detail").asText()).contains("float deposit bounced");
        assertThat(other.getBody().get("code").asText()).isEqualTo("VENDOR_DISABLED");
        assertThat(PosClient.of(http, url(""), t).get("/api/pos/v1/terminal").getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void five_wrong_pins_lock_the_cashier_even_for_the_right_pin_until_a_manager_unlocks() {
        PosTestTerminals.Terminal t = terminals.vendorWithTerminal(0);
        PosClient pos = PosClient.of(http, url(""), t);

        for (int i = 0; i < 5; i++) {
            ResponseEntity<JsonNode> wrong = pos.signIn(t.cashier(), "9517");
            assertThat(wrong.getStatusCode().value()).isEqualTo(401);
            assertThat(wrong.getBody().get("code").asText()).isEqualTo("BAD_CASHIER_CREDENTIALS");
        }
        ResponseEntity<JsonNode> locked = pos.signIn(t.cashier(), PosTestTerminals.PIN);
        cashierAdmin.unlock(t.vendorId(), t.cashier(), "test");
        ResponseEntity<JsonNode> unlocked = pos.signIn(t.cashier(), PosTestTerminals.PIN);

        assertThat(locked.getStatusCode().value()).isEqualTo(403);
        assertThat(locked.getBody().get("code").asText()).isEqualTo("CASHIER_LOCKED");
        assertThat(unlocked.getStatusCode().value()).isEqualTo(201);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'POS_CASHIER_LOCKED' AND subject = ?",
                Integer.class, "cashier:" + t.vendorId() + "/" + t.cashier())).isEqualTo(1);
    }

    @Test
    void operator_calls_need_a_cashier_session_of_this_terminal_and_a_signed_out_session_is_ended() {
        PosTestTerminals.Terminal t = terminals.vendorWithTerminal(0);
        PosTestTerminals.Terminal sibling = terminals.terminal(t.vendorId(), t.cashier());
        PosClient pos = PosClient.of(http, url(""), t);
        PosClient signedIn = PosClient.of(http, url(""), t).signedIn(t.cashier());

        ResponseEntity<JsonNode> noSession = pos.post("/api/pos/v1/shifts", null);
        ResponseEntity<JsonNode> borrowed = PosClient.of(http, url(""), sibling).withSession(signedIn.session()).post("/api/pos/v1/shifts", null);
        ResponseEntity<JsonNode> signOut = signedIn.delete("/api/pos/v1/sessions/current");
        ResponseEntity<JsonNode> afterSignOut = signedIn.post("/api/pos/v1/shifts", null);

        assertThat(noSession.getStatusCode().value()).isEqualTo(401);
        assertThat(noSession.getBody().get("code").asText()).isEqualTo("OPERATOR_LOGIN_REQUIRED");
        assertThat(borrowed.getStatusCode().value()).isEqualTo(401);
        assertThat(borrowed.getBody().get("code").asText()).isEqualTo("SESSION_INVALID");
        assertThat(signOut.getStatusCode().value()).isEqualTo(204);
        assertThat(afterSignOut.getBody().get("code").asText()).isEqualTo("SESSION_ENDED");
    }

    @Test
    void another_terminal_cannot_see_reprint_or_reverse_a_vend_and_an_earlier_shift_s_vend_is_not_reversed_here() {
        PosTestTerminals.Terminal t = terminals.vendorWithTerminal(500_00);
        PosTestTerminals.Terminal sibling = terminals.terminal(t.vendorId(), t.cashier());
        PosClient seller = PosClient.of(http, url(""), t).signedIn(t.cashier());
        PosClient other = PosClient.of(http, url(""), sibling).signedIn(t.cashier());
        seller.post("/api/pos/v1/shifts", null);
        other.post("/api/pos/v1/shifts", null);
        String vendId = seller.vend("mine-1", fixture.meter().meterNumber(), 58_00).getBody().get("vendId").asText();

        assertThat(other.get("/api/pos/v1/vends/" + vendId).getStatusCode().value()).isEqualTo(404);
        assertThat(other.bytes("/api/pos/v1/vends/" + vendId + "/receipt").getStatusCode().value()).isEqualTo(404);
        ResponseEntity<JsonNode> reversal = other.post("/api/pos/v1/vends/" + vendId + "/reversal", Map.of("reason", "not mine"));
        assertThat(reversal.getStatusCode().value()).isEqualTo(404);
        assertThat(vendors.vendor(t.vendorId()).availableMinor()).isEqualTo(500_00 - 58_00);

        seller.post("/api/pos/v1/shifts/current/close", null);
        seller.post("/api/pos/v1/shifts", null);
        ResponseEntity<JsonNode> earlier = seller.post("/api/pos/v1/vends/" + vendId + "/reversal", Map.of("reason", "yesterday's"));
        assertThat(earlier.getStatusCode().value()).isEqualTo(409);
        assertThat(earlier.getBody().get("code").asText()).isEqualTo("NOT_IN_CURRENT_SHIFT");
        assertThat(seller.post("/api/pos/v1/shifts", null).getBody().get("code").asText()).isEqualTo("SHIFT_ALREADY_OPEN");
    }

    @Test
    void a_meter_of_another_utility_is_refused_other_utility_and_nothing_is_charged() {
        PosTestTerminals.Terminal t = terminals.vendorWithTerminal(1_000_00);
        PosClient pos = PosClient.of(http, url(""), t).signedIn(t.cashier());
        pos.post("/api/pos/v1/shifts", null);
        MeterView foreign = fixture.meterOfAnotherUtility();

        ResponseEntity<JsonNode> refused = pos.vend("foreign-1", foreign.meterNumber(), 116_00);

        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody().get("code").asText()).isEqualTo("OTHER_UTILITY");
        assertThat(vendors.vendor(t.vendorId()).availableMinor()).isEqualTo(1_000_00);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vend_token t JOIN vend v ON v.id = t.vend_id WHERE v.meter_number = ?",
                Integer.class, foreign.meterNumber())).isZero();
    }

    @Test
    void a_vendor_without_float_is_refused_insufficient_funds_with_nothing_posted_and_the_shift_counts_it_as_refused() {
        PosTestTerminals.Terminal t = terminals.vendorWithTerminal(0);
        PosClient pos = PosClient.of(http, url(""), t).signedIn(t.cashier());
        pos.post("/api/pos/v1/shifts", null);
        MeterView meter = fixture.meter();

        ResponseEntity<JsonNode> refused = pos.vend("broke-1", meter.meterNumber(), 116_00);

        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody().get("code").asText()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(refused.getBody().get("vendId").asText()).isNotBlank();
        assertThat(vendors.vendor(t.vendorId()).balanceMinor()).isZero();
        assertThat(vendors.vendor(t.vendorId()).reservedMinor()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vend_token t JOIN vend v ON v.id = t.vend_id WHERE v.meter_number = ?",
                Integer.class, meter.meterNumber())).isZero();
        JsonNode totals = pos.get("/api/pos/v1/shifts/current").getBody().get("totals");
        assertThat(totals.get("refusedCount").asLong()).isEqualTo(1);
        assertThat(totals.at("/sales/count").asLong()).isZero();
        assertThat(pos.bytes("/api/pos/v1/vends/last/receipt").getStatusCode().value()).isEqualTo(404);
        LedgerInvariants.assertHold(jdbc);
    }

    @Test
    void bad_input_gets_a_precise_400_never_a_500() {
        PosTestTerminals.Terminal t = terminals.vendorWithTerminal(100_00);
        PosClient pos = PosClient.of(http, url(""), t).signedIn(t.cashier());
        pos.post("/api/pos/v1/shifts", null);
        String meter = fixture.meter().meterNumber();

        ResponseEntity<JsonNode> typo = pos.post("/api/pos/v1/vends", Map.of("clientRef", "x1", "meterNumber", meter, "amuont", 1));
        ResponseEntity<JsonNode> currency = pos.post("/api/pos/v1/vends", Map.of("clientRef", "x2", "meterNumber", meter,
                "amount", Map.of("amountMinor", 100, "currency", "USD")));
        ResponseEntity<JsonNode> both = pos.post("/api/pos/v1/vends", Map.of("clientRef", "x3", "meterNumber", meter,
                "amount", Map.of("amountMinor", 100, "currency", "KES"), "unitsTenths", 10));
        ResponseEntity<JsonNode> checkDigit = pos.get("/api/pos/v1/meters/01234567890");
        ResponseEntity<JsonNode> notUuid = pos.get("/api/pos/v1/vends/not-a-uuid");
        ResponseEntity<JsonNode> noRef = pos.post("/api/pos/v1/vends", Map.of("meterNumber", meter,
                "amount", Map.of("amountMinor", 100, "currency", "KES")));

        assertThat(typo.getStatusCode().value()).isEqualTo(400);
        assertThat(typo.getBody().at("/errors/0/field").asText()).isEqualTo("amuont");
        assertThat(currency.getStatusCode().value()).isEqualTo(400);
        assertThat(currency.getBody().at("/errors/0/field").asText()).isEqualTo("amount.currency");
        assertThat(both.getStatusCode().value()).isEqualTo(400);
        assertThat(checkDigit.getStatusCode().value()).isEqualTo(400);
        assertThat(notUuid.getStatusCode().value()).isEqualTo(400);
        assertThat(noRef.getBody().at("/errors/0/field").asText()).isEqualTo("clientRef");
        assertThat(pos.get("/api/pos/v1/meters/01234567897").getBody().get("code").asText()).isEqualTo("UNKNOWN_METER");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pos_vend WHERE channel_ref LIKE ?", Integer.class, t.terminalId() + ":%"))
                .as("refused input leaves no link behind").isZero();
    }

    @Test
    void a_terminal_bound_to_a_client_certificate_is_known_by_it_and_refused_without_it() {
        long vendorId = terminals.vendor(0);
        String subject = "CN=POS-CERT-" + System.nanoTime() + ",O=Corner Shop,C=KE";
        terminalAdmin.register(vendorId, "C" + System.nanoTime() % 1_000_000_000, "Certificate till", subject, false, null, "test");
        PosTerminals.Registered both = terminalAdmin.register(vendorId, "B" + System.nanoTime() % 1_000_000_000, "Both", subject + "2",
                true, null, "test");

        PosTerminalAuthentication.Terminal byCertificate = authentication.authenticate(null, null, subject);
        PosRefusedException unknownCertificate = catchThrowableOfType(PosRefusedException.class,
                () -> authentication.authenticate(null, null, "CN=someone else"));
        PosRefusedException certificateWithoutSecret = catchThrowableOfType(PosRefusedException.class,
                () -> authentication.authenticate(null, null, subject + "2"));
        ResponseEntity<JsonNode> secretWithoutCertificate = new PosClient(http, url(""), both.terminal().terminalId(), both.secret())
                .get("/api/pos/v1/terminal");

        assertThat(byCertificate.vendorId()).isEqualTo(vendorId);
        assertThat(unknownCertificate.code()).isEqualTo("UNKNOWN_CERTIFICATE");
        assertThat(certificateWithoutSecret.code()).isEqualTo("TERMINAL_CREDENTIALS_REQUIRED");
        assertThat(secretWithoutCertificate.getStatusCode().value()).isEqualTo(401);
        assertThat(secretWithoutCertificate.getBody().get("code").asText()).isEqualTo("CLIENT_CERTIFICATE_REQUIRED");
        assertThat(authentication.authenticate(both.terminal().terminalId(), both.secret(), subject + "2").terminalId())
                .isEqualTo(both.terminal().terminalId());
    }
}
