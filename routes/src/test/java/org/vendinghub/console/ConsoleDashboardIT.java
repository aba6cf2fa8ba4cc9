package org.vendinghub.console;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.vendinghub.domain.ChannelRef;
import org.vendinghub.domain.Money;
import org.vendinghub.domain.VendId;
import org.vendinghub.ledger.meter.MeterView;
import org.vendinghub.ledger.sale.Payer;
import org.vendinghub.ledger.vendor.NewVendor;
import org.vendinghub.ledger.vendor.VendorDeposit;
import org.vendinghub.ledger.vendor.VendorFloatService;
import org.vendinghub.ledger.vendor.VendorGroupView;
import org.vendinghub.ledger.vendor.VendorService;
import org.vendinghub.ledger.vendor.VendorTerms;
import org.vendinghub.ledger.vendor.VendorView;
import org.vendinghub.support.HubIntegrationTest;
import org.vendinghub.support.Poll;
import org.vendinghub.support.TestUsers;
import org.vendinghub.support.VendFixture;
import org.vendinghub.vend.VendRequest;
import org.vendinghub.vend.VendService;
import org.vendinghub.vend.VendView;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vendinghub.console.ConsoleUsersIT.unique;

/**
 * The dashboard over the running hub: sales of a day and of a period summed by SQL exactly as they were sold (only
 * issued or delivered credit vends, split by UTC day and channel), vendor-group confinement, vends that need attention,
 * low floats and dead letters.
 */
class ConsoleDashboardIT extends HubIntegrationTest {

    private static final String PASSWORD = "Dashboard-Pass-42";
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    VendFixture fixture;

    @Autowired
    VendService vends;

    @Autowired
    VendorService vendors;

    @Autowired
    VendorFloatService floats;

    @Autowired
    JmsTemplate jms;

    @Autowired
    DeadLetterCounts deadLetters;

    private final List<String> synthetic = new ArrayList<>();

    @org.junit.jupiter.api.AfterEach
    void removeSyntheticVends() {
        synthetic.forEach(id -> jdbc.update("DELETE FROM vend WHERE id = ?", id));
        synthetic.clear();
    }

    @Test
    void a_period_counts_only_issued_and_delivered_credit_vends_by_utc_day_and_channel() throws Exception {
        vend("CONSOLE", "CREDIT", "ISSUED", 10_000L, 400, "2001-01-10T08:00:00Z", null);
        vend("XMLVEND", "CREDIT", "DELIVERED", 5_000L, 200, "2001-01-10T23:59:59.999Z", null);
        vend("MPESA", "CREDIT", "ISSUED", 1_000L, 40, "2001-01-12T00:00:00Z", null);
        vend("CONSOLE", "CREDIT", "ISSUED", 80_000L, 3_200, "2001-01-09T23:59:59.999Z", null); // the day before
        vend("CONSOLE", "CREDIT", "ISSUED", 70_000L, 2_800, "2001-01-13T00:00:00Z", null);     // the day after
        vend("CONSOLE", "CREDIT", "REVERSED", 99_900L, 3_996, "2001-01-11T10:00:00Z", null);   // money went back
        vend("CONSOLE", "CREDIT", "VOIDED", 12_300L, 0, "2001-01-11T10:00:00Z", "INSUFFICIENT_FUNDS");
        vend("CONSOLE", "ENGINEERING", "ISSUED", null, 500, "2001-01-11T10:00:00Z", null);    // free units are no sale

        ConsoleClient admin = ConsoleClient.signedIn(port, "admin", ADMIN_PASSWORD);
        String page = admin.get("/console/dashboard?from=2001-01-10&to=2001-01-12&currency=XTS").body();

        assertThat(text(page, "period-vends-XTS")).isEqualTo("3");
        assertThat(text(page, "period-value-XTS")).isEqualTo("160.00");
        assertThat(text(page, "period-units-XTS")).isEqualTo("64.0");
        JsonNode chart = chart(page);
        assertThat(chart.get("currency").asText()).isEqualTo("XTS");
        assertThat(strings(chart.get("days"))).containsExactly("2001-01-10", "2001-01-11", "2001-01-12");
        assertThat(decimals(chart.get("valueByDay"))).containsExactly("150.00", "0.00", "10.00");
        assertThat(strings(chart.get("vendsByDay"))).containsExactly("2", "0", "1");
        assertThat(strings(chart.get("channels"))).containsExactly("CONSOLE", "MPESA", "XMLVEND");
        assertThat(decimals(chart.get("valueByChannel"))).containsExactly("100.00", "10.00", "50.00");
        assertThat(text(page, "failed-count")).isEqualTo("1");
        assertThat(page).contains("INSUFFICIENT_FUNDS");
    }

