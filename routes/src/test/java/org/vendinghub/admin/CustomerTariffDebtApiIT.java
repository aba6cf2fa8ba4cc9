package org.vendinghub.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

class CustomerTariffDebtApiIT extends AdminApiTest {

    @Test
    void a_tariff_gets_versions_with_blocks_and_fees_that_read_back_as_sent() {
        long utilityId = utility();
        long tariffId = created("/api/v1/tariffs", """
                {"utilityId": %d, "code": "%s", "name": "Domestic"}""".formatted(utilityId, unique("DOM"))).get("id").asLong();
        Instant from = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

        JsonNode version = created("/api/v1/tariffs/" + tariffId + "/versions", """
                {"validFrom": "%s", "blocks": [{"fromUnitsTenths": 0, "ratePerUnitMinorE4": 1643500},
                 {"fromUnitsTenths": 1000, "ratePerUnitMinorE4": 2000000}],
                 "fees": [{"code": "FIXED", "name": "Fixed charge", "amountMinor": 2000}]}""".formatted(from));

        assertThat(version.get("currency").asText()).isEqualTo("KES");
        assertThat(version.get("taxRateBp").asInt()).isEqualTo(1600);
        assertThat(version.at("/blocks/1/ratePerUnitMinorE4").asLong()).isEqualTo(2_000_000);
        assertThat(version.at("/fees/0/amountMinor").asLong()).isEqualTo(2000);
        assertThat(ok(get(admin(), "/api/v1/tariffs/" + tariffId + "/versions")).get(0).get("validFrom").asText()).isEqualTo(from.toString());
        assertThat(ok(get(admin(), "/api/v1/tariffs/" + tariffId)).get("name").asText()).isEqualTo("Domestic");
    }

    @Test
    void a_tariff_version_breaking_a_pricing_rule_is_a_400_naming_the_rule() {
        long tariffId = created("/api/v1/tariffs", """
                {"utilityId": %d, "code": "%s", "name": "Flat"}""".formatted(utility(), unique("F"))).get("id").asLong();
        assertFieldProblem(post(admin(), "/api/v1/tariffs/" + tariffId + "/versions", """
                {"validFrom": "2099-01-01T00:00:00Z", "validTo": "2098-01-01T00:00:00Z",
                 "blocks": [{"fromUnitsTenths": 0, "ratePerUnitMinorE4": 10}]}"""),
                400, "validTo", "valid to must be after valid from");
        assertFieldProblem(post(admin(), "/api/v1/tariffs/" + tariffId + "/versions", """
                {"validFrom": "2099-01-01T00:00:00Z", "blocks": [{"fromUnitsTenths": 5, "ratePerUnitMinorE4": 10}]}"""),
                400, "blocks", "the first block must start at 0 units");
        assertFieldProblem(post(admin(), "/api/v1/tariffs/" + tariffId + "/versions", """
                {"validFrom": "2099-01-01T00:00:00Z", "blocks": [{"fromUnitsTenths": 0}]}"""),
                400, "blocks[0].ratePerUnitMinorE4", "ratePerUnitMinorE4 is required");
    }

    @Test
    void customers_are_created_changed_searched_and_found_by_account_number() {
        long utilityId = utility();
        String account = unique("ACC");
        String name = unique("Achieng");
        long id = created("/api/v1/customers", """
                {"utilityId": %d, "accountNumber": "%s", "name": "%s", "phone": "+254711000000"}""".formatted(utilityId, account, name))
                .get("id").asLong();

        JsonNode changed = ok(put(admin(), "/api/v1/customers/" + id, """
                {"utilityId": %d, "accountNumber": "%s", "name": "%s", "email": "a@example.org"}""".formatted(utilityId, account, name)));
        assertThat(changed.get("email").asText()).isEqualTo("a@example.org");
        assertThat(changed.get("phone").isNull()).isTrue();
        assertThat(ok(get(admin(), "/api/v1/customers?name=" + name.toUpperCase())).at("/items/0/id").asLong()).isEqualTo(id);
        assertThat(ok(get(admin(), "/api/v1/customers/by-account-number?utilityId=" + utilityId + "&accountNumber=" + account))
                .get("id").asLong()).isEqualTo(id);
        assertThat(ok(get(admin(), "/api/v1/customers/" + id + "/wallet")).at("/creditBalance/amountMinor").asLong()).isZero();
        assertFieldProblem(post(admin(), "/api/v1/customers", """
                {"utilityId": %d, "accountNumber": "%s", "name": "X", "email": "not-an-address"}""".formatted(utilityId, unique("ACC"))),
                400, "email", "e-mail must look like name@example.org");
    }

