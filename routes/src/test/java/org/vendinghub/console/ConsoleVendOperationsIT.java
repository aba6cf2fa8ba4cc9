package org.vendinghub.console;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.vendinghub.domain.ChannelRef;
import org.vendinghub.domain.Money;
import org.vendinghub.domain.VendId;
import org.vendinghub.ledger.meter.MeterView;
import org.vendinghub.ledger.pricing.PricingService;
import org.vendinghub.ledger.sale.Payer;
import org.vendinghub.sts.meter.MeterResult;
import org.vendinghub.sts.meter.MeterSimulator;
import org.vendinghub.support.HubIntegrationTest;
import org.vendinghub.support.Poll;
import org.vendinghub.support.TestUsers;
import org.vendinghub.support.VendFixture;
import org.vendinghub.vend.VendRequest;
import org.vendinghub.vend.VendService;
import org.vendinghub.vend.VendView;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vendinghub.console.ConsoleDashboardIT.text;
import static org.vendinghub.console.ConsoleUsersIT.unique;

/**
 * The cash office beyond a plain vend, over HTTP as a browser posts its forms: vend by units, engineering tokens,
 * reversal, and a meter's token history with audited reprints. Every refusal comes back next to its field with what
 * was typed.
 */
class ConsoleVendOperationsIT extends HubIntegrationTest {

    private static final String PASSWORD = "Operations-Pass-42";
    private static final Pattern RECEIPT = Pattern.compile("/console/vend/receipt/([0-9a-f-]{36})");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    VendFixture fixture;

    @Autowired
    VendService vends;

    @Autowired
    PricingService pricing;

    @Test
    void a_cashier_sells_a_number_of_units_and_the_meter_gets_exactly_those() {
        MeterView meter = fixture.meter();
        ConsoleClient cashier = operator();

        HttpResponse<String> sold = cashier.post("/console/vend", Map.of("meterNumber", meter.meterNumber(), "amount", "",
                "units", "12.5", "reference", UUID.randomUUID().toString()));

        String vendId = vendIdOf(sold);
        String receipt = cashier.get("/console/vend/receipt/" + vendId).body();
        assertThat(text(receipt, "receipt-units")).isEqualTo("12.5 kWh");
        // the smallest amount that buys 12.5 kWh at 25.00 plus 16 % VAT (units are rounded up for the customer)
        long price = pricing.quoteUnits(meter.id(), 125, Instant.now()).tenderedMinor();
        assertThat(price).isBetween(359_00L, 362_50L);
        assertThat(text(receipt, "receipt-amount")).isEqualTo("KES " + BigDecimal.valueOf(price, 2).toPlainString());
        MeterSimulator simulator = fixture.simulator(meter);
        assertThat(simulator.enter(tokenOn(receipt, 1))).isEqualTo(MeterResult.ACCEPT);
        assertThat(simulator.credit(0)).isEqualTo(125);
    }

    @Test
    void an_amount_and_units_together_or_neither_come_back_with_the_error_and_what_was_typed() {
        MeterView meter = fixture.meter();
        ConsoleClient cashier = operator();
        HttpResponse<String> both = cashier.post("/console/vend", Map.of("meterNumber", meter.meterNumber(), "amount", "50",
                "units", "2", "reference", UUID.randomUUID().toString()));
        assertThat(both.statusCode()).isEqualTo(200);
        assertThat(text(both.body(), "error-amount")).isEqualTo("give an amount or a number of units, not both");
        assertThat(both.body()).contains("value=\"50\"", "value=\"2\"", "value=\"" + meter.meterNumber() + "\"");
        HttpResponse<String> badUnits = cashier.post("/console/vend", Map.of("meterNumber", meter.meterNumber(), "amount", "",
                "units", "1.25", "reference", UUID.randomUUID().toString()));
        assertThat(text(badUnits.body(), "error-units")).isEqualTo("at most 1 decimals");
        assertThat(badUnits.body()).contains("value=\"1.25\"");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vend WHERE meter_number = ?", Integer.class, meter.meterNumber())).isZero();
    }

