package org.vendinghub.pos;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vendinghub.domain.VendId;
import org.vendinghub.ledger.TransferCode;
import org.vendinghub.ledger.TransferKind;
import org.vendinghub.ledger.TransferView;
import org.vendinghub.ledger.meter.MeterService;
import org.vendinghub.ledger.meter.MeterView;
import org.vendinghub.ledger.sale.VendMoneyService;
import org.vendinghub.ledger.testsupport.LedgerInvariants;
import org.vendinghub.ledger.vendor.VendorService;
import org.vendinghub.ledger.vendor.VendorView;
import org.vendinghub.sts.meter.MeterResult;
import org.vendinghub.sts.meter.MeterSimulator;
import org.vendinghub.support.HubIntegrationTest;
import org.vendinghub.support.VendFixture;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A POS terminal's day: sign in, open a shift, vend, reprint, reverse, close, and a Z-report that matches the ledger. */
class PosTerminalFlowIT extends HubIntegrationTest {

    @Autowired
    PosTestTerminals terminals;
    @Autowired
    VendFixture fixture;
    @Autowired
    VendorService vendors;
    @Autowired
    VendMoneyService money;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterService meters;

    @Test
    void sign_in_open_vend_reprint_reverse_close_and_the_z_report_totals_equal_what_the_ledger_posted() {
        PosTestTerminals.Terminal t = terminals.vendorWithTerminal(1_000_00);
        PosClient pos = PosClient.of(http, url(""), t);
        assertThat(pos.get("/api/pos/v1/terminal").getBody().at("/floatAvailable/amountMinor").asLong()).isEqualTo(1_000_00);
        pos.signedIn(t.cashier());
        assertThat(code(pos.vend("no-shift", fixture.meter().meterNumber(), 116_00))).isEqualTo("NO_OPEN_SHIFT");
        ResponseEntity<JsonNode> opened = pos.post("/api/pos/v1/shifts", null);
        assertThat(opened.getStatusCode().value()).isEqualTo(201);
        assertThat(opened.getBody().get("shiftNo").asInt()).isEqualTo(1);
        long shiftId = opened.getBody().get("shiftId").asLong();
        MeterView m1 = fixture.meter();
        MeterView m2 = fixture.meter();

        JsonNode a = created(pos.vend("sale-1", m1.meterNumber(), 116_00));   // 100.00 energy + 16.00 VAT = 4.0 kWh
        JsonNode b = created(pos.vend("sale-2", m2.meterNumber(), 58_00));    // 2.0 kWh
        JsonNode c = created(pos.vend("sale-3", m1.meterNumber(), 29_00));    // 1.0 kWh
        ResponseEntity<JsonNode> refused = pos.vend("sale-4", "01234567897", 50_00);
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody().get("code").asText()).isEqualTo("UNKNOWN_METER");
        assertThat(a.at("/price/taxMinor").asLong()).isEqualTo(16_00);
        assertThat(c.at("/floatAvailable/amountMinor").asLong()).isEqualTo(1_000_00 - 116_00 - 58_00 - 29_00);

        String last = text(pos.bytes("/api/pos/v1/vends/last/receipt?width=32"));
        assertThat(last).contains(c.at("/tokens/0/formatted").asText()).contains(c.get("receiptNo").asText())
                .doesNotContain("COPY");
        assertThat(text(pos.bytes("/api/pos/v1/vends/" + a.get("vendId").asText() + "/receipt?width=48"))).doesNotContain("COPY");
        String reprint = text(pos.bytes("/api/pos/v1/vends/" + a.get("vendId").asText() + "/receipt?width=48"));
        assertThat(reprint).contains("TAX INVOICE - COPY 1").contains(a.at("/tokens/0/formatted").asText());

        ResponseEntity<JsonNode> reversal = pos.post("/api/pos/v1/vends/" + b.get("vendId").asText() + "/reversal",
                Map.of("reason", "customer's card payment bounced"));
        assertThat(reversal.getStatusCode().value()).as("%s", reversal.getBody()).isEqualTo(200);
        assertThat(reversal.getBody().get("status").asText()).isEqualTo("REVERSED");

        ResponseEntity<JsonNode> closed = pos.post("/api/pos/v1/shifts/current/close", null);
        assertThat(closed.getStatusCode().value()).as("%s", closed.getBody()).isEqualTo(200);
        JsonNode totals = closed.getBody().get("totals");
        assertThat(totals.at("/sales/count").asLong()).isEqualTo(3);
        assertThat(totals.at("/sales/valueMinor").asLong()).isEqualTo(203_00);
        assertThat(totals.at("/reversals/count").asLong()).isEqualTo(1);
        assertThat(totals.at("/reversals/valueMinor").asLong()).isEqualTo(58_00);
        assertThat(totals.at("/net/valueMinor").asLong()).isEqualTo(145_00);
        assertThat(totals.at("/net/unitsTenths").asLong()).isEqualTo(50);
        assertThat(totals.at("/tokens/credit").asLong()).isEqualTo(3);
        assertThat(totals.get("refusedCount").asLong()).isEqualTo(1);
        assertThat(totals.get("reprints").asLong()).isEqualTo(1);

