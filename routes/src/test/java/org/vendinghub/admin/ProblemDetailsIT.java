package org.vendinghub.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Every kind of bad input gets a precise RFC 7807 answer naming the field, and never a 500. */
class ProblemDetailsIT extends AdminApiTest {

    @Test
    void malformed_json_is_a_400_that_says_where_the_json_breaks() {
        ResponseEntity<JsonNode> response = post(admin(), "/api/v1/vendor-groups", "{\"name\": ");
        assertFieldProblem(response, 400, null, "the body is not valid JSON (line 1, column 10)");
        assertThat(response.getBody().get("type").asText()).isEqualTo("urn:vendinghub:problem:invalid-request");
        assertThat(response.getBody().get("instance").asText()).isEqualTo("/api/v1/vendor-groups");
    }

    @Test
    void a_missing_body_is_a_400() {
        assertFieldProblem(post(admin(), "/api/v1/vendor-groups", null), 400, null, "a JSON body is required");
    }

    @Test
    void an_unknown_property_is_a_400_naming_it_and_the_known_ones() {
        ResponseEntity<JsonNode> response = post(admin(), "/api/v1/agents", "{\"name\": \"A\", \"commissionBp\": 10, \"comission\": 5}");
        assertFieldProblem(response, 400, "comission", "is not a known property; known: commissionBp, name, phone");
    }

    @Test
    void an_unknown_property_inside_an_amount_is_named_with_its_path() {
        long vendorId = vendor(utility()).get("id").asLong();
        ResponseEntity<JsonNode> response = post(admin(), "/api/v1/vendors/" + vendorId + "/deposits",
                "{\"depositRef\": \"d1\", \"channel\": \"BANK\", \"amount\": {\"amountMinor\": 5, \"currency\": \"KES\", \"cents\": 1}}");
        assertFieldProblem(response, 400, "amount.cents", "is not a known property; known: amountMinor, currency");
    }

    @Test
    void a_value_of_the_wrong_type_is_a_400_naming_the_field_and_the_type_it_must_have() {
        assertFieldProblem(post(admin(), "/api/v1/agents", "{\"name\": \"A\", \"commissionBp\": \"ten\"}"), 400,
                "commissionBp", "must be a whole number");
        assertFieldProblem(post(admin(), "/api/v1/meters", "{\"utilityId\": 1, \"supplyGroupId\": 1, \"kind\": \"THICKER\"}"), 400,
                "kind", "must be one of THICK, THIN");
        assertFieldProblem(post(admin(), "/api/v1/tariffs/1/versions", "{\"validFrom\": \"tomorrow\", \"blocks\": []}"), 400,
                "validFrom", "must be an ISO-8601 instant such as 2026-01-31T22:00:00Z");
        assertFieldProblem(post(admin(), "/api/v1/tariffs/1/versions",
                        "{\"validFrom\": \"2099-01-01T00:00:00Z\", \"blocks\": [{\"fromUnitsTenths\": 0, \"ratePerUnitMinorE4\": 1.5}]}"),
                400, "blocks[0].ratePerUnitMinorE4", "must be a whole number");
        assertFieldProblem(post(admin(), "/api/v1/agents", "[1, 2]"), 400, null, "the body must be an object");
    }

    @Test
    void a_missing_required_field_is_a_400_from_bean_validation() {
        assertFieldProblem(post(admin(), "/api/v1/agents", "{\"name\": \"A\"}"), 400, "commissionBp", "commissionBp is required");
        long vendorId = vendor(utility()).get("id").asLong();
        assertFieldProblem(post(admin(), "/api/v1/vendors/" + vendorId + "/deposits",
                "{\"depositRef\": \"d1\", \"channel\": \"BANK\", \"amount\": {\"amountMinor\": 5}}"), 400, "amount.currency",
                "currency is required");
    }

    @Test
    void a_rule_of_the_ledger_is_a_400_with_the_ledger_s_field_and_message() {
        ResponseEntity<JsonNode> response = post(admin(), "/api/v1/agents", "{\"name\": \" \", \"commissionBp\": 10}");
        assertFieldProblem(response, 400, "name", "name is required");
        assertThat(response.getBody().get("code").isNull()).isTrue();
    }

