package org.vendinghub.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

class VendorApiIT extends AdminApiTest {

    @Test
    void a_deposit_on_discount_terms_credits_the_float_with_its_bonus_and_the_statement_shows_both() {
        long utilityId = utility();
        JsonNode vendor = created("/api/v1/vendors", """
                {"utilityId": %d, "name": "%s", "terms": "DISCOUNT", "discountBp": 500, "commissionBp": 0}""".formatted(utilityId, unique("V")));
        long id = vendor.get("id").asLong();

        JsonNode deposit = created("/api/v1/vendors/" + id + "/deposits", """
                {"depositRef": "%s", "amount": {"amountMinor": 10000, "currency": "KES"}, "channel": "BANK", "reference": "slip 7"}"""
                .formatted(unique("dep")));

        assertThat(deposit.get("transfers")).hasSize(2);
        assertThat(deposit.at("/vendor/balance/amountMinor").asLong()).isEqualTo(10526);
        assertThat(deposit.at("/vendor/balance/currency").asText()).isEqualTo("KES");
        JsonNode balance = ok(get(admin(), "/api/v1/vendors/" + id + "/balance"));
        assertThat(balance.at("/creditBalance/amountMinor").asLong()).isEqualTo(10526);
        JsonNode statement = ok(get(admin(), "/api/v1/vendors/" + id + "/statement?size=1"));
        assertThat(statement.get("items")).hasSize(1);
        assertThat(statement.get("totalItems").asLong()).isEqualTo(2);
        assertThat(statement.get("totalPages").asInt()).isEqualTo(2);
        assertThat(statement.at("/items/0/code").asText()).isEqualTo("VENDOR_DEPOSIT");
        assertThat(ok(get(admin(), "/api/v1/vendors/" + id + "/statement?size=1&page=1")).at("/items/0/code").asText())
                .isEqualTo("VENDOR_DISCOUNT_BONUS");
        assertDebitsEqualCredits();
    }

