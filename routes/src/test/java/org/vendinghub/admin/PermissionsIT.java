package org.vendinghub.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** Permissions are checked on the server for every handler: a viewer reads and never changes anything. */
class PermissionsIT extends AdminApiTest {

    private static final List<String> WRITES = List.of(
            "POST /api/v1/utilities", "PUT /api/v1/utilities/1", "POST /api/v1/supply-groups", "POST /api/v1/supply-groups/1/vending-key", "POST /api/v1/tariffs",
            "POST /api/v1/tariffs/1/versions", "POST /api/v1/customers", "PUT /api/v1/customers/1", "POST /api/v1/meters",
            "POST /api/v1/meters/1/block", "POST /api/v1/meters/1/unblock", "PUT /api/v1/meters/1/customer",
            "PUT /api/v1/meters/1/tariff", "PUT /api/v1/meters/1/kind", "PUT /api/v1/meters/1/sts-parameters",
            "POST /api/v1/debts", "PUT /api/v1/debts/1/recovery", "POST /api/v1/debts/1/write-offs", "POST /api/v1/vendors",
            "PUT /api/v1/vendors/1", "POST /api/v1/vendors/1/deposits", "POST /api/v1/vendors/1/transfers",
            "POST /api/v1/vendors/1/adjustments", "POST /api/v1/adjustments/1/approve", "POST /api/v1/adjustments/1/reject",
            "POST /api/v1/agents", "PUT /api/v1/agents/1", "POST /api/v1/vendor-groups");

    private static final List<String> READS = List.of("/api/v1/utilities", "/api/v1/supply-groups", "/api/v1/tariffs", "/api/v1/customers", "/api/v1/meters",
            "/api/v1/vendors", "/api/v1/agents", "/api/v1/vendor-groups", "/api/v1/adjustments/awaiting-decision");

    @Test
    void a_read_only_user_gets_403_on_every_write_before_anything_is_read_or_validated() {
        List<String> notRefused = new ArrayList<>();
        for (String write : WRITES) {
            String[] parts = write.split(" ");
            ResponseEntity<JsonNode> response = call(as("read-only"), HttpMethod.valueOf(parts[0]), parts[1], "{}");
            if (response.getStatusCode().value() != 403
                    || !"your groups do not grant the permission this request needs".equals(response.getBody().path("detail").asText())) {
                notRefused.add(write + " -> " + response.getStatusCode().value());
            }
        }
        assertThat(notRefused).isEmpty();
    }

    @Test
    void a_read_only_user_reads_every_list() {
        for (String read : READS) {
            assertThat(get(as("read-only"), read).getStatusCode().value()).as(read).isEqualTo(200);
        }
    }

    @Test
    void an_operator_manages_meters_and_customers_but_not_vendors_tariffs_or_keys() {
        long utilityId = utility();
        long groupId = supplyGroup(utilityId, sgc()).get("id").asLong();
        ResponseEntity<JsonNode> registered = post(as("operators"), "/api/v1/meters", """
                {"utilityId": %d, "meterNumber": "%s", "supplyGroupId": %d, "ti": "01", "kind": "THICK"}"""
                .formatted(utilityId, meterNumber(), groupId));
        assertThat(registered.getStatusCode().value()).isEqualTo(201);
        assertProblem(post(as("operators"), "/api/v1/vendors", "{}"), 403);
        assertProblem(post(as("operators"), "/api/v1/tariffs", "{}"), 403);
        assertProblem(post(as("operators"), "/api/v1/supply-groups", "{}"), 403);
        assertProblem(get(as("operators"), "/api/v1/accounts/1"), 403);
    }

    @Test
    void a_key_custodian_imports_keys_but_cannot_touch_vendors() {
        assertProblem(get(as("key-custodians"), "/api/v1/vendors"), 403);
        assertThat(get(as("key-custodians"), "/api/v1/supply-groups").getStatusCode().value()).isEqualTo(200);
    }
}
