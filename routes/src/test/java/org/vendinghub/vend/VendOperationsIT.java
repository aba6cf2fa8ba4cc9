package org.vendinghub.vend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.vendinghub.ledger.debt.DebtService;
import org.vendinghub.ledger.debt.DebtView;
import org.vendinghub.ledger.debt.NewDebt;
import org.vendinghub.ledger.meter.MeterService;
import org.vendinghub.ledger.meter.MeterView;
import org.vendinghub.ledger.tariff.TariffFee;
import org.vendinghub.ledger.tariff.TariffView;
import org.vendinghub.ledger.testsupport.LedgerInvariants;
import org.vendinghub.ledger.utility.SupplyGroupView;
import org.vendinghub.sts.BaseDate;
import org.vendinghub.sts.Dkga;
import org.vendinghub.sts.Ea;
import org.vendinghub.sts.MeterKeyParams;
import org.vendinghub.sts.meter.MeterResult;
import org.vendinghub.sts.meter.MeterSimulator;
import org.vendinghub.support.HubIntegrationTest;
import org.vendinghub.support.Poll;
import org.vendinghub.support.TestUsers;
import org.vendinghub.support.VendFixture;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class VendOperationsIT extends HubIntegrationTest {

    @Autowired
    VendFixture fixture;

    @Autowired
    MeterService meters;

    @Autowired
    DebtService debts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    PasswordEncoder encoder;

    @Test
    void the_vend_check_names_the_customer_and_the_smallest_purchase_and_says_why_a_blocked_meter_cannot_vend() throws Exception {
        MeterView meter = fixture.meter();
        JsonNode check = json.readTree(admin().getForObject(url("/api/v1/meters/" + meter.meterNumber() + "/vend-check"), String.class));
        assertThat(check.get("canVend").asBoolean()).isTrue();
        assertThat(check.get("customerName").asText()).startsWith("Customer ");
        assertThat(check.get("customerAddress").asText()).isEqualTo("Plot 7, Kisumu");
        assertThat(check.get("minAmountMinor").asLong()).isBetween(28_00L, 30_00L); // 1 kWh at 25.00 + 16 % VAT
        assertThat(check.get("currency").asText()).isEqualTo("KES");
        assertThat(check.get("utilityName").asText()).startsWith("Test Power ");
        assertThat(check.get("accountNumber").asText()).startsWith("ACC-");
        assertThat(check.get("tariffName").asText()).isEqualTo("Residential single rate");
        JsonNode noCustomer = check(fixture.meter(fixture.supplyGroup("0123456789abcdef0123456789abcdef01234567")));
        assertThat(noCustomer.hasNonNull("customerName")).isFalse();
        assertThat(noCustomer.get("utilityName").asText()).isEqualTo(check.get("utilityName").asText());
        assertThat(noCustomer.get("canVend").asBoolean()).isTrue();

        meters.block(meter.id(), "unpaid connection fee");
        JsonNode blocked = json.readTree(admin().getForObject(url("/api/v1/meters/" + meter.meterNumber() + "/vend-check"), String.class));
        assertThat(blocked.get("canVend").asBoolean()).isFalse();
        assertThat(blocked.get("reasonCode").asText()).isEqualTo("BLOCKED_METER");
        assertThat(blocked.get("reason").asText()).isEqualTo("meter " + meter.meterNumber() + " is blocked: unpaid connection fee");
    }

    @Test
    void the_vend_check_shows_this_months_fees_and_the_open_debt_and_drops_the_fee_once_a_vend_has_paid_it() throws Exception {
        MeterView meter = fixture.meterWithMonthlyFees(List.of(new TariffFee("SVC", "Service charge", 150_00)));
        DebtView debt = debts.register(new NewDebt("d-" + UUID.randomUUID(), meter.customerId(), "Old bill", 400_00, 2_500, null, "admin"));

        JsonNode before = check(meter);
        assertThat(before.get("canVend").asBoolean()).isTrue();
        assertThat(before.get("feesDueMinor").asLong()).isEqualTo(150_00);
        assertThat(before.get("debtOutstandingMinor").asLong()).isEqualTo(400_00);
        assertThat(before.get("debtRecoveryBp").asInt()).isEqualTo(2_500);
        assertThat(before.get("minAmountMinor").asLong()).isGreaterThan(150_00); // the fee first, then at least one unit

        ResponseEntity<String> vended = vend(meter, 1_000_00, null);
        assertThat(json.readTree(vended.getBody()).get("status").asText()).as(vended.getBody()).isEqualTo("ISSUED");

        JsonNode after = check(meter);
        assertThat(after.get("feesDueMinor").asLong()).isZero();
        assertThat(after.get("debtOutstandingMinor").asLong()).isLessThan(400_00)
                .isEqualTo(debts.debt(debt.id()).outstandingMinor());
        assertThat(after.get("minAmountMinor").asLong()).isLessThan(before.get("minAmountMinor").asLong());
    }

    @Test
    void the_vend_check_says_a_meter_whose_tariff_has_no_prices_yet_cannot_vend_instead_of_failing() throws Exception {
        MeterView meter = fixture.meter();
        TariffView later = fixture.tariff("Prices from tomorrow", Instant.now().plus(Duration.ofDays(1)), List.of());
        meters.assignTariff(meter.id(), later.id());

        JsonNode check = check(meter);
        assertThat(check.get("canVend").asBoolean()).isFalse();
        assertThat(check.get("reasonCode").asText()).isEqualTo("NO_TARIFF_VALID");
        assertThat(check.get("reason").asText()).contains("has no prices valid at");
        assertThat(check.get("customerName").asText()).startsWith("Customer ");
    }

    private JsonNode check(MeterView meter) throws Exception {
        return json.readTree(admin().getForObject(url("/api/v1/meters/" + meter.meterNumber() + "/vend-check"), String.class));
    }

    @Test
    void a_reprint_shows_the_issued_token_and_is_audited() throws Exception {
        MeterView meter = fixture.meter();
        String token = json.readTree(vend(meter, 50_00, null).getBody()).at("/tokens/0/token").asText();
        JsonNode reprint = json.readTree(admin().getForObject(url("/api/v1/meters/" + meter.meterNumber() + "/tokens"), String.class));
        assertThat(reprint.get(0).at("/tokens/0/token").asText()).isEqualTo(token);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'TOKENS_REPRINTED' AND subject = ?",
                Integer.class, "meter " + meter.meterNumber())).isEqualTo(1);
    }

    @Test
    void a_reversal_returns_the_money_once_and_a_second_one_is_refused_with_its_reason() throws Exception {
        MeterView meter = fixture.meter();
        String vendId = json.readTree(vend(meter, 116_00, null).getBody()).get("vendId").asText();

        ResponseEntity<String> reversed = admin().postForEntity(url("/api/v1/vends/" + vendId + "/reversal"),
                Map.of("reason", "customer gave the wrong meter number"), String.class);
        assertThat(reversed.getStatusCode().value()).as(reversed.getBody()).isEqualTo(200);
        assertThat(json.readTree(reversed.getBody()).get("status").asText()).isEqualTo("REVERSED");
        assertThat(jdbc.queryForObject("SELECT COALESCE(SUM(amount_minor), 0) FROM ledger_transfer WHERE code = 'VEND_REVERSAL' "
                + "AND reference = ? AND id LIKE ?", Long.class, vendId, "%:post:rev")).isEqualTo(116_00L);
        LedgerInvariants.assertHold(jdbc);

        ResponseEntity<String> again = admin().postForEntity(url("/api/v1/vends/" + vendId + "/reversal"),
                Map.of("reason", "again"), String.class);
        assertThat(again.getStatusCode().value()).isEqualTo(422);
        assertThat(json.readTree(again.getBody()).get("code").asText()).isEqualTo("ALREADY_REVERSED");
    }

    @Test
    void a_read_only_user_can_neither_vend_nor_reverse() {
        TestUsers.ensure(jdbc, encoder, "vend-reader", "Vend-Reader-Password-1", "read-only");
        MeterView meter = fixture.meter();
        ResponseEntity<String> vend = http.withBasicAuth("vend-reader", "Vend-Reader-Password-1").postForEntity(url("/api/v1/vends"),
                Map.of("clientRef", "r-" + UUID.randomUUID(), "meterNumber", meter.meterNumber(),
                        "amount", Map.of("amountMinor", 50_00, "currency", "KES")), String.class);
        assertThat(vend.getStatusCode().value()).isEqualTo(403);
        ResponseEntity<String> reversal = http.withBasicAuth("vend-reader", "Vend-Reader-Password-1").postForEntity(
                url("/api/v1/vends/" + UUID.randomUUID() + "/reversal"), Map.of("reason", "x"), String.class);
        assertThat(reversal.getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void engineering_tokens_set_the_power_limit_and_give_free_units_that_the_meter_accepts() throws Exception {
        MeterView meter = fixture.meter();
        MeterSimulator simulator = fixture.simulator(meter);
        JsonNode limit = json.readTree(engineering(meter, "MAX_POWER_LIMIT", 5000).getBody());
        JsonNode free = json.readTree(engineering(meter, "FREE_UNITS", 500).getBody());

        assertThat(simulator.enter(limit.at("/tokens/0/token").asText())).isEqualTo(MeterResult.ACCEPT);
        assertThat(simulator.maxPowerLimitWatts()).isEqualTo(5000);
        assertThat(simulator.enter(free.at("/tokens/0/token").asText())).isEqualTo(MeterResult.ACCEPT);
        assertThat(simulator.credit(0)).isEqualTo(500);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'ENGINEERING_TOKEN' AND subject = ?",
                Integer.class, "meter " + meter.meterNumber())).isEqualTo(2);
    }

    @Test
    void after_a_change_of_supply_group_the_next_vend_brings_the_key_change_tokens_and_the_meter_takes_the_new_key() throws Exception {
        MeterView meter = fixture.meter();
        MeterSimulator simulator = fixture.simulator(meter);
        String newKey = "0123456789abcdef0123456789abcdef01234567";
        SupplyGroupView newGroup = fixture.supplyGroup(newKey);
        assertThat(check(meter).get("keyChangeDue").asBoolean()).isFalse();
        meters.changeStsParameters(meter.id(), newGroup.id(), "02", "admin");
        assertThat(check(meter).get("keyChangeDue").asBoolean()).as("the cashier is told the token comes with key changes").isTrue();

        JsonNode vend = json.readTree(vend(meter, 58_00, null).getBody());
        JsonNode tokens = vend.get("tokens");
        assertThat(tokens).hasSize(5);
        for (int i = 0; i < 4; i++) {
            assertThat(tokens.get(i).get("kind").asText()).isEqualTo("KEY_CHANGE");
            assertThat(simulator.enter(tokens.get(i).get("token").asText())).isIn(MeterResult.FIRST_KCT, MeterResult.SECOND_KCT, MeterResult.ACCEPT);
        }
        assertThat(simulator.enter(tokens.get(4).get("token").asText())).isEqualTo(MeterResult.ACCEPT);
        assertThat(simulator.credit(0)).isEqualTo(20); // 58.00 incl. VAT = 50.00 of energy = 2.0 kWh

        MeterSimulator fresh = MeterSimulator.forMeter(new MeterKeyParams(meter.pan(), newGroup.sgc(), 2, 1, 2, BaseDate.Y2014,
                Dkga.DKGA04, Ea.EA11), HexFormat.of().parseHex(newKey));
        assertThat(fresh.enter(json.readTree(vend(meter, 29_00, null).getBody()).at("/tokens/0/token").asText()))
                .as("a later vend has no key change and works under the new key").isEqualTo(MeterResult.ACCEPT);
    }

    @Test
    void when_the_token_cannot_be_made_the_reservation_is_voided_and_no_money_is_kept() throws Exception {
        MeterView meter = fixture.meter(fixture.supplyGroup(null)); // its supply group's key was never imported
        ResponseEntity<String> response = vend(meter, 50_00, null);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(422);
        String vendId = json.readTree(response.getBody()).get("vendId").asText();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_transfer WHERE id = ?", Integer.class, "vend:" + vendId + ":void"))
                .as("the reservation was voided").isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vend_token WHERE vend_id = ?", Integer.class, vendId)).isZero();
        LedgerInvariants.assertHold(jdbc);
    }

    /** Vends sent at once share the reserve-and-issue transaction; the one whose token cannot be made fails alone. */
    @Test
    void among_vends_sent_at_once_the_one_whose_token_cannot_be_made_is_voided_and_the_others_are_issued() throws Exception {
        List<MeterView> keyed = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            keyed.add(fixture.meter());
        }
        MeterView keyless = fixture.meter(fixture.supplyGroup(null));
        List<MeterView> all = new ArrayList<>(keyed);
        all.add(4, keyless);
        ExecutorService cashiers = Executors.newFixedThreadPool(all.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ResponseEntity<String>>> sent = new ArrayList<>();
        try {
            for (MeterView meter : all) {
                sent.add(cashiers.submit(() -> {
                    start.await();
                    return vend(meter, 50_00, null);
                }));
            }
            start.countDown();
            for (int i = 0; i < all.size(); i++) {
                ResponseEntity<String> response = sent.get(i).get(30, TimeUnit.SECONDS);
                JsonNode vend = json.readTree(response.getBody());
                if (all.get(i) == keyless) {
                    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(422);
                    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_transfer WHERE id = ?", Integer.class,
                            "vend:" + vend.get("vendId").asText() + ":void")).as("its reservation was voided").isEqualTo(1);
                } else {
                    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
                    assertThat(vend.get("meterNumber").asText()).isEqualTo(all.get(i).meterNumber());
                    assertThat(fixture.simulator(all.get(i)).enter(vend.at("/tokens/0/token").asText()))
                            .as("the token made for this meter, not a neighbour's in the batch").isEqualTo(MeterResult.ACCEPT);
                }
            }
        } finally {
            cashiers.shutdownNow();
        }
        LedgerInvariants.assertHold(jdbc);
    }

    @Test
    void a_delivery_that_cannot_be_sent_is_recorded_with_its_reason_and_never_undoes_the_vend() throws Exception {
        MeterView meter = fixture.meter();
        JsonNode vend = json.readTree(vend(meter, 50_00, "+254712000111").getBody());
        String vendId = vend.get("vendId").asText();
        assertThat(vend.get("status").asText()).isEqualTo("ISSUED");
        // no SMS gateway is configured: a refusal that sending again cannot change, so it is not retried
        Poll.until("the delivery attempt is recorded", Duration.ofSeconds(20), () -> "REJECTED".equals(jdbc.queryForObject(
                "SELECT delivery_status FROM vend WHERE id = ?", String.class, vendId)));
        assertThat(jdbc.queryForObject("SELECT status FROM vend WHERE id = ?", String.class, vendId)).isEqualTo("ISSUED");
        assertThat(jdbc.queryForObject("SELECT delivery_detail FROM vend WHERE id = ?", String.class, vendId))
                .contains("no SMS gateway configured");
    }

    private ResponseEntity<String> vend(MeterView meter, long amountMinor, String sms) {
        Map<String, Object> body = sms == null
                ? Map.of("clientRef", UUID.randomUUID().toString(), "meterNumber", meter.meterNumber(),
                        "amount", Map.of("amountMinor", amountMinor, "currency", "KES"))
                : Map.of("clientRef", UUID.randomUUID().toString(), "meterNumber", meter.meterNumber(),
                        "amount", Map.of("amountMinor", amountMinor, "currency", "KES"), "deliver", Map.of("sms", sms));
        return admin().postForEntity(url("/api/v1/vends"), body, String.class);
    }

    private ResponseEntity<String> engineering(MeterView meter, String type, long value) {
        return admin().postForEntity(url("/api/v1/meters/" + meter.meterNumber() + "/engineering-tokens"),
                Map.of("clientRef", UUID.randomUUID().toString(), "type", type, "value", value, "reason", "site visit"), String.class);
    }
}
