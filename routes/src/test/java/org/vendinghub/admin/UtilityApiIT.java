package org.vendinghub.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class UtilityApiIT extends AdminApiTest {

    @Test
    void a_utility_is_created_with_its_system_accounts_and_its_currency_never_changes() {
        String name = unique("Kenya Power");
        JsonNode created = created("/api/v1/utilities", """
                {"name": "%s", "currency": "KES", "taxRateBp": 1600, "taxReference": "P051234567X"}""".formatted(name));
        long id = created.get("id").asLong();
        assertThat(created.get("currency").asText()).isEqualTo("KES");
        assertThat(ok(get(as("read-only"), "/api/v1/utilities/" + id)).get("name").asText()).isEqualTo(name);
        assertThat(ok(get(admin(), "/api/v1/accounts/lookup?type=ENERGY_REVENUE&currency=KES")).get("type").asText())
                .isEqualTo("ENERGY_REVENUE");

        assertThat(ok(put(admin(), "/api/v1/utilities/" + id, """
                {"name": "%s", "currency": "KES", "taxRateBp": 1500}""".formatted(name))).get("taxRateBp").asInt()).isEqualTo(1500);
        assertFieldProblem(put(admin(), "/api/v1/utilities/" + id, """
                {"name": "%s", "currency": "UGX", "taxRateBp": 1500}""".formatted(name)), 400, "currency", "a utility's currency cannot change");
        assertThat(jdbc.queryForList("SELECT action FROM audit_event WHERE subject = ? ORDER BY id", String.class, "utility:" + id))
                .containsExactly("UTILITY_CREATED", "UTILITY_CHANGED");
    }

    @Test
    void a_utility_needs_a_three_letter_currency_and_a_tax_rate_within_100_percent() {
        assertFieldProblem(post(admin(), "/api/v1/utilities", "{\"name\": \"X\", \"currency\": \"shilling\", \"taxRateBp\": 0}"), 400,
                "currency", "currency must be an ISO-4217 code of three capital letters");
        assertFieldProblem(post(admin(), "/api/v1/utilities", "{\"name\": \"X\", \"currency\": \"KES\", \"taxRateBp\": 10001}"), 400,
                "taxRateBp", "tax rate must be 0 to 10000 basis points");
        assertProblem(post(as("operators"), "/api/v1/utilities", "{}"), 403);
    }
}