    @Test
    void an_engineering_token_needs_a_reason_is_accepted_by_the_meter_and_is_audited_once_even_when_posted_twice() {
        MeterView meter = fixture.meter();
        ConsoleClient engineer = operator();
        String reference = UUID.randomUUID().toString();
        Map<String, String> form = new HashMap<>(Map.of("meterNumber", meter.meterNumber(), "type", "MAX_POWER_LIMIT", "value", "5000",
                "reason", " ", "reference", reference));

        HttpResponse<String> noReason = engineer.post("/console/vend/engineering", form);
        assertThat(noReason.body()).contains("id=\"error-reason\"", "value=\"5000\"", "value=\"" + meter.meterNumber() + "\"");
        assertThat(noReason.body()).containsPattern("<option value=\"MAX_POWER_LIMIT\" selected");

        form.put("reason", "customer's main fuse is 25 A");
        String vendId = vendIdOf(engineer.post("/console/vend/engineering", form));
        assertThat(vendIdOf(engineer.post("/console/vend/engineering", form))).as("a double submit replays").isEqualTo(vendId);

        String receipt = engineer.get("/console/vend/receipt/" + vendId).body();
        assertThat(receipt).contains("Engineering token", "Maximum power 5000 W");
        MeterSimulator simulator = fixture.simulator(meter);
        assertThat(simulator.enter(tokenOn(receipt, 1))).isEqualTo(MeterResult.ACCEPT);
        assertThat(simulator.maxPowerLimitWatts()).isEqualTo(5000);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'ENGINEERING_TOKEN' AND subject = ? AND detail LIKE ?",
                Integer.class, "meter " + meter.meterNumber(), "%main fuse%")).isEqualTo(1);
    }

    @Test
    void an_engineering_token_the_meter_is_not_due_or_a_wrong_value_is_refused_next_to_its_field() {
        MeterView meter = fixture.meter();
        ConsoleClient engineer = operator();
        HttpResponse<String> keyChange = engineer.post("/console/vend/engineering", Map.of("meterNumber", meter.meterNumber(),
                "type", "KEY_CHANGE", "value", "", "reason", "new key", "reference", UUID.randomUUID().toString()));
        assertThat(text(keyChange.body(), "error-type")).contains("has no key change due");
        HttpResponse<String> tooMuch = engineer.post("/console/vend/engineering", Map.of("meterNumber", meter.meterNumber(),
                "type", "CLEAR_CREDIT", "value", "9", "reason", "meter swap", "reference", UUID.randomUUID().toString()));
        assertThat(text(tooMuch.body(), "error-value")).isEqualTo("must be between 0 and 7");
        HttpResponse<String> unknown = engineer.post("/console/vend/engineering", Map.of("meterNumber", "01234567892",
                "type", "CLEAR_TAMPER", "value", "", "reason", "seal", "reference", UUID.randomUUID().toString()));
        assertThat(unknown.body()).contains("id=\"error-meterNumber\"");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vend WHERE meter_number = ?", Integer.class, meter.meterNumber())).isZero();
    }

    @Test
    void a_reversal_needs_a_reason_and_what_the_vend_service_refuses_is_shown_next_to_the_form() {
        MeterView meter = fixture.meter();
        ConsoleClient operator = operator();
        String vendId = vendIdOf(operator.post("/console/vend", Map.of("meterNumber", meter.meterNumber(), "amount", "116",
                "units", "", "reference", UUID.randomUUID().toString())));
        String path = "/console/vend/receipt/" + vendId + "/reversal";

        assertThat(text(operator.post(path, Map.of("reason", "")).body(), "error-reason")).isEqualTo("is required: say why the money goes back");
        HttpResponse<String> reversed = operator.post(path, Map.of("reason", "wrong meter number"));
        assertThat(reversed.statusCode()).isEqualTo(302);
        String receipt = operator.get("/console/vend/receipt/" + vendId).body();
        assertThat(text(receipt, "receipt-status")).isEqualTo("REVERSED");
        assertThat(receipt).contains("Vend reversed").doesNotContain("id=\"reversal-form\"");

        HttpResponse<String> again = operator.post(path, Map.of("reason", "clicked twice"));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(text(again.body(), "error-reason")).contains("was already reversed", "ALREADY_REVERSED");
        assertThat(again.body()).contains("value=\"clicked twice\"");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'VEND_REVERSED' AND subject = ?",
                Integer.class, "vend " + vendId)).isEqualTo(1);
    }

    @Test
    void users_without_the_permission_neither_see_nor_may_post_reversals_and_engineering_tokens() {
        MeterView meter = fixture.meter();
        String vendId = vendIdOf(operator().post("/console/vend", Map.of("meterNumber", meter.meterNumber(), "amount", "50",
                "units", "", "reference", UUID.randomUUID().toString())));
        String clerk = unique("ops-finance");
        TestUsers.ensure(jdbc, encoder, clerk, PASSWORD, "finance"); // VIEW_VENDS, but neither REVERSE_VENDS nor ISSUE_ENGINEERING_TOKENS
        ConsoleClient finance = ConsoleClient.signedIn(port, clerk, PASSWORD);

        HttpResponse<String> receipt = finance.get("/console/vend/receipt/" + vendId);
        assertThat(receipt.statusCode()).isEqualTo(200);
        assertThat(receipt.body()).doesNotContain("reversal-form");
        assertThat(finance.post("/console/vend/receipt/" + vendId + "/reversal", Map.of("reason", "x")).statusCode()).isEqualTo(403);
        assertThat(finance.get("/console/vend/engineering").statusCode()).isEqualTo(403);
        assertThat(finance.post("/console/vend/engineering", Map.of("meterNumber", meter.meterNumber(), "type", "CLEAR_TAMPER",
                "reason", "x", "reference", "r")).statusCode()).isEqualTo(403);
        assertThat(finance.get("/console/meters/" + meter.id()).body()).doesNotContain("engineering-for-meter");
        assertThat(vends.find(VendId.parse(vendId)).orElseThrow().status().name()).isEqualTo("ISSUED");
    }

    @Test
    void the_meter_page_pages_through_the_token_history_without_digits_and_each_reprint_is_audited() {
        MeterView meter = fixture.meter();
        for (int i = 1; i <= MetersController.HISTORY_PAGE_SIZE + 1; i++) {
            vends.vend(new VendRequest(new ChannelRef("API", "history-" + UUID.randomUUID()), meter.meterNumber(),
                    Money.of(2_900L + 100L * i, "KES"), null, Payer.channel("API"), "history-test", null, null, Map.of()));
        }
        Poll.until("all 21 vends settled", Duration.ofSeconds(60), () -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM vend WHERE meter_number = ? AND status IN ('ISSUED', 'DELIVERED', 'VOIDED')", Integer.class,
                meter.meterNumber()) == 21);
        assertThat(jdbc.queryForList("SELECT CONCAT(status, ' ', COALESCE(failure_code, ''), ' ', COALESCE(failure_message, '')) "
                + "FROM vend WHERE meter_number = ?", String.class, meter.meterNumber())).containsOnly("ISSUED  ");
        VendView newest = vends.recentVends(meter.meterNumber(), 1, "history-test").get(0);
        ConsoleClient reader = reader();

        String first = reader.get("/console/meters/" + meter.id()).body();
        assertThat(first).contains("Page 1 of 2 (21)", "id=\"history-" + newest.receiptNo() + "\"", "KES 50.00")
                .doesNotContain(newest.tokens().get(0).formatted(), "KES 30.00");
        String second = reader.get("/console/meters/" + meter.id() + "?page=1").body();
        assertThat(second).contains("Page 2 of 2 (21)", "KES 30.00").doesNotContain("KES 50.00");

        int before = reprints(meter);
        String copy = reader.get("/console/vend/reprint/" + newest.id()).body();
        assertThat(copy).contains("id=\"reprint-mark\"", newest.tokens().get(0).formatted());
        assertThat(reprints(meter)).isEqualTo(before + 1);
        assertThat(reader.get("/console/vend/receipt/" + newest.id()).body()).contains(newest.tokens().get(0).formatted());
        assertThat(reprints(meter)).as("the receipt page shows the digits too").isEqualTo(before + 2);
    }

    private ConsoleClient operator() {
        String name = unique("ops-operator");
        TestUsers.ensure(jdbc, encoder, name, PASSWORD, "operators");
        return ConsoleClient.signedIn(port, name, PASSWORD);
    }

    private ConsoleClient reader() {
        String name = unique("ops-reader");
        TestUsers.ensure(jdbc, encoder, name, PASSWORD, "read-only");
        return ConsoleClient.signedIn(port, name, PASSWORD);
    }

    private int reprints(MeterView meter) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'TOKENS_REPRINTED' AND subject = ?",
                Integer.class, "meter " + meter.meterNumber());
        return count == null ? 0 : count;
    }

    private String vendIdOf(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        Matcher m = RECEIPT.matcher(response.headers().firstValue("Location").orElse(""));
        assertThat(m.find()).as("redirect to a receipt: " + response.headers().firstValue("Location")).isTrue();
        return m.group(1);
    }

    private static String tokenOn(String receipt, int seq) {
        return text(receipt, "token-" + seq).replace(" ", "");
    }
}
