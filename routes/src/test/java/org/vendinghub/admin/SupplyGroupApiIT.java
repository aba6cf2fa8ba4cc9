package org.vendinghub.admin;

import org.vendinghub.keys.VendingKeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.vendinghub.sts.BaseDate;
import org.vendinghub.sts.CreditTokenRequest;
import org.vendinghub.sts.Dkga;
import org.vendinghub.sts.Ea;
import org.vendinghub.sts.IssuedToken;
import org.vendinghub.sts.MeterKeyParams;
import org.vendinghub.sts.SecurityModule;
import org.vendinghub.sts.meter.MeterResult;
import org.vendinghub.sts.meter.MeterSimulator;
import org.vendinghub.sts.token.Tid;

class SupplyGroupApiIT extends AdminApiTest {

    @Autowired
    SecurityModule securityModule;

    @Test
    void a_supply_group_is_created_read_listed_and_found_by_its_code() {
        long utilityId = utility();
        String sgc = sgc();
        JsonNode created = supplyGroup(utilityId, sgc);
        assertThat(created.get("vendingKeyId").asText()).isEqualTo("SGC-" + sgc + "-KRN1");
        assertThat(created.get("vendingKeyImported").asBoolean()).isFalse();
        assertThat(created.get("keyCheckValue").isNull()).isTrue();

        long id = created.get("id").asLong();
        assertThat(ok(get(admin(), "/api/v1/supply-groups/" + id)).get("sgc").asText()).isEqualTo(sgc);
        assertThat(ok(get(admin(), "/api/v1/supply-groups/by-code?sgc=" + sgc + "&krn=1")).get("id").asLong()).isEqualTo(id);
        JsonNode page = ok(get(admin(), "/api/v1/supply-groups?page=0&size=200"));
        assertThat(page.get("items").findValues("id").stream().map(JsonNode::asLong)).contains(id);
    }

    @Test
    void the_same_sgc_and_krn_twice_is_a_conflict() {
        long utilityId = utility();
        String sgc = sgc();
        supplyGroup(utilityId, sgc);
        ResponseEntity<JsonNode> second = post(admin(), "/api/v1/supply-groups", """
                {"utilityId": %d, "name": "again", "sgc": "%s", "krn": 1, "keyType": 2, "baseDate": 1993, "dkga": "04", "ea": "11"}
                """.formatted(utilityId, sgc));
        assertProblem(second, 409);
        assertThat(second.getBody().get("code").asText()).isEqualTo("ALREADY_EXISTS");
        assertThat(second.getBody().get("detail").asText()).isEqualTo("supply group SGC " + sgc + " KRN 1 exists");
    }

    @Test
    void an_imported_vending_key_is_never_echoed_and_issues_tokens_a_meter_of_that_supply_group_accepts() {
        long utilityId = utility();
        String sgc = sgc();
        long groupId = supplyGroup(utilityId, sgc).get("id").asLong();
        String meterNumber = meterNumber();
        meter(utilityId, groupId, meterNumber);
        byte[] clearKey = new byte[20];
        ThreadLocalRandom.current().nextBytes(clearKey);
        String hex = HexFormat.of().formatHex(clearKey);

        ResponseEntity<JsonNode> imported = post(as("key-custodians"), "/api/v1/supply-groups/" + groupId + "/vending-key",
                "{\"vendingKeyHex\": \"" + hex + "\"}");

        JsonNode body = ok(imported);
        assertThat(body.toString()).doesNotContainIgnoringCase(hex);
        assertThat(body.get("vendingKeyId").asText()).isEqualTo("SGC-" + sgc + "-KRN1");
        assertThat(body.get("keyCheckValue").asText()).isEqualTo(VendingKeys.checkValue(clearKey.clone())).matches("[0-9A-F]{6}");
        assertThat(ok(get(admin(), "/api/v1/supply-groups/" + groupId)).get("vendingKeyImported").asBoolean()).isTrue();
        List<String> audit = jdbc.queryForList("SELECT CONCAT(action, ' ', detail) FROM audit_event WHERE subject = ?", String.class,
                "supply-group:" + groupId);
        assertThat(audit).singleElement().asString().startsWith("KEY_IMPORTED vending key SGC-" + sgc + "-KRN1")
                .doesNotContainIgnoringCase(hex);

        MeterKeyParams meter = MeterKeyParams.ofIinDrn("600727", meterNumber, sgc, 1, 1, 2, BaseDate.Y2014, Dkga.DKGA04, Ea.EA11);
        long tid = Tid.of(LocalDateTime.now(ZoneOffset.UTC), BaseDate.Y2014);
        IssuedToken token = securityModule.issue("SGC-" + sgc + "-KRN1", meter, CreditTokenRequest.units(0, 255, tid)).get(0);
        MeterSimulator simulator = MeterSimulator.forMeter(meter, clearKey.clone());
        assertThat(simulator.enter(token.token())).isEqualTo(MeterResult.ACCEPT);
    }

    @Test
    void a_key_of_the_wrong_length_or_not_hex_is_refused_without_repeating_it() {
        long groupId = supplyGroup(utility(), sgc()).get("id").asLong();
        String path = "/api/v1/supply-groups/" + groupId + "/vending-key";

        ResponseEntity<JsonNode> shortKey = post(admin(), path, "{\"vendingKeyHex\": \"00112233445566778899aabbccddeeff\"}");
        assertFieldProblem(shortKey, 400, "vendingKeyHex", "a DKGA04 vending key must be 40 hex digits (20 bytes), not 32 characters");
        assertThat(shortKey.getBody().toString()).doesNotContain("00112233");

        ResponseEntity<JsonNode> notHex = post(admin(), path, "{\"vendingKeyHex\": \"" + "zz".repeat(20) + "\"}");
        assertFieldProblem(notHex, 400, "vendingKeyHex", "vending key must be hex digits 0-9 and A-F only");
        assertThat(notHex.getBody().toString()).doesNotContain("zzzz");

        assertFieldProblem(post(admin(), path, "{}"), 400, "vendingKeyHex", "vending key is required");
        assertThat(ok(get(admin(), "/api/v1/supply-groups/" + groupId)).get("vendingKeyImported").asBoolean()).isFalse();
    }

    @Test
    void importing_a_key_needs_the_import_keys_permission_which_operators_and_viewers_lack() {
        long groupId = supplyGroup(utility(), sgc()).get("id").asLong();
        String body = "{\"vendingKeyHex\": \"" + "ab".repeat(20) + "\"}";
        assertProblem(post(as("operators"), "/api/v1/supply-groups/" + groupId + "/vending-key", body), 403);
        assertProblem(post(as("read-only"), "/api/v1/supply-groups/" + groupId + "/vending-key", body), 403);
        assertThat(ok(get(admin(), "/api/v1/supply-groups/" + groupId)).get("vendingKeyImported").asBoolean()).isFalse();
    }
}
