package org.vendinghub.vend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vendinghub.ledger.meter.MeterService;
import org.vendinghub.ledger.meter.MeterView;
import org.vendinghub.ledger.testsupport.LedgerInvariants;
import org.vendinghub.sts.meter.MeterResult;
import org.vendinghub.sts.meter.MeterSimulator;
import org.vendinghub.support.HubIntegrationTest;
import org.vendinghub.support.VendFixture;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class VendApiIT extends HubIntegrationTest {

    @Autowired
    VendFixture fixture;

    @Autowired
    MeterService meters;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    @Test
    void a_vend_by_amount_issues_a_token_that_the_meter_accepts_with_the_priced_units() throws Exception {
        MeterView meter = fixture.meter();
        MeterSimulator simulator = fixture.simulator(meter);

        ResponseEntity<String> response = vend(UUID.randomUUID().toString(), meter.meterNumber(), 116_00);

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        JsonNode vend = json.readTree(response.getBody());
        assertThat(vend.get("status").asText()).isEqualTo("ISSUED");
        // 116.00 KES with 16 % VAT included: 100.00 of energy at 25.00/kWh = 4.0 kWh
        assertThat(vend.get("unitsTenths").asLong()).isEqualTo(40);
        assertThat(vend.at("/receipt/taxMinor").asLong()).isEqualTo(16_00);
        String token = vend.at("/tokens/0/token").asText();
        assertThat(vend.at("/tokens/0/formatted").asText()).matches("\\d{4}( \\d{4}){4}");

        assertThat(simulator.enter(token)).isEqualTo(MeterResult.ACCEPT);
        assertThat(simulator.credit(0)).isEqualTo(40);
        LedgerInvariants.assertHold(jdbc);
    }

    @Test
    void replaying_a_client_reference_returns_the_same_vend_and_token_which_the_meter_refuses_as_used() throws Exception {
        MeterView meter = fixture.meter();
        MeterSimulator simulator = fixture.simulator(meter);
        String ref = UUID.randomUUID().toString();

        JsonNode first = json.readTree(vend(ref, meter.meterNumber(), 50_00).getBody());
        ResponseEntity<String> again = vend(ref, meter.meterNumber(), 50_00);

        assertThat(again.getStatusCode().value()).isEqualTo(200);
        JsonNode second = json.readTree(again.getBody());
        assertThat(second.get("vendId").asText()).isEqualTo(first.get("vendId").asText());
        String token = second.at("/tokens/0/token").asText();
        assertThat(token).isEqualTo(first.at("/tokens/0/token").asText());
        assertThat(simulator.enter(token)).isEqualTo(MeterResult.ACCEPT);
        assertThat(simulator.enter(token)).isEqualTo(MeterResult.USED);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vend_token t JOIN vend v ON v.id = t.vend_id WHERE v.meter_number = ?",
                Integer.class, meter.meterNumber())).isEqualTo(1);
    }

    @Test
    void the_same_client_reference_with_another_amount_is_a_conflict() {
        MeterView meter = fixture.meter();
        String ref = UUID.randomUUID().toString();
        vend(ref, meter.meterNumber(), 50_00);
        ResponseEntity<String> conflict = vend(ref, meter.meterNumber(), 60_00);
        assertThat(conflict.getStatusCode().value()).isEqualTo(409);
    }

    @Test
    void an_unknown_meter_is_refused_with_its_reason_and_no_money_moves() throws Exception {
        ResponseEntity<String> response = vend(UUID.randomUUID().toString(), "01234567897", 50_00);
        assertThat(response.getStatusCode().value()).isEqualTo(422);
        JsonNode problem = json.readTree(response.getBody());
        assertThat(problem.get("code").asText()).isEqualTo("UNKNOWN_METER");
        assertThat(problem.get("detail").asText()).isEqualTo("meter 01234567897 is not registered");
        LedgerInvariants.assertHold(jdbc);
    }

    @Test
    void a_blocked_meter_is_refused_and_the_vend_keeps_the_reason() throws Exception {
        MeterView meter = fixture.meter();
        meters.block(meter.id(), "tampered seal");
        ResponseEntity<String> response = vend(UUID.randomUUID().toString(), meter.meterNumber(), 50_00);
        JsonNode problem = json.readTree(response.getBody());
        assertThat(response.getStatusCode().value()).isEqualTo(422);
        assertThat(problem.get("code").asText()).isEqualTo("BLOCKED_METER");
        assertThat(problem.get("detail").asText()).isEqualTo("meter " + meter.meterNumber() + " is blocked: tampered seal");
        String vendId = problem.get("vendId").asText();
        assertThat(admin().getForObject(url("/api/v1/vends/" + vendId), String.class)).contains("\"status\":\"VOIDED\"");
    }

    @Test
    void fifty_parallel_vends_for_one_meter_get_fifty_distinct_tids_and_the_meter_accepts_them_all() throws Exception {
        MeterView meter = fixture.meter();
        MeterSimulator simulator = fixture.simulator(meter);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<ResponseEntity<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            calls.add(pool.submit(() -> vend(UUID.randomUUID().toString(), meter.meterNumber(), 30_00)));
        }
        List<JsonNode> tokens = new ArrayList<>();
        for (Future<ResponseEntity<String>> call : calls) {
            ResponseEntity<String> response = call.get();
            assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
            tokens.add(json.readTree(response.getBody()).at("/tokens/0"));
        }
        pool.shutdown();
        assertThat(tokens.stream().map(t -> t.get("tid").asLong()).distinct()).hasSize(50);
        tokens.sort(Comparator.comparingLong(t -> t.get("tid").asLong()));
        for (JsonNode token : tokens) {
            assertThat(simulator.enter(token.get("token").asText())).isEqualTo(MeterResult.ACCEPT);
        }
        LedgerInvariants.assertHold(jdbc);
    }

    private ResponseEntity<String> vend(String clientRef, String meterNumber, long amountMinor) {
        Map<String, Object> body = Map.of("clientRef", clientRef, "meterNumber", meterNumber,
                "amount", Map.of("amountMinor", amountMinor, "currency", "KES"));
        return admin().postForEntity(url("/api/v1/vends"), body, String.class);
    }
}