    @Test
    void a_vendor_group_supervisor_sees_only_the_sales_and_the_low_floats_of_their_group() {
        MeterView meter = fixture.meter();
        long utilityId = fixture.setup().utility().id();
        VendorGroupView mine = vendors.createGroup(unique("dash-mine"));
        VendorGroupView other = vendors.createGroup(unique("dash-other"));
        VendorView seller = vendor(utilityId, mine.id(), 100_000);
        VendorView empty = vendor(utilityId, mine.id(), 0);
        VendorView outsider = vendor(utilityId, other.id(), 100_000);
        VendView first = sell(meter, seller, 10_000);
        VendView second = sell(meter, seller, 5_050);
        sell(meter, outsider, 7_000);
        String supervisor = supervisorOf(mine);

        ConsoleClient browser = ConsoleClient.signedIn(port, supervisor, PASSWORD);
        String page = browser.get("/console/dashboard").body();

        assertThat(page).contains("(your vendor group)");
        assertThat(text(page, "today-vends-KES")).isEqualTo("2");
        assertThat(text(page, "today-value-KES")).isEqualTo("150.50");
        assertThat(text(page, "today-units-KES")).isEqualTo(units(first.unitsTenths() + second.unitsTenths()));
        assertThat(text(page, "period-vends-KES")).isEqualTo("2");
        assertThat(strings(chart(page).get("channels"))).containsExactly("XMLVEND");
        assertThat(page).contains("id=\"low-float-" + empty.id() + "\"", "id=\"low-float-" + seller.id() + "\"")
                .doesNotContain("id=\"low-float-" + outsider.id() + "\"");
        assertThat(text(page, "low-float-" + seller.id())).isEqualTo("KES 849.50");

        ConsoleClient admin = ConsoleClient.signedIn(port, "admin", ADMIN_PASSWORD);
        HttpResponse<String> lowered = admin.post("/console/vendors/" + seller.id(), Map.of("name", seller.name(), "groupId",
                String.valueOf(mine.id()), "agentId", "", "terms", "COMMISSION", "discount", "0", "commission", "0", "creditLimit", "0",
                "lowFloat", "500.00"));
        assertThat(lowered.statusCode()).as(lowered.body()).isEqualTo(302);
        assertThat(browser.get("/console/dashboard").body()).doesNotContain("id=\"low-float-" + seller.id() + "\"")
                .contains("id=\"low-float-" + empty.id() + "\"");
    }

    @Test
    void vends_unfinished_or_undelivered_for_more_than_a_minute_need_attention_and_recent_ones_do_not() {
        VendorGroupView group = vendors.createGroup(unique("dash-stuck"));
        VendorView vendor = vendor(fixture.setup().utility().id(), group.id(), 0);
        Instant now = Instant.now();
        // updated_at lies ahead so that the recovery route leaves these made-up rows alone
        String stuck = vendOf(vendor, "RECEIVED", "NONE", now.minusSeconds(300), now.plusSeconds(3_600));
        String fresh = vendOf(vendor, "RESERVED", "NONE", now.minusSeconds(5), now.plusSeconds(3_600));
        String undelivered = vendOf(vendor, "ISSUED", "FAILED", now.minusSeconds(600), now.minusSeconds(300));
        String supervisor = supervisorOf(group);

        String page = ConsoleClient.signedIn(port, supervisor, PASSWORD).get("/console/dashboard").body();

        assertThat(text(page, "stuck-count")).isEqualTo("1");
        assertThat(section(page, "stuck-vends")).contains(receipt(stuck)).doesNotContain(receipt(fresh));
        assertThat(text(page, "undelivered-count")).isEqualTo("1");
        assertThat(section(page, "undelivered-vends")).contains(receipt(undelivered), "FAILED");
        assertThat(page).contains("/console/vend/receipt/" + stuck);
    }

