package org.vendinghub.console;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.vendinghub.domain.MeterNumber;
import org.vendinghub.ledger.meter.MeterKind;
import org.vendinghub.ledger.meter.MeterService;
import org.vendinghub.ledger.meter.MeterView;
import org.vendinghub.ledger.meter.NewMeter;
import org.vendinghub.ledger.utility.NewSupplyGroup;
import org.vendinghub.ledger.utility.NewUtility;
import org.vendinghub.ledger.utility.SupplyGroupView;
import org.vendinghub.ledger.utility.UtilityService;
import org.vendinghub.ledger.utility.UtilityView;
import org.vendinghub.ledger.vendor.NewVendor;
import org.vendinghub.ledger.vendor.VendorService;
import org.vendinghub.ledger.vendor.VendorTerms;
import org.vendinghub.ledger.vendor.VendorView;
import org.vendinghub.support.HubIntegrationTest;
import org.vendinghub.support.TestUsers;

import java.net.http.HttpResponse;
import java.util.Map;
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