        // the ledger, read through its own API: what the shift's vends moved on the vendor's float and to tax payable
        VendorView vendor = vendors.vendor(t.vendorId());
        List<TransferView> transfers = new ArrayList<>();
        for (JsonNode vend : List.of(a, b, c)) {
            transfers.addAll(money.transfersOf(VendId.parse(vend.get("vendId").asText())));
        }
        transfers.addAll(money.transfersOf(VendId.parse(refused.getBody().get("vendId").asText())));
        long floatDebits = posted(transfers).stream().filter(tr -> tr.debitAccountId() == vendor.floatAccountId())
                .mapToLong(TransferView::amountMinor).sum();
        long floatCredits = posted(transfers).stream().filter(tr -> tr.creditAccountId() == vendor.floatAccountId())
                .mapToLong(TransferView::amountMinor).sum();
        long taxPosted = posted(transfers).stream().filter(tr -> tr.code() == TransferCode.VEND_TAX).mapToLong(TransferView::amountMinor).sum();
        assertThat(totals.at("/sales/valueMinor").asLong()).isEqualTo(floatDebits);
        assertThat(totals.at("/reversals/valueMinor").asLong()).isEqualTo(floatCredits);
        assertThat(totals.at("/net/valueMinor").asLong()).isEqualTo(floatDebits - floatCredits)
                .isEqualTo(1_000_00 - vendor.balanceMinor());
        assertThat(totals.at("/sales/taxMinor").asLong()).isEqualTo(taxPosted);
        assertThat(closed.getBody().at("/closingFloat/amountMinor").asLong()).isEqualTo(vendor.availableMinor());
        LedgerInvariants.assertHold(jdbc);