    @Test
    void a_period_typed_wrong_comes_back_with_the_error_next_to_the_field_and_what_was_typed() {
        ConsoleClient admin = ConsoleClient.signedIn(port, "admin", ADMIN_PASSWORD);
        String badDay = admin.get("/console/dashboard?from=2001-02-30&to=2001-03-02").body();
        assertThat(badDay).contains("id=\"error-from\"", "value=\"2001-02-30\"", "value=\"2001-03-02\"");
        String backwards = admin.get("/console/dashboard?from=2001-03-02&to=2001-03-01").body();
        assertThat(text(backwards, "error-to")).isEqualTo("must not be before the first day");
        String tooLong = admin.get("/console/dashboard?from=2001-01-01&to=2002-12-31").body();
        assertThat(text(tooLong, "error-to")).isEqualTo("a period is at most 366 days");
    }

    @Test
    void dead_letters_are_counted_per_queue_and_only_route_watchers_get_the_hawtio_link() throws Exception {
        String queue = "DLQ.console-test-" + UUID.randomUUID().toString().substring(0, 8);
        jms.convertAndSend(queue, "first dead letter");
        jms.convertAndSend(queue, "second dead letter");
        try {
            String adminPage = ConsoleClient.signedIn(port, "admin", ADMIN_PASSWORD).get("/console/dashboard").body();
            assertThat(adminPage).contains("data-queue=\"" + queue + "\">2<", "id=\"hawtio-link\"");
            String reader = unique("dash-reader");
            TestUsers.ensure(jdbc, encoder, reader, PASSWORD, "read-only");
            String readerPage = ConsoleClient.signedIn(port, reader, PASSWORD).get("/console/dashboard").body();
            assertThat(readerPage).contains("data-queue=\"" + queue + "\">2<").doesNotContain("hawtio-link", "/actuator/hawtio");

            DeadLetterCounts.Counts counts = deadLetters.counts();
            assertThat(counts.known()).isTrue();
            assertThat(counts.queues()).contains(new DeadLetterCounts.Count(queue, 2));
        } finally {
            jms.setReceiveTimeout(1_000);
            jms.receive(queue);
            jms.receive(queue);
        }
    }

    @Test
    void users_who_see_sales_start_on_the_dashboard_and_others_on_the_start_page() {
        String reader = unique("dash-start");
        TestUsers.ensure(jdbc, encoder, reader, PASSWORD, "read-only");
        HttpResponse<String> start = ConsoleClient.signedIn(port, reader, PASSWORD).get("/console");
        assertThat(start.statusCode()).isEqualTo(302);
        assertThat(start.headers().firstValue("Location")).hasValue(url("/console/dashboard"));

        String custodian = unique("dash-keys");
        TestUsers.ensure(jdbc, encoder, custodian, PASSWORD, "key-custodians");
        ConsoleClient keys = ConsoleClient.signedIn(port, custodian, PASSWORD);
        HttpResponse<String> home = keys.get("/console");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Welcome").doesNotContain("nav-dashboard");
        assertThat(keys.get("/console/dashboard").statusCode()).isEqualTo(403);
    }

    private VendorView vendor(long utilityId, long groupId, long depositMinor) {
        VendorView vendor = vendors.create(new NewVendor(utilityId, unique("Dash Shop"), groupId, null, VendorTerms.COMMISSION, 0, 0, 0));
        if (depositMinor > 0) {
            floats.deposit(new VendorDeposit("dash-" + UUID.randomUUID().toString().substring(0, 13), vendor.id(), depositMinor, "BANK", "slip"));
        }
        return vendor;
    }