    @Test
    void a_debt_is_taken_on_written_off_in_part_and_its_collections_balance_in_the_ledger() {
        long utilityId = utility();
        long customerId = created("/api/v1/customers", """
                {"utilityId": %d, "accountNumber": "%s", "name": "Kamau"}""".formatted(utilityId, unique("ACC"))).get("id").asLong();
        JsonNode debt = created("/api/v1/debts", """
                {"debtRef": "%s", "customerId": %d, "description": "arrears 2025", "amount": {"amountMinor": 50000, "currency": "KES"},
                 "recoveryBp": 2500, "capPerPurchase": {"amountMinor": 1000, "currency": "KES"}}""".formatted(unique("debt"), customerId));
        long debtId = debt.get("id").asLong();
        assertThat(debt.at("/outstanding/amountMinor").asLong()).isEqualTo(50000);
        assertThat(debt.get("createdBy").asText()).isEqualTo("admin");

        JsonNode writtenOff = ok(post(as("finance"), "/api/v1/debts/" + debtId + "/write-offs", """
                {"writeOffRef": "%s", "amount": {"amountMinor": 20000, "currency": "KES"}}""".formatted(unique("wo"))));
        assertThat(writtenOff.at("/outstanding/amountMinor").asLong()).isEqualTo(30000);
        assertThat(writtenOff.at("/writtenOff/amountMinor").asLong()).isEqualTo(20000);
        assertThat(ok(put(admin(), "/api/v1/debts/" + debtId + "/recovery", "{\"recoveryBp\": 1000}")).get("capPerPurchase").isNull()).isTrue();
        assertThat(ok(get(admin(), "/api/v1/debts?customerId=" + customerId)).findValuesAsText("id")).containsExactly(String.valueOf(debtId));

        JsonNode collections = ok(get(admin(), "/api/v1/debts/" + debtId + "/collections"));
        assertThat(collections.get("items").findValuesAsText("code")).containsExactly("DEBT_TAKE_ON", "DEBT_WRITE_OFF");
        long accountId = debt.get("accountId").asLong();
        JsonNode account = ok(get(as("read-only"), "/api/v1/accounts/" + accountId));
        assertThat(account.get("type").asText()).isEqualTo("DEBT_RECEIVABLE");
        assertThat(account.at("/debitsPosted/amountMinor").asLong()).isEqualTo(50000);
        assertThat(account.at("/creditsPosted/amountMinor").asLong()).isEqualTo(20000);
        assertThat(ok(get(as("read-only"), "/api/v1/accounts/" + accountId + "/statement")).get("totalItems").asLong()).isEqualTo(2);
        assertThat(ok(get(admin(), "/api/v1/accounts/lookup?type=DEBT_RECEIVABLE&currency=KES&owner=debt:" + debtId)).get("id").asLong())
                .isEqualTo(accountId);
        assertDebitsEqualCredits();
    }

    @Test
    void taking_on_a_debt_with_a_recovery_share_out_of_range_is_a_400() {
        long customerId = created("/api/v1/customers", """
                {"utilityId": %d, "accountNumber": "%s", "name": "Njeri"}""".formatted(utility(), unique("ACC"))).get("id").asLong();
        assertFieldProblem(post(admin(), "/api/v1/debts", """
                {"debtRef": "%s", "customerId": %d, "description": "fine", "amount": {"amountMinor": 100, "currency": "KES"},
                 "recoveryBp": 0}""".formatted(unique("debt"), customerId)), 400, "recoveryBp",
                "recovery must be 1 to 10000 basis points of each purchase");
        ResponseEntity<JsonNode> unknownCustomer = post(admin(), "/api/v1/debts", """
                {"debtRef": "%s", "customerId": 999999999, "description": "fine", "amount": {"amountMinor": 100, "currency": "KES"},
                 "recoveryBp": 10}""".formatted(unique("debt")));
        assertProblem(unknownCustomer, 404);
    }

    @Test
    void an_agent_is_created_and_changed() {
        long id = created("/api/v1/agents", "{\"name\": \"Mwangi\", \"commissionBp\": 25}").get("id").asLong();
        JsonNode changed = ok(put(admin(), "/api/v1/agents/" + id, "{\"name\": \"Mwangi & Sons\", \"commissionBp\": 30}"));
        assertThat(changed.get("commissionBp").asInt()).isEqualTo(30);
        assertThat(ok(get(admin(), "/api/v1/agents/" + id)).get("name").asText()).isEqualTo("Mwangi & Sons");
        assertFieldProblem(post(admin(), "/api/v1/agents", "{\"name\": \"Greedy\", \"commissionBp\": 9000}"), 400, "commissionBp",
                "commission must be 0 to 5000 basis points");
    }
}
