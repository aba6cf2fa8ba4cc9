package org.vendinghub.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

class OpenApiIT extends AdminApiTest {

    @Test
    void the_openapi_document_describes_the_administration_api_with_basic_auth_a_tag_per_resource_and_its_problems() {
        JsonNode doc = ok(get(admin(), "/v3/api-docs"));
        assertThat(doc.at("/info/title").asText()).isEqualTo("Vending Hub API");
        assertThat(doc.at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");
        assertThat(doc.get("tags").findValuesAsText("name")).contains("utilities", "supply-groups", "tariffs", "customers", "meters", "debts",
                "vendors", "adjustments", "agents", "vendor-groups", "accounts");
        assertThat(doc.at("/paths/~1api~1v1~1supply-groups~1{id}~1vending-key/post/summary").asText()).contains("IMPORT_KEYS");
        assertThat(doc.at("/paths/~1api~1v1~1meters/get/parameters").findValuesAsText("name")).contains("page", "size", "status");
        assertThat(doc.at("/components/schemas/MoneyInput/properties/amountMinor/type").asText()).isEqualTo("integer");
        assertThat(doc.at("/paths/~1api~1v1~1vendors~1{id}~1deposits/post/responses/422/content/application~1problem+json/schema/$ref")
                .asText()).isEqualTo("#/components/schemas/Problem");
        assertThat(doc.at("/components/schemas/Problem/properties/errors/type").asText()).isEqualTo("array");
    }

    @Test
    void the_browsable_ui_is_served_beside_the_document_to_signed_in_users_only() {
        ResponseEntity<String> ui = admin().getForEntity(url("/swagger-ui/index.html"), String.class);
        assertThat(ui.getStatusCode().value()).isEqualTo(200);
        assertThat(ui.getBody()).contains("Swagger UI");
        ResponseEntity<String> anonymous = http.getForEntity(url("/swagger-ui/index.html"), String.class); // sent to the login form
        assertThat(anonymous.getBody()).doesNotContain("Swagger UI");
        assertThat(http.getForEntity(url("/v3/api-docs"), String.class).getBody()).doesNotContain("Vending Hub API");
    }
}