    /** A sale through a vendor channel, paid from the vendor's float, as XMLVend makes it. */
    private VendView sell(MeterView meter, VendorView vendor, long amountMinor) {
        VendView vend = vends.vend(new VendRequest(new ChannelRef("XMLVEND", "dash-" + UUID.randomUUID()), meter.meterNumber(),
                Money.of(amountMinor, "KES"), null, Payer.vendor(vendor.id()), "dashboard-test", null, null, Map.of())).vend();
        Poll.until("vend " + vend.id() + " issued", Duration.ofSeconds(30), () -> vends.find(VendId.parse(vend.id()))
                .orElseThrow().status().hasTokens());
        VendView issued = vends.find(VendId.parse(vend.id())).orElseThrow();
        assertThat(issued.amountMinor()).isEqualTo(amountMinor);
        return issued;
    }

    private String supervisorOf(VendorGroupView group) {
        String supervisor = unique("dash-supervisor");
        TestUsers.ensure(jdbc, encoder, supervisor, PASSWORD, "vendor-supervisors");
        jdbc.update("UPDATE hub_user SET vendor_group_id = ? WHERE username = ?", group.id(), supervisor);
        return supervisor;
    }

    /** A made-up vend row in the test currency XTS, written as the vend flow writes its rows. */
    private void vend(String channel, String purpose, String status, Long amountMinor, long unitsTenths, String createdAt, String failure) {
        Timestamp at = Timestamp.from(Instant.parse(createdAt));
        String id = insert(channel, purpose, status, "{\"payer\":{\"kind\":\"CHANNEL\",\"ref\":\"CASH\"}}", "NONE", at, at);
        jdbc.update("UPDATE vend SET amount_minor = ?, currency = 'XTS', units_tenths = ?, failure_code = ?, failure_message = ? WHERE id = ?",
                amountMinor, unitsTenths, failure, failure == null ? null : "float too low", id);
    }

    private String vendOf(VendorView vendor, String status, String delivery, Instant createdAt, Instant updatedAt) {
        String id = insert("XMLVEND", "CREDIT", status, "{\"payer\":{\"kind\":\"VENDOR\",\"ref\":\"" + vendor.id() + "\"}}", delivery,
                Timestamp.from(createdAt), Timestamp.from(updatedAt));
        jdbc.update("UPDATE vend SET amount_minor = 1000, currency = 'KES', delivery_attempts = 99 WHERE id = ?", id);
        return id;
    }

    private String insert(String channel, String purpose, String status, String requestJson, String delivery, Timestamp createdAt,
                          Timestamp updatedAt) {
        String id = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO vend (id, channel, channel_ref, payload_hash, meter_number, purpose, request_json, status, delivery_status, "
                        + "refund_status, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, '01234567891', ?, ?, ?, ?, 'NONE', 'test', ?, ?)",
                id, channel, "made-up-" + id, "0".repeat(64), purpose, requestJson, status, delivery, createdAt, updatedAt);
        synthetic.add(id);
        return id;
    }

    private String receipt(String vendId) {
        Long seq = jdbc.queryForObject("SELECT seq FROM vend WHERE id = ?", Long.class, vendId);
        return "R" + String.format("%09d", seq);
    }

    private static String units(long tenths) {
        return BigDecimal.valueOf(tenths, 1).toPlainString();
    }

    /** The text of the element with this id. */
    static String text(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)<").matcher(html);
        assertThat(m.find()).as("element #" + id + " on the page").isTrue();
        return m.group(1).trim();
    }

    /** The HTML of the element with this id, up to its closing tag (tables here do not nest). */
    private static String section(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as("element #" + id + " on the page").isPositive();
        return html.substring(start, html.indexOf("</table>", start));
    }

    private static JsonNode chart(String html) {
        Matcher m = Pattern.compile("window\\.hubSalesChart = (\\{.*?\\});").matcher(html);
        assertThat(m.find()).as("chart data on the page").isTrue();
        try {
            return JSON.readTree(m.group(1));
        } catch (Exception e) {
            throw new AssertionError("chart data is not JSON: " + m.group(1), e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static List<String> decimals(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.decimalValue().setScale(2).toPlainString()));
        return values;
    }
}
