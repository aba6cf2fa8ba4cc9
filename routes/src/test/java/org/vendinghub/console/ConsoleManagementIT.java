package org.vendinghub.console;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.vendinghub.domain.MeterNumber;
import org.vendinghub.ledger.customer.CustomerService;
import org.vendinghub.ledger.customer.NewCustomer;
import org.vendinghub.ledger.debt.DebtService;
import org.vendinghub.ledger.debt.NewDebt;
import org.vendinghub.ledger.meter.MeterKind;
import org.vendinghub.ledger.meter.MeterService;
import org.vendinghub.ledger.meter.MeterView;
import org.vendinghub.ledger.meter.NewMeter;
import org.vendinghub.ledger.tariff.NewTariff;
import org.vendinghub.ledger.tariff.TariffService;
import org.vendinghub.ledger.utility.NewSupplyGroup;
import org.vendinghub.ledger.utility.NewUtility;
import org.vendinghub.ledger.utility.SupplyGroupView;
import org.vendinghub.ledger.utility.UtilityService;
import org.vendinghub.ledger.utility.UtilityView;
import org.vendinghub.ledger.vendor.NewAgent;
import org.vendinghub.ledger.vendor.NewVendor;
import org.vendinghub.ledger.vendor.VendorService;
import org.vendinghub.ledger.vendor.VendorTerms;
import org.vendinghub.ledger.vendor.VendorView;
import org.vendinghub.support.HubIntegrationTest;
import org.vendinghub.support.TestUsers;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vendinghub.console.ConsoleUsersIT.unique;

/** The management screens over the ledger: meters, vendors and their scope, adjustments, key import. */
class ConsoleManagementIT extends HubIntegrationTest {

    private static final String PASSWORD = "Management-Pass-42";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    UtilityService utilities;

    @Autowired
    MeterService meters;

    @Autowired
    VendorService vendors;

    @Autowired
    TariffService tariffs;

    @Autowired
    CustomerService customers;

    @Autowired
    DebtService debts;

    @Test
    void an_operator_blocks_and_unblocks_a_meter_and_both_are_audited() {
        MeterView meter = meter();
        String operator = unique("operator");
        TestUsers.ensure(jdbc, encoder, operator, PASSWORD, "operators");
        ConsoleClient browser = ConsoleClient.signedIn(port, operator, PASSWORD);

        HttpResponse<String> noReason = browser.post("/console/meters/" + meter.id() + "/block", Map.of("reason", ""));
        assertThat(noReason.body()).contains("id=\"error-reason\"");
        browser.post("/console/meters/" + meter.id() + "/block", Map.of("reason", "tampered seal"));
        assertThat(browser.get("/console/meters/" + meter.id()).body()).contains("BLOCKED", "tampered seal");
        browser.post("/console/meters/" + meter.id() + "/unblock", Map.of());
        assertThat(meters.meter(meter.id()).status().name()).isEqualTo("ACTIVE");
        assertThat(audits("METER_BLOCKED", "meter:" + meter.meterNumber())).isEqualTo(1);
        assertThat(audits("METER_UNBLOCKED", "meter:" + meter.meterNumber())).isEqualTo(1);
    }