    @Test
    void float_moves_between_vendors_and_an_overdraft_is_refused_with_422() {
        long utilityId = utility();
        long from = vendor(utilityId).get("id").asLong();
        long to = vendor(utilityId).get("id").asLong();
        created("/api/v1/vendors/" + from + "/deposits", """
                {"depositRef": "%s", "amount": {"amountMinor": 5000, "currency": "KES"}, "channel": "CASH"}""".formatted(unique("dep")));

        JsonNode moved = created("/api/v1/vendors/" + from + "/transfers", """
                {"transferRef": "%s", "toVendorId": %d, "amount": {"amountMinor": 3000, "currency": "KES"}}""".formatted(unique("tr"), to));
        assertThat(moved.at("/from/available/amountMinor").asLong()).isEqualTo(2000);
        assertThat(moved.at("/to/available/amountMinor").asLong()).isEqualTo(3000);
        assertThat(moved.at("/transfer/amount/amountMinor").asLong()).isEqualTo(3000);

        ResponseEntity<JsonNode> overdraft = post(admin(), "/api/v1/vendors/" + from + "/transfers", """
                {"transferRef": "%s", "toVendorId": %d, "amount": {"amountMinor": 2001, "currency": "KES"}}""".formatted(unique("tr"), to));
        assertProblem(overdraft, 422);
        assertThat(overdraft.getBody().get("code").asText()).isEqualTo("EXCEEDS_CREDITS");
        assertThat(overdraft.getBody().get("detail").asText()).endsWith("has 2000 available, the transfer needs 2001");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action IN ('VENDOR_DEPOSIT', 'VENDOR_TRANSFER') AND subject = ?",
                Integer.class, "vendor:" + from)).isEqualTo(2);
        assertDebitsEqualCredits();
    }

    @Test
    void an_adjustment_is_posted_only_when_a_second_user_approves_it() {
        long id = vendor(utility()).get("id").asLong();
        long adjustmentId = ok201(post(as("finance"), "/api/v1/vendors/" + id + "/adjustments",
                "{\"amount\": {\"amountMinor\": 700, \"currency\": \"KES\"}, \"reason\": \"bank charge refunded\"}")).get("id").asLong();
        assertThat(ok(get(admin(), "/api/v1/adjustments/awaiting-decision?size=200")).get("items").findValuesAsText("id"))
                .contains(String.valueOf(adjustmentId));

        ResponseEntity<JsonNode> self = post(as("finance"), "/api/v1/adjustments/" + adjustmentId + "/approve", null);
        assertProblem(self, 409);
        assertThat(self.getBody().get("code").asText()).isEqualTo("SAME_USER_CANNOT_APPROVE");
        assertThat(self.getBody().get("detail").asText()).isEqualTo("adjustment " + adjustmentId
                + " must be decided by a user other than admin-api-finance, who requested it");
        assertThat(ok(get(admin(), "/api/v1/vendors/" + id)).at("/balance/amountMinor").asLong()).isZero();

        JsonNode approved = ok(post(admin(), "/api/v1/adjustments/" + adjustmentId + "/approve", null));
        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.get("decidedBy").asText()).isEqualTo("admin");
        assertThat(ok(get(admin(), "/api/v1/vendors/" + id)).at("/balance/amountMinor").asLong()).isEqualTo(700);
        assertThat(jdbc.queryForList("SELECT action FROM audit_event WHERE subject = ? ORDER BY id", String.class, "adjustment:" + adjustmentId))
                .containsExactly("ADJUSTMENT_REQUESTED", "ADJUSTMENT_APPROVED");
        assertProblem(post(admin(), "/api/v1/adjustments/" + adjustmentId + "/reject", null), 409);
        assertDebitsEqualCredits();
    }

    @Test
    void a_rejected_adjustment_moves_nothing() {
        long id = vendor(utility()).get("id").asLong();
        long adjustmentId = created("/api/v1/vendors/" + id + "/adjustments",
                "{\"amount\": {\"amountMinor\": -300, \"currency\": \"KES\"}, \"reason\": \"typo\"}").get("id").asLong();
        JsonNode rejected = ok(post(as("finance"), "/api/v1/adjustments/" + adjustmentId + "/reject", null));
        assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.at("/amount/amountMinor").asLong()).isEqualTo(-300);
        assertThat(ok(get(admin(), "/api/v1/vendors/" + id + "/adjustments")).at("/items/0/status").asText()).isEqualTo("REJECTED");
        assertThat(ok(get(admin(), "/api/v1/vendors/" + id + "/statement")).get("totalItems").asLong()).isZero();
    }

    @Test
    void vendors_are_listed_in_pages_by_group_and_by_agent() {
        long utilityId = utility();
        long groupId = created("/api/v1/vendor-groups", "{\"name\": \"" + unique("Region") + "\"}").get("id").asLong();
        long agentId = created("/api/v1/agents", "{\"name\": \"Otieno\", \"phone\": \"+254700000001\", \"commissionBp\": 50}").get("id").asLong();
        for (int i = 0; i < 3; i++) {
            created("/api/v1/vendors", """
                    {"utilityId": %d, "name": "%s", "groupId": %d, "agentId": %d, "terms": "COMMISSION", "discountBp": 0,
                     "commissionBp": 100, "creditLimit": {"amountMinor": 1000, "currency": "KES"}}"""
                    .formatted(utilityId, unique("V"), groupId, agentId));
        }
        JsonNode first = ok(get(admin(), "/api/v1/vendor-groups/" + groupId + "/vendors?size=2"));
        assertThat(first.get("items")).hasSize(2);
        assertThat(first.get("totalItems").asLong()).isEqualTo(3);
        assertThat(first.get("size").asInt()).isEqualTo(2);
        assertThat(ok(get(admin(), "/api/v1/vendor-groups/" + groupId + "/vendors?size=2&page=1")).get("items")).hasSize(1);
        assertThat(ok(get(admin(), "/api/v1/vendors?groupId=" + groupId)).get("totalItems").asLong()).isEqualTo(3);
        JsonNode ofAgent = ok(get(admin(), "/api/v1/agents/" + agentId + "/vendors"));
        assertThat(ofAgent.get("totalItems").asLong()).isEqualTo(3);
        assertThat(ofAgent.at("/items/0/creditLimit/amountMinor").asLong()).isEqualTo(1000);
        assertThat(ofAgent.at("/items/0/available/amountMinor").asLong()).isEqualTo(1000);
    }

    private JsonNode ok201(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode().value()).as("answer %s", response.getBody()).isEqualTo(201);
        return response.getBody();
    }
}
