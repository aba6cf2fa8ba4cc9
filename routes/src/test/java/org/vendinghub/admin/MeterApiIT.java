package org.vendinghub.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

class MeterApiIT extends AdminApiTest {

    @Test
    void a_meter_is_registered_and_looked_up_by_its_number_with_the_supply_group_s_sts_parameters() {
        long utilityId = utility();
        String sgc = sgc();
        long groupId = supplyGroup(utilityId, sgc).get("id").asLong();
        String number = meterNumber();

        JsonNode meter = meter(utilityId, groupId, number);

        JsonNode found = ok(get(admin(), "/api/v1/meters/by-number/" + number));
        assertThat(found.get("id").asLong()).isEqualTo(meter.get("id").asLong());
        assertThat(found.get("iin").asText()).isEqualTo("600727");
        assertThat(found.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(found.at("/sts/sgc").asText()).isEqualTo(sgc);
        assertThat(found.at("/sts/dkga").asText()).isEqualTo("04");
    }

    @Test
    void a_meter_number_with_a_wrong_check_digit_or_length_is_refused_with_the_exact_rule() {
        String number = meterNumber();
        String wrongDigit = number.substring(0, 10) + (char) ('0' + (number.charAt(10) - '0' + 1) % 10);
        assertFieldProblem(get(admin(), "/api/v1/meters/by-number/" + wrongDigit), 400, "meterNumber", "meter number check digit is wrong");
        assertFieldProblem(get(admin(), "/api/v1/meters/by-number/12345"), 400, "meterNumber", "meter number must be 11 or 13 digits");
        ResponseEntity<JsonNode> unknown = get(admin(), "/api/v1/meters/by-number/" + meterNumber());
        assertProblem(unknown, 404);
        assertThat(unknown.getBody().get("code").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void registering_a_meter_twice_is_a_conflict_and_a_wrong_tariff_index_a_400() {
        long utilityId = utility();
        long groupId = supplyGroup(utilityId, sgc()).get("id").asLong();
        String number = meterNumber();
        meter(utilityId, groupId, number);
        ResponseEntity<JsonNode> twice = post(admin(), "/api/v1/meters", """
                {"utilityId": %d, "meterNumber": "%s", "supplyGroupId": %d, "ti": "01", "kind": "THICK"}""".formatted(utilityId, number, groupId));
        assertProblem(twice, 409);
        assertThat(twice.getBody().get("detail").asText()).isEqualTo("meter " + number + " is already registered");

        assertFieldProblem(post(admin(), "/api/v1/meters", """
                {"utilityId": %d, "meterNumber": "%s", "supplyGroupId": %d, "ti": "1", "kind": "THICK"}""".formatted(utilityId, meterNumber(), groupId)),
                400, "ti", "TI must be 2 digits");
    }

    @Test
    void blocking_and_unblocking_change_the_status_and_are_audited() {
        long utilityId = utility();
        long meterId = meter(utilityId, supplyGroup(utilityId, sgc()).get("id").asLong(), meterNumber()).get("id").asLong();

        JsonNode blocked = ok(post(as("operators"), "/api/v1/meters/" + meterId + "/block", "{\"reason\": \"tampered seal\"}"));
        assertThat(blocked.get("status").asText()).isEqualTo("BLOCKED");
        assertThat(blocked.get("blockedReason").asText()).isEqualTo("tampered seal");
        assertThat(ok(get(admin(), "/api/v1/meters?status=BLOCKED&size=200")).get("items").findValuesAsText("id"))
                .contains(String.valueOf(meterId));

        JsonNode unblocked = ok(post(as("operators"), "/api/v1/meters/" + meterId + "/unblock", null));
        assertThat(unblocked.get("status").asText()).isEqualTo("ACTIVE");

        List<String> audit = jdbc.queryForList("SELECT CONCAT(actor, ' ', action) FROM audit_event WHERE subject = ? ORDER BY id",
                String.class, "meter:" + blocked.get("meterNumber").asText());
        assertThat(audit).containsExactly("admin-api-operators METER_BLOCKED", "admin-api-operators METER_UNBLOCKED");
        assertFieldProblem(post(admin(), "/api/v1/meters/" + meterId + "/block", "{\"reason\": \"\"}"), 400, "reason",
                "reason for blocking is required");
    }

    @Test
    void moving_a_meter_to_another_supply_group_makes_a_key_change_due_and_is_audited() {
        long utilityId = utility();
        long meterId = meter(utilityId, supplyGroup(utilityId, sgc()).get("id").asLong(), meterNumber()).get("id").asLong();
        String newSgc = sgc();
        long newGroupId = supplyGroup(utilityId, newSgc).get("id").asLong();

        JsonNode changed = ok(put(admin(), "/api/v1/meters/" + meterId + "/sts-parameters",
                "{\"supplyGroupId\": " + newGroupId + ", \"ti\": \"02\"}"));

        assertThat(changed.at("/meter/sts/sgc").asText()).isEqualTo(newSgc);
        assertThat(changed.at("/keyChange/status").asText()).isEqualTo("DUE");
        assertThat(changed.at("/keyChange/to/ti").asText()).isEqualTo("02");
        assertThat(ok(get(admin(), "/api/v1/meters/" + meterId + "/key-changes"))).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'METER_STS_CHANGED' AND subject = ?",
                Integer.class, "meter:" + changed.at("/meter/meterNumber").asText())).isEqualTo(1);
    }

    @Test
    void a_meter_s_customer_tariff_and_kind_can_be_changed() {
        long utilityId = utility();
        long meterId = meter(utilityId, supplyGroup(utilityId, sgc()).get("id").asLong(), meterNumber()).get("id").asLong();
        long customerId = created("/api/v1/customers", """
                {"utilityId": %d, "accountNumber": "%s", "name": "Wanjiru"}""".formatted(utilityId, unique("AC"))).get("id").asLong();
        long tariffId = created("/api/v1/tariffs", """
                {"utilityId": %d, "code": "%s", "name": "Domestic"}""".formatted(utilityId, unique("D"))).get("id").asLong();

        assertThat(ok(put(admin(), "/api/v1/meters/" + meterId + "/customer", "{\"customerId\": " + customerId + "}"))
                .get("customerId").asLong()).isEqualTo(customerId);
        assertThat(ok(put(admin(), "/api/v1/meters/" + meterId + "/tariff", "{\"tariffId\": " + tariffId + "}"))
                .get("tariffId").asLong()).isEqualTo(tariffId);
        assertThat(ok(put(admin(), "/api/v1/meters/" + meterId + "/kind", "{\"kind\": \"THIN\"}")).get("kind").asText()).isEqualTo("THIN");
        assertThat(ok(get(admin(), "/api/v1/customers/" + customerId + "/meters")).findValuesAsText("id")).containsExactly(String.valueOf(meterId));
        assertFieldProblem(put(admin(), "/api/v1/meters/" + meterId + "/kind", "{}"), 400, "kind", "meter kind (THICK or THIN) is required");
    }
}