    @Test
    void a_customer_form_with_a_mistake_comes_back_with_the_error_and_everything_typed() {
        ConsoleClient admin = ConsoleClient.signedIn(port, "admin", ADMIN_PASSWORD);
        HttpResponse<String> page = admin.post("/console/customers", Map.of("utilityId", "", "accountNumber", "ACC-KEEP-1",
                "name", "Kept Name", "phone", "+254700000009", "email", "", "address", "Plot 7"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"error-utilityId\"", "value=\"ACC-KEEP-1\"", "value=\"Kept Name\"",
                "value=\"+254700000009\"", "value=\"Plot 7\"");
    }

    @Test
    void a_vendor_group_supervisor_sees_only_the_vendors_of_their_group() {
        UtilityView utility = utility();
        var mine = vendors.createGroup(unique("group-mine"));
        var other = vendors.createGroup(unique("group-other"));
        VendorView inside = vendor(utility, mine.id(), unique("Inside Shop"));
        VendorView outside = vendor(utility, other.id(), unique("Outside Shop"));
        String supervisor = unique("supervisor");
        TestUsers.ensure(jdbc, encoder, supervisor, PASSWORD, "vendor-supervisors");
        jdbc.update("UPDATE hub_user SET vendor_group_id = ? WHERE username = ?", mine.id(), supervisor);

        ConsoleClient browser = ConsoleClient.signedIn(port, supervisor, PASSWORD);
        String list = browser.get("/console/vendors").body();
        assertThat(list).contains(inside.name()).doesNotContain(outside.name());
        assertThat(browser.get("/console/vendors/" + inside.id()).statusCode()).isEqualTo(200);
        assertThat(browser.get("/console/vendors/" + outside.id()).statusCode()).isEqualTo(403);
        assertThat(browser.post("/console/vendors/" + outside.id() + "/deposits",
                Map.of("amount", "10", "channel", "CASH", "reference", "R1")).statusCode()).isEqualTo(403);
        assertThat(browser.get("/console/vendors/new").statusCode()).isEqualTo(403);
    }

    @Test
    void an_adjustment_needs_the_approval_of_a_second_user() {
        VendorView vendor = vendor(utility(), null, unique("Adjusted Shop"));
        String clerk = unique("finance");
        TestUsers.ensure(jdbc, encoder, clerk, PASSWORD, "finance");
        ConsoleClient finance = ConsoleClient.signedIn(port, clerk, PASSWORD);
        HttpResponse<String> requested = finance.post("/console/vendors/" + vendor.id() + "/adjustments",
                Map.of("amount", "25.00", "reason", "cash counted twice"));
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(302);
        Long adjustment = jdbc.queryForObject("SELECT MAX(id) FROM vendor_adjustment WHERE vendor_id = ?", Long.class, vendor.id());

        HttpResponse<String> ownApproval = finance.post("/console/adjustments/" + adjustment + "/approve", Map.of());
        assertThat(ownApproval.statusCode()).isEqualTo(200);
        assertThat(ownApproval.body()).contains("id=\"form-error\"");
        assertThat(vendors.vendor(vendor.id()).balanceMinor()).isZero();

        ConsoleClient admin = ConsoleClient.signedIn(port, "admin", ADMIN_PASSWORD);
        assertThat(admin.post("/console/adjustments/" + adjustment + "/approve", Map.of()).statusCode()).isEqualTo(302);
        assertThat(vendors.vendor(vendor.id()).balanceMinor()).isEqualTo(2500);
        assertThat(audits("ADJUSTMENT_APPROVED", "adjustment:" + adjustment)).isEqualTo(1);
    }

    @Test
    void a_key_custodian_imports_a_vending_key_which_is_never_echoed_nor_audited() {
        SupplyGroupView group = supplyGroup(utility());
        String custodian = unique("custodian");
        TestUsers.ensure(jdbc, encoder, custodian, PASSWORD, "key-custodians");
        ConsoleClient browser = ConsoleClient.signedIn(port, custodian, PASSWORD);
        String key = "0123456789ABCDEF";

        HttpResponse<String> tooShort = browser.post("/console/supply-groups/keys", Map.of("supplyGroupId", String.valueOf(group.id()),
                "vendingKeyHex", "0123"));
        assertThat(tooShort.body()).contains("id=\"error-vendingKeyHex\"", "16 hex digits").doesNotContain("value=\"0123\"");

        HttpResponse<String> imported = browser.post("/console/supply-groups/keys", Map.of("supplyGroupId", String.valueOf(group.id()),
                "vendingKeyHex", key));
        assertThat(imported.statusCode()).isEqualTo(302);
        String page = browser.get("/console/supply-groups/keys").body();
        assertThat(page).contains("Vending key imported. Key check value").doesNotContain(key);
        String detail = jdbc.queryForObject("SELECT detail FROM audit_event WHERE action = 'KEY_IMPORTED' AND subject = ?", String.class,
                "supply-group:" + group.id());
        assertThat(detail).contains("KCV").doesNotContain(key);
        assertThat(utilities.supplyGroup(group.id()).keyCheckValue()).matches("[0-9A-F]{6}");
    }

    @Test
    void a_read_only_user_cannot_import_keys_nor_change_meters_even_by_typing_the_address() {
        String reader = unique("reader");
        TestUsers.ensure(jdbc, encoder, reader, PASSWORD, "read-only");
        ConsoleClient browser = ConsoleClient.signedIn(port, reader, PASSWORD);
        assertThat(browser.get("/console/supply-groups/keys").statusCode()).isEqualTo(403);
        assertThat(browser.post("/console/supply-groups/keys", Map.of("supplyGroupId", "1", "vendingKeyHex", "0123456789ABCDEF"))
                .statusCode()).isEqualTo(403);
        assertThat(browser.post("/console/meters/1/block", Map.of("reason", "x")).statusCode()).isEqualTo(403);
        assertThat(browser.post("/console/vend", Map.of("meterNumber", "01234567891", "amount", "10", "reference", "r1"))
                .statusCode()).isEqualTo(403);
        assertThat(browser.get("/console/vend/reprint").statusCode()).isEqualTo(403);
        assertThat(browser.get("/console/meters").statusCode()).isEqualTo(200);
    }

    @Test
    void a_vendor_edit_with_a_mistake_keeps_what_was_typed_and_a_good_one_is_saved_and_audited() {
        VendorView vendor = vendor(utility(), null, unique("Edited Shop"));
        ConsoleClient admin = ConsoleClient.signedIn(port, "admin", ADMIN_PASSWORD);
        assertThat(admin.get("/console/vendors/" + vendor.id() + "/edit").body()).contains("value=\"" + vendor.name() + "\"", "value=\"1\"");

        Map<String, String> form = new java.util.HashMap<>(Map.of("name", "Renamed Shop " + vendor.id(), "groupId", "", "agentId", "",
                "terms", "DISCOUNT", "discount", "2.5", "commission", "1", "creditLimit", "150", "lowFloat", "-1"));
        HttpResponse<String> wrong = admin.post("/console/vendors/" + vendor.id(), form);
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("id=\"error-lowFloat\"", "value=\"Renamed Shop " + vendor.id() + "\"", "value=\"2.5\"",
                "value=\"150\"");
        form.put("lowFloat", "");
        HttpResponse<String> termsClash = admin.post("/console/vendors/" + vendor.id(), form);
        assertThat(ConsoleDashboardIT.text(termsClash.body(), "error-commission")).isEqualTo("a vendor on discount terms earns no commission per sale");

        form.put("commission", "0");
        form.put("lowFloat", "250.00");
        assertThat(admin.post("/console/vendors/" + vendor.id(), form).statusCode()).isEqualTo(302);
        VendorView saved = vendors.vendor(vendor.id());
        assertThat(saved.name()).isEqualTo("Renamed Shop " + vendor.id());
        assertThat(saved.discountBp()).isEqualTo(250);
        assertThat(saved.creditLimitMinor()).isEqualTo(15_000);
        assertThat(ConsoleDashboardIT.text(admin.get("/console/vendors/" + vendor.id()).body(), "low-float-level")).isEqualTo("250.00");
        assertThat(audits("VENDOR_CHANGED", "vendor:" + vendor.id())).isEqualTo(1);
    }

    @Test
    void a_vendor_group_supervisor_may_not_edit_vendors_even_of_their_own_group() {
        var group = vendors.createGroup(unique("group-edit"));
        VendorView vendor = vendor(utility(), group.id(), unique("Own Shop"));
        String supervisor = unique("supervisor");
        TestUsers.ensure(jdbc, encoder, supervisor, PASSWORD, "vendor-supervisors");
        jdbc.update("UPDATE hub_user SET vendor_group_id = ? WHERE username = ?", group.id(), supervisor);
        ConsoleClient browser = ConsoleClient.signedIn(port, supervisor, PASSWORD);
        assertThat(browser.get("/console/vendors/" + vendor.id()).body()).doesNotContain("edit-vendor");
        assertThat(browser.get("/console/vendors/" + vendor.id() + "/edit").statusCode()).isEqualTo(403);
        assertThat(browser.post("/console/vendors/" + vendor.id(), Map.of("name", "Mine now", "groupId", "", "terms", "COMMISSION",
                "discount", "0", "commission", "0", "creditLimit", "0")).statusCode()).isEqualTo(403);
        assertThat(vendors.vendor(vendor.id()).groupId()).isEqualTo(group.id());
    }

    @Test
    void an_agent_is_edited_with_errors_next_to_the_fields_and_the_change_is_audited() {
        var agent = vendors.createAgent(new NewAgent(unique("Agent"), null, 100));
        ConsoleClient admin = ConsoleClient.signedIn(port, "admin", ADMIN_PASSWORD);
        HttpResponse<String> wrong = admin.post("/console/agents/" + agent.id(), Map.of("name", "Agent Smith", "phone", "0712",
                "commission", "75"));
        assertThat(wrong.body()).contains("id=\"error-agentPhone\"", "value=\"Agent Smith\"", "value=\"0712\"", "value=\"75\"");
        HttpResponse<String> tooMuch = admin.post("/console/agents/" + agent.id(), Map.of("name", "Agent Smith", "phone", "+254711000111",
                "commission", "75"));
        assertThat(ConsoleDashboardIT.text(tooMuch.body(), "error-agentCommission")).isEqualTo("commission must be 0 to 5000 basis points");
        assertThat(tooMuch.body()).contains("value=\"+254711000111\"", "value=\"75\"");
        assertThat(admin.post("/console/agents/" + agent.id(), Map.of("name", "Agent Smith", "phone", "+254711000111",
                "commission", "1.5")).statusCode()).isEqualTo(302);
        assertThat(vendors.agent(agent.id()).commissionBp()).isEqualTo(150);
        assertThat(audits("AGENT_UPDATED", "agent:" + agent.id())).isEqualTo(1);
    }

    @Test
    void a_tariff_header_is_renamed_and_a_code_taken_by_another_tariff_is_refused_next_to_the_field() {
        UtilityView utility = utility();
        var first = tariffs.create(new NewTariff(utility.id(), unique("T").substring(0, 10), "First"));
        var second = tariffs.create(new NewTariff(utility.id(), unique("T").substring(0, 10), "Second"));
        ConsoleClient admin = ConsoleClient.signedIn(port, "admin", ADMIN_PASSWORD);
        HttpResponse<String> clash = admin.post("/console/tariffs/" + second.id(), Map.of("code", first.code(), "name", "Second renamed"));
        assertThat(clash.statusCode()).isEqualTo(200);
        assertThat(clash.body()).contains("id=\"error-code\"", "value=\"Second renamed\"");
        assertThat(admin.post("/console/tariffs/" + second.id(), Map.of("code", "DOM-" + second.id(), "name", "Domestic"))
                .statusCode()).isEqualTo(302);
        assertThat(tariffs.tariff(second.id()).name()).isEqualTo("Domestic");
        assertThat(audits("TARIFF_UPDATED", "tariff:" + second.code())).isEqualTo(1);
        String reader = unique("reader");
        TestUsers.ensure(jdbc, encoder, reader, PASSWORD, "read-only");
        assertThat(ConsoleClient.signedIn(port, reader, PASSWORD).post("/console/tariffs/" + second.id(), Map.of("code", "X", "name", "Y"))
                .statusCode()).isEqualTo(403);
    }

    @Test
    void a_debt_is_written_off_by_a_user_who_approves_adjustments_once_even_when_posted_twice_and_never_beyond_what_is_owed() {
        UtilityView utility = utility();
        var customer = customers.create(new NewCustomer(utility.id(), unique("ACC"), "Debtor", null, null, null));
        var debt = debts.register(new NewDebt(unique("d"), customer.id(), "Old bill", 50_000, 2_500, null, "admin"));
        String operator = unique("operator");
        TestUsers.ensure(jdbc, encoder, operator, PASSWORD, "operators"); // MANAGE_CUSTOMERS, not APPROVE_ADJUSTMENTS
        ConsoleClient care = ConsoleClient.signedIn(port, operator, PASSWORD);
        assertThat(care.get("/console/debts/" + debt.id()).body()).contains("Old bill").doesNotContain("write-off-form");
        assertThat(care.post("/console/debts/" + debt.id() + "/write-offs", Map.of("amount", "10", "reason", "x",
                "reference", UUID.randomUUID().toString())).statusCode()).isEqualTo(403);

        String clerk = unique("finance");
        TestUsers.ensure(jdbc, encoder, clerk, PASSWORD, "finance");
        ConsoleClient finance = ConsoleClient.signedIn(port, clerk, PASSWORD);
        String reference = UUID.randomUUID().toString();
        HttpResponse<String> tooMuch = finance.post("/console/debts/" + debt.id() + "/write-offs", Map.of("amount", "600.00",
                "reason", "customer moved away", "reference", reference));
        assertThat(tooMuch.statusCode()).isEqualTo(200);
        assertThat(tooMuch.body()).contains("id=\"error-amount\"", "value=\"600.00\"", "value=\"customer moved away\"");

        Map<String, String> form = Map.of("amount", "200.00", "reason", "customer moved away", "reference", reference);
        assertThat(finance.post("/console/debts/" + debt.id() + "/write-offs", form).statusCode()).isEqualTo(302);
        assertThat(finance.post("/console/debts/" + debt.id() + "/write-offs", form).statusCode()).isEqualTo(302);
        assertThat(debts.debt(debt.id()).writtenOffMinor()).isEqualTo(20_000);
        assertThat(debts.debt(debt.id()).outstandingMinor()).isEqualTo(30_000);
        assertThat(ConsoleDashboardIT.text(finance.get("/console/debts/" + debt.id()).body(), "debt-outstanding")).isEqualTo("300.00");
        assertThat(audits("DEBT_WRITTEN_OFF", "debt:" + debt.id())).isEqualTo(1);
    }

    private UtilityView utility() {
        return utilities.createUtility(new NewUtility(unique("Utility"), "KES", 1600, null, null));
    }

    private SupplyGroupView supplyGroup(UtilityView utility) {
        String sgc = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        return utilities.createSupplyGroup(new NewSupplyGroup(utility.id(), "SG " + sgc, sgc, 1, 2, 1993, "02", "07",
                "SGC-" + sgc + "-KRN1", null));
    }

    private MeterView meter() {
        UtilityView utility = utility();
        SupplyGroupView group = supplyGroup(utility);
        String payload = String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
        return meters.register(new NewMeter(utility.id(), payload + MeterNumber.luhnCheckDigit(payload), "600727", group.id(), "01",
                MeterKind.THICK, null, null));
    }

    private VendorView vendor(UtilityView utility, Long groupId, String name) {
        return vendors.create(new NewVendor(utility.id(), name, groupId, null, VendorTerms.COMMISSION, 0, 100, 0));
    }

    private int audits(String action, String subject) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = ? AND subject = ?", Integer.class, action, subject);
        return count == null ? 0 : count;
    }
}