    @Test
    void money_in_another_currency_or_of_the_wrong_sign_is_a_400_on_the_amount_s_path() {
        long vendorId = vendor(utility()).get("id").asLong();
        assertFieldProblem(post(admin(), "/api/v1/vendors/" + vendorId + "/deposits",
                        "{\"depositRef\": \"d1\", \"channel\": \"BANK\", \"amount\": {\"amountMinor\": 500, \"currency\": \"ZMW\"}}"),
                400, "amount.currency", "currency must be KES, the currency of this account");
        assertFieldProblem(post(admin(), "/api/v1/vendors/" + vendorId + "/deposits",
                        "{\"depositRef\": \"d1\", \"channel\": \"BANK\", \"amount\": {\"amountMinor\": 500, \"currency\": \"kes\"}}"),
                400, "amount.currency", "currency must be KES, the currency of this account");
        assertFieldProblem(post(admin(), "/api/v1/vendors/" + vendorId + "/deposits",
                        "{\"depositRef\": \"d1\", \"channel\": \"BANK\", \"amount\": {\"amountMinor\": -5, \"currency\": \"KES\"}}"),
                400, "amount.amountMinor", "amount must be positive");
    }

    @Test
    void an_ill_typed_path_or_query_parameter_is_a_400_naming_the_parameter() {
        assertFieldProblem(get(admin(), "/api/v1/meters/abc"), 400, "id", "must be a whole number");
        assertFieldProblem(get(admin(), "/api/v1/meters?status=BROKEN"), 400, "status", "must be one of ACTIVE, BLOCKED");
        assertFieldProblem(get(admin(), "/api/v1/supply-groups/by-code?sgc=123456"), 400, "krn", "is required");
    }

    @Test
    void paging_outside_its_limits_is_a_400_naming_page_or_size() {
        assertFieldProblem(get(admin(), "/api/v1/meters?size=500"), 400, "size", "size must be 1 to 200");
        assertFieldProblem(get(admin(), "/api/v1/meters?size=0"), 400, "size", "size must be 1 to 200");
        assertFieldProblem(get(admin(), "/api/v1/meters?page=-1"), 400, "page", "page must be 0 or more");
        assertFieldProblem(get(admin(), "/api/v1/meters?page=first"), 400, "page", "must be a whole number");
    }

    @Test
    void an_unknown_id_is_a_404_with_the_ledger_code() {
        ResponseEntity<JsonNode> response = get(admin(), "/api/v1/vendors/999999999");
        assertProblem(response, 404);
        assertThat(response.getBody().get("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(response.getBody().get("detail").asText()).isEqualTo("vendor 999999999 not found");
    }

    @Test
    void another_media_type_is_a_415_and_an_unsupported_method_a_405_and_an_unknown_path_a_404() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.TEXT_PLAIN);
        ResponseEntity<String> text = admin().exchange(url("/api/v1/vendor-groups"), HttpMethod.POST, new HttpEntity<>("name", headers), String.class);
        assertThat(text.getStatusCode().value()).isEqualTo(415);
        assertThat(text.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(text.getBody()).contains("Content-Type text/plain", "is not supported: send application/json");

        ResponseEntity<String> delete = admin().exchange(url("/api/v1/vendor-groups"), HttpMethod.DELETE, null, String.class);
        assertThat(delete.getStatusCode().value()).isEqualTo(405);
        assertThat(delete.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();

        ResponseEntity<String> nowhere = admin().getForEntity(url("/api/v1/nothing-here"), String.class);
        assertThat(nowhere.getStatusCode().value()).isEqualTo(404);
        assertThat(nowhere.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    }

    @Test
    void a_duplicate_is_a_409_with_the_ledger_code() {
        String name = unique("Group");
        created("/api/v1/vendor-groups", "{\"name\": \"" + name + "\"}");
        ResponseEntity<JsonNode> again = post(admin(), "/api/v1/vendor-groups", "{\"name\": \"" + name + "\"}");
        assertProblem(again, 409);
        assertThat(again.getBody().get("code").asText()).isEqualTo("ALREADY_EXISTS");
        assertThat(again.getBody().get("detail").asText()).isEqualTo("a vendor group named " + name + " exists");
    }
}