        String z = text(pos.bytes("/api/pos/v1/shifts/" + shiftId + "/z-report?width=48"));
        assertThat(z).contains("Z REPORT - SHIFT CLOSED").contains("KES 203.00").contains("KES 58.00").contains("KES 145.00");
        assertThat(z.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(48));
        assertThat(code(pos.vend("after-close", m1.meterNumber(), 29_00))).isEqualTo("NO_OPEN_SHIFT");
        assertThat(code(pos.get("/api/pos/v1/vends/last"))).isEqualTo("NO_OPEN_SHIFT");
    }

    @Test
    void a_retry_with_the_same_client_reference_returns_the_same_vend_and_token_and_charges_once() {
        PosTestTerminals.Terminal t = terminals.vendorWithTerminal(500_00);
        PosClient pos = PosClient.of(http, url(""), t).signedIn(t.cashier());
        pos.post("/api/pos/v1/shifts", null);
        MeterView meter = fixture.meter();

        JsonNode first = created(pos.vend("timeout-1", meter.meterNumber(), 116_00));
        ResponseEntity<JsonNode> retry = pos.vend("timeout-1", meter.meterNumber(), 116_00);
        ResponseEntity<JsonNode> other = pos.vend("timeout-1", meter.meterNumber(), 58_00);

        assertThat(retry.getStatusCode().value()).isEqualTo(200);
        assertThat(retry.getBody().get("vendId").asText()).isEqualTo(first.get("vendId").asText());
        assertThat(retry.getBody().at("/tokens/0/token").asText()).isEqualTo(first.at("/tokens/0/token").asText());
        assertThat(other.getStatusCode().value()).isEqualTo(409);
        assertThat(vendors.vendor(t.vendorId()).availableMinor()).isEqualTo(500_00 - 116_00);
        JsonNode found = pos.get("/api/pos/v1/vends?clientRef=timeout-1").getBody();
        assertThat(found.get("vendId").asText()).isEqualTo(first.get("vendId").asText());
        JsonNode shift = pos.get("/api/pos/v1/shifts/current").getBody();
        assertThat(shift.at("/totals/sales/count").asLong()).isEqualTo(1);
    }

    @Test
    void the_token_of_a_pos_vend_is_accepted_by_the_meter_with_the_units_paid_for() {
        PosTestTerminals.Terminal t = terminals.vendorWithTerminal(500_00);
        PosClient pos = PosClient.of(http, url(""), t).signedIn(t.cashier());
        pos.post("/api/pos/v1/shifts", null);
        MeterView meter = fixture.meter();
        MeterSimulator simulator = fixture.simulator(meter);

        JsonNode check = pos.get("/api/pos/v1/meters/" + meter.meterNumber()).getBody();
        JsonNode vend = created(pos.vend("meter-1", meter.meterNumber(), 116_00));

        assertThat(check.get("canVend").asBoolean()).isTrue();
        assertThat(check.get("customerName").asText()).startsWith("Customer ");
        assertThat(vend.get("unitsTenths").asLong()).isEqualTo(40);
        assertThat(simulator.enter(vend.at("/tokens/0/token").asText())).isEqualTo(MeterResult.ACCEPT);
        assertThat(simulator.credit(0)).isEqualTo(40);
    }

    @Test
    void receipts_print_at_32_and_48_columns_as_text_and_as_esc_pos_bytes_with_the_token_in_blocks_of_four() {
        PosTestTerminals.Terminal t = terminals.vendorWithTerminal(500_00);
        PosClient pos = PosClient.of(http, url(""), t).signedIn(t.cashier());
        pos.post("/api/pos/v1/shifts", null);
        JsonNode vend = created(pos.vend("print-1", fixture.meter().meterNumber(), 116_00));
        String grouped = vend.at("/tokens/0/formatted").asText();
        String receipt = "/api/pos/v1/vends/" + vend.get("vendId").asText() + "/receipt";

        for (int width : new int[]{32, 48}) {
            ResponseEntity<byte[]> text = pos.bytes(receipt + "?width=" + width);
            assertThat(text.getHeaders().getContentType().toString()).startsWith("text/plain");
            assertThat(text(text).lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(width));
            assertThat(text(text)).contains(grouped).contains(fixture.setup().utility().name()).contains("VAT 16%")
                    .contains("KES 116.00").contains(t.terminalId()).contains(t.cashier()).contains("4.0 kWh");
        }
        ResponseEntity<byte[]> escPos = pos.bytes(receipt + "?width=32&format=escpos");
        assertThat(escPos.getHeaders().getContentType().toString()).isEqualTo("application/octet-stream");
        byte[] bytes = escPos.getBody();
        assertThat(bytes[0]).isEqualTo((byte) 0x1B);
        assertThat(bytes[1]).isEqualTo((byte) '@');
        assertThat(new String(bytes, StandardCharsets.US_ASCII)).contains("\u001B!\u0018" + " ".repeat((32 - 24) / 2) + grouped + "\n");
        assertThat(pos.bytes(receipt + "?width=40").getStatusCode().value()).isEqualTo(400);
        assertThat(pos.bytes(receipt + "?format=pdf").getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void a_meter_due_a_key_change_gets_its_tokens_free_and_the_shift_counts_them_apart_from_credit_tokens() {
        PosTestTerminals.Terminal t = terminals.vendorWithTerminal(500_00);
        PosClient pos = PosClient.of(http, url(""), t).signedIn(t.cashier());
        pos.post("/api/pos/v1/shifts", null);
        MeterView meter = fixture.meter();
        String keyChange = "/api/pos/v1/meters/" + meter.meterNumber() + "/key-change";

        ResponseEntity<JsonNode> notDue = pos.post(keyChange, Map.of("clientRef", "kc-0"));
        meters.changeStsParameters(meter.id(), fixture.supplyGroup("0123456789abcdef0123456789abcdef01234567").id(), "02", "admin");
        JsonNode issued = created(pos.post(keyChange, Map.of("clientRef", "kc-1")));
        ResponseEntity<JsonNode> again = pos.post(keyChange, Map.of("clientRef", "kc-1"));
        created(pos.vend("kc-sale", fixture.meter().meterNumber(), 58_00));

        assertThat(notDue.getStatusCode().value()).isEqualTo(422);
        assertThat(notDue.getBody().get("code").asText()).isEqualTo("NO_KEY_CHANGE_DUE");
        assertThat(issued.get("tokens")).hasSize(4).allSatisfy(token -> assertThat(token.get("kind").asText()).isEqualTo("KEY_CHANGE"));
        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(again.getBody().get("tokens").get(0).get("token").asText()).isEqualTo(issued.get("tokens").get(0).get("token").asText());
        JsonNode totals = pos.get("/api/pos/v1/shifts/current").getBody().get("totals");
        assertThat(totals.at("/tokens/keyChange").asLong()).isEqualTo(4);
        assertThat(totals.at("/tokens/credit").asLong()).isEqualTo(1);
        assertThat(totals.at("/sales/count").asLong()).isEqualTo(1);
        assertThat(totals.at("/sales/valueMinor").asLong()).isEqualTo(58_00);
        assertThat(vendors.vendor(t.vendorId()).availableMinor()).isEqualTo(500_00 - 58_00);
        String receipt = text(pos.bytes("/api/pos/v1/vends/" + issued.get("vendId").asText() + "/receipt"));
        assertThat(receipt).contains("Key change 1 of 4").contains(issued.at("/tokens/3/formatted").asText()).doesNotContain("TOTAL");
    }

    private static JsonNode created(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(201);
        return response.getBody();
    }

    private static String code(ResponseEntity<JsonNode> response) {
        JsonNode code = response.getBody() == null ? null : response.getBody().get("code");
        return code == null || code.isNull() ? null : code.asText();
    }

    private static List<TransferView> posted(List<TransferView> transfers) {
        return transfers.stream().filter(t -> t.kind() == TransferKind.POST_PENDING || t.kind() == TransferKind.SINGLE_PHASE).toList();
    }

    private static String text(ResponseEntity<byte[]> response) {
        assertThat(response.getStatusCode().value()).as(new String(response.getBody() == null ? new byte[0] : response.getBody(),
                StandardCharsets.UTF_8)).isEqualTo(200);
        return new String(response.getBody(), StandardCharsets.US_ASCII);
    }
}
