package org.vendinghub.console;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.vendinghub.domain.ChannelRef;
import org.vendinghub.domain.MeterNumber;
import org.vendinghub.domain.Money;
import org.vendinghub.domain.VendId;
import org.vendinghub.ledger.meter.MeterView;
import org.vendinghub.ledger.sale.Payer;
import org.vendinghub.ledger.utility.NewSupplyGroup;
import org.vendinghub.ledger.utility.NewUtility;
import org.vendinghub.ledger.utility.SupplyGroupView;
import org.vendinghub.ledger.utility.UtilityService;
import org.vendinghub.ledger.utility.UtilityView;
import org.vendinghub.ledger.vendor.NewVendor;
import org.vendinghub.ledger.vendor.VendorDeposit;
import org.vendinghub.ledger.vendor.VendorFloatService;
import org.vendinghub.ledger.vendor.VendorGroupView;
import org.vendinghub.ledger.vendor.VendorService;
import org.vendinghub.ledger.vendor.VendorTerms;
import org.vendinghub.ledger.vendor.VendorView;
import org.vendinghub.sts.meter.MeterResult;
import org.vendinghub.sts.meter.MeterSimulator;
import org.vendinghub.support.HubIntegrationTest;
import org.vendinghub.support.Poll;
import org.vendinghub.support.TestUsers;
import org.vendinghub.support.VendFixture;
import org.vendinghub.vend.VendRequest;
import org.vendinghub.vend.VendService;
import org.vendinghub.vend.VendView;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main journeys in a real headless Chromium (Debian's chromium and chromium-driver) against the running hub.
 * Screenshots of the main pages are written to docs/screenshots/ for the README.
 */
class ConsoleBrowserIT extends HubIntegrationTest {

    private static final Path SCREENSHOTS = Path.of("..", "docs", "screenshots");
    private static WebDriver browser;
    private static Path profile;

    @Autowired
    UtilityService utilities;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    VendFixture fixture;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    VendService vends;

    @Autowired
    VendorService vendors;

    @Autowired
    VendorFloatService floats;

    @BeforeAll
    static void startChromium() throws IOException {
        // CI (and .ci/run) installs Debian's chromium and chromium-driver and must run these tests; on a developer's
        // machine with only a JDK they are skipped with this message instead of failing the README's test command
        boolean installed = Files.isExecutable(Path.of("/usr/bin/chromium")) && Files.isExecutable(Path.of("/usr/bin/chromedriver"));
        if (!installed && System.getenv("CI") == null) {
            return; // each test then reports itself skipped (an assumption here would hide them from the count)
        }
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        profile = Files.createTempDirectory("console-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,800",
                "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1280, 800));
    }

    @BeforeEach
    void needsChromium() {
        Assumptions.assumeTrue(browser != null,
                "browser tests skipped: install Debian's chromium and chromium-driver to run them (CI always runs them)");
    }

    @AfterAll
    static void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void an_operator_signs_in_and_creates_a_tariff_a_customer_and_a_meter_then_prices_a_purchase() {
        UtilityView utility = utilities.createUtility(new NewUtility("Browser Power " + suffix(), "KES", 1600, null, null));
        String sgc = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        SupplyGroupView group = utilities.createSupplyGroup(new NewSupplyGroup(utility.id(), "Browser SG " + sgc, sgc, 1, 2, 1993, "02", "07",
                "SGC-" + sgc + "-KRN1", null));

        signIn("admin", ADMIN_PASSWORD);

        String code = "T" + suffix();
        open("/console/tariffs/new");
        new Select(browser.findElement(By.id("utilityId"))).selectByVisibleText(utility.name());
        type("code", code);
        type("name", "Domestic step tariff");
        type("blockFrom0", "0");
        type("blockRate0", "0.12345678"); // too many decimals: the form comes back with the error and what was typed
        type("blockFrom1", "50");
        type("blockRate1", "0.25");
        type("feeCode0", "SVC");
        type("feeName0", "Service charge");
        type("feeAmount0", "2.50");
        click("save-tariff");
        WebElement rateError = waitFor(By.id("error-blockRate0"));
        assertThat(rateError.getText()).contains("at most 6 decimals");
        assertThat(browser.findElement(By.id("code")).getDomProperty("value")).isEqualTo(code);
        assertThat(browser.findElement(By.id("feeAmount0")).getDomProperty("value")).isEqualTo("2.50");
        type("blockRate0", "0.15");
        click("save-tariff");
        assertThat(waitFor(By.id("notice")).getText()).contains("Tariff " + code + " created.");
        screenshot("tariff");

        String account = "ACC-" + suffix();
        open("/console/customers/new");
        new Select(browser.findElement(By.id("utilityId"))).selectByVisibleText(utility.name());
        type("accountNumber", account);
        type("name", "Amina Wanjiru");
        type("phone", "+254700000001");
        click("save-customer");
        assertThat(waitFor(By.id("notice")).getText()).contains("Customer " + account + " created.");

        click("add-meter");
        String meterNumber = meterNumber();
        new Select(waitFor(By.id("utilityId"))).selectByVisibleText(utility.name());
        type("meterNumber", meterNumber);
        new Select(browser.findElement(By.id("supplyGroupId"))).selectByValue(String.valueOf(group.id()));
        new Select(browser.findElement(By.id("tariffId"))).selectByVisibleText(code + " · Domestic step tariff");
        click("save-meter");
        assertThat(waitFor(By.id("meter-number")).getText()).isEqualTo(meterNumber);

        open("/console/tariffs");
        type("calc-meter", meterNumber);
        type("calc-amount", "100");
        click("calculate"); // htmx swaps in the quote without a page load
        WebElement total = waitFor(By.id("quote-amount"));
        assertThat(total.getText()).isEqualTo("KES 100.00");
        assertThat(browser.findElement(By.id("quote-table")).getText()).contains("Service charge");
        screenshot("tariff-calculator");

        open("/console/meters");
        type("q", meterNumber); // search as you type (htmx)
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("meters"), meterNumber));
        screenshot("meters");
    }

    @Test
    void a_cashier_checks_a_meter_vends_prints_the_receipt_and_reprints_the_token() {
        MeterView meter = fixture.meter();
        signIn("admin", ADMIN_PASSWORD);
        click("nav-vend");
        type("meterNumber", meter.meterNumber());
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("meter-check"), "Customer"));
        type("amount", "100");
        click("vend");
        WebElement token = new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#receipt .token")));
        String issued = token.getText();
        assertThat(issued.replace(" ", "")).matches("\\d{20}");
        assertThat(browser.findElement(By.id("receipt-status")).getText()).isIn("ISSUED", "DELIVERED");
        assertThat(browser.findElement(By.id("receipt-amount")).getText()).isEqualTo("KES 100.00");
        screenshot("vend-receipt");

        open("/console/vend/reprint");
        type("reprint-meter", meter.meterNumber());
        click("find-tokens");
        assertThat(waitFor(By.id("reprint-vends")).getText()).contains(issued);
        screenshot("reprint");
    }

    @Test
    void a_supervisor_lands_on_the_dashboard_whose_numbers_and_charts_are_exactly_their_groups_sales_of_today() {
        MeterView meter = fixture.meter();
        VendorGroupView group = vendors.createGroup("Browser group " + suffix());
        VendorView shop = vendors.create(new NewVendor(fixture.setup().utility().id(), "Browser Shop " + suffix(), group.id(), null,
                VendorTerms.COMMISSION, 0, 0, 0));
        floats.deposit(new VendorDeposit("browser-" + suffix(), shop.id(), 200_000, "BANK", "slip 1"));
        long[] amounts = {116_00, 58_00, 29_50};
        long units = 0;
        for (long amount : amounts) {
            units += sell(meter, shop, amount).unitsTenths();
        }
        TestUsers.ensure(jdbc, encoder, "browser-supervisor-" + group.id(), "Supervisor-Password-1", "vendor-supervisors");
        jdbc.update("UPDATE hub_user SET vendor_group_id = ? WHERE username = ?", group.id(), "browser-supervisor-" + group.id());

        signIn("browser-supervisor-" + group.id(), "Supervisor-Password-1");
        assertThat(browser.getCurrentUrl()).endsWith("/console/dashboard");
        assertThat(waitFor(By.id("today-vends-KES")).getText()).isEqualTo("3");
        assertThat(browser.findElement(By.id("today-value-KES")).getText()).isEqualTo("203.50");
        assertThat(browser.findElement(By.id("today-units-KES")).getText()).isEqualTo(BigDecimal.valueOf(units, 1).toPlainString());
        JavascriptExecutor js = (JavascriptExecutor) browser;
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> js.executeScript("return !!Chart.getChart('chart-by-day')"));
        Object byDay = js.executeScript("const d = Chart.getChart('chart-by-day').data; return [d.labels[d.labels.length - 1], "
                + "d.datasets[0].data[d.datasets[0].data.length - 1], d.datasets[1].data[d.datasets[1].data.length - 1]];");
        assertThat(byDay.toString()).isEqualTo("[" + LocalDate.now(ZoneOffset.UTC) + ", 203.5, 3]");
        Object byChannel = js.executeScript("const d = Chart.getChart('chart-by-channel').data; return [d.labels, d.datasets[0].data];");
        assertThat(byChannel.toString()).isEqualTo("[[XMLVEND], [203.5]]");
        assertThat(browser.findElements(By.id("hawtio-link"))).isEmpty();

        pastSales();
        try {
            signIn("admin", ADMIN_PASSWORD);
            waitFor(By.id("chart-by-day"));
            assertThat(browser.findElements(By.id("hawtio-link"))).hasSize(1);
            screenshot("dashboard", 1250);
        } finally {
            jdbc.update("DELETE FROM vend WHERE created_by = 'screenshot'");
        }
    }

    @Test
    void an_operator_issues_free_units_from_the_meter_page_and_the_meter_accepts_the_printed_token() {
        MeterView meter = fixture.meter();
        signIn("admin", ADMIN_PASSWORD);
        open("/console/meters/" + meter.id());
        click("engineering-for-meter");
        assertThat(waitFor(By.id("meterNumber")).getDomProperty("value")).isEqualTo(meter.meterNumber());
        new Select(browser.findElement(By.id("type"))).selectByValue("FREE_UNITS");
        type("value", "5");
        click("issue");
        assertThat(waitFor(By.id("error-reason")).getText()).contains("reason");
        assertThat(browser.findElement(By.id("value")).getDomProperty("value")).isEqualTo("5");
        type("reason", "free basic electricity for November");
        click("issue");
        assertThat(waitFor(By.id("notice")).getText()).contains("Engineering token issued");
        assertThat(browser.findElement(By.id("receipt")).getText()).contains("Free units 5.0 kWh");
        String token = browser.findElement(By.id("token-1")).getText().replace(" ", "");
        MeterSimulator simulator = fixture.simulator(meter);
        assertThat(simulator.enter(token)).isEqualTo(MeterResult.ACCEPT);
        assertThat(simulator.credit(0)).isEqualTo(50);
        screenshot("engineering-token");
    }

    @Test
    void a_cashier_sells_units_then_reverses_the_vend_with_a_reason() {
        MeterView meter = fixture.meter();
        signIn("admin", ADMIN_PASSWORD);
        click("nav-vend");
        type("meterNumber", meter.meterNumber());
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("meter-check"), "Customer"));
        type("units", "4");
        click("vend");
        assertThat(new WebDriverWait(browser, Duration.ofSeconds(30)).until(
                ExpectedConditions.visibilityOfElementLocated(By.id("receipt-units"))).getText()).isEqualTo("4.0 kWh");
        click("reverse");
        assertThat(waitFor(By.id("error-reason")).getText()).isEqualTo("is required: say why the money goes back");
        type("reversal-reason", "customer gave the wrong meter number");
        click("reverse");
        assertThat(waitFor(By.id("notice")).getText()).contains("Vend reversed");
        assertThat(browser.findElement(By.id("receipt-status")).getText()).isEqualTo("REVERSED");
        assertThat(browser.findElements(By.id("reversal-form"))).isEmpty();
    }

    @Test
    void the_meter_page_lists_the_token_history_and_reprints_a_receipt() {
        MeterView meter = fixture.meter();
        List<VendView> sold = new ArrayList<>();
        for (long amount : new long[] {29_00, 58_00, 116_00}) {
            sold.add(issued(vends.vend(new VendRequest(new ChannelRef("API", "browser-" + suffix()), meter.meterNumber(),
                    Money.of(amount, "KES"), null, Payer.channel("API"), "browser-test", null, null, Map.of())).vend()));
        }
        VendView newest = sold.get(2);
        signIn("admin", ADMIN_PASSWORD);
        open("/console/meters/" + meter.id());
        WebElement history = waitFor(By.id("token-history"));
        assertThat(history.findElements(By.cssSelector("tbody tr"))).hasSize(3);
        assertThat(history.getText()).contains(newest.receiptNo(), "KES 116.00", "KES 29.00").doesNotContain(newest.tokens().get(0).formatted());
        screenshot("meter", 1150);
        click("reprint-" + newest.receiptNo());
        assertThat(waitFor(By.id("reprint-mark")).getText()).isEqualTo("REPRINT");
        assertThat(browser.findElement(By.id("token-1")).getText()).isEqualTo(newest.tokens().get(0).formatted());
    }

    @Test
    void after_the_session_expired_an_htmx_request_brings_the_login_page_and_signing_in_returns_to_the_page() {
        MeterView meter = fixture.meter();
        signIn("admin", ADMIN_PASSWORD);
        open("/console/vend");
        waitFor(By.id("meterNumber"));
        browser.manage().deleteCookieNamed("JSESSIONID"); // what a browser holds after the hub forgot its session
        browser.manage().addCookie(new Cookie("JSESSIONID", "0123456789ABCDEF0123456789ABCDEF", "/"));
        type("meterNumber", meter.meterNumber()); // the meter check is an htmx request
        assertThat(waitFor(By.id("session-expired")).getText()).contains("Your session has expired");
        type("username", "admin");
        type("password", ADMIN_PASSWORD);
        click("sign-in");
        waitFor(By.id("logout"));
        assertThat(browser.getCurrentUrl()).isEqualTo(url("/console/vend"));
    }

    @Test
    void the_administrators_pages_render_for_the_readme() {
        signIn("admin", ADMIN_PASSWORD);
        open("/console/users");
        waitFor(By.id("users"));
        screenshot("users");
        open("/console/groups");
        waitFor(By.id("groups"));
        screenshot("groups");
        open("/console/audit?action=LOGIN");
        assertThat(waitFor(By.id("audit-events")).getText()).contains("LOGIN");
        screenshot("audit");
        open("/console/supply-groups");
        waitFor(By.id("supply-groups"));
        screenshot("supply-groups");
        open("/console/supply-groups/keys");
        waitFor(By.id("key-import"));
        screenshot("key-import");
        open("/console/vendors");
        waitFor(By.id("vendors"));
        screenshot("vendors");
    }

    @Test
    void a_read_only_user_sees_no_key_import_and_no_way_to_change_meters() {
        TestUsers.ensure(jdbc, encoder, "browser-reader", "Reader-Password-1", "read-only");
        signIn("browser-reader", "Reader-Password-1");
        assertThat(browser.findElements(By.id("nav-key-import"))).isEmpty();
        assertThat(browser.findElements(By.id("nav-users"))).isEmpty();
        assertThat(browser.findElements(By.id("nav-vend"))).isEmpty();
        assertThat(browser.findElements(By.id("nav-meters"))).hasSize(1);

        open("/console/meters");
        waitFor(By.id("meters"));
        assertThat(browser.findElements(By.id("new-meter"))).isEmpty();

        open("/console/supply-groups/keys");
        assertThat(waitFor(By.id("forbidden")).getText()).isEqualTo("Not allowed");
        open("/console/meters/new");
        assertThat(waitFor(By.id("forbidden")).getText()).isEqualTo("Not allowed");
        open("/console/vend");
        assertThat(waitFor(By.id("forbidden")).getText()).isEqualTo("Not allowed");
    }

    @Test
    void a_wrong_password_shows_the_error_on_our_login_page() {
        browser.manage().deleteAllCookies();
        open("/login");
        type("username", "admin");
        type("password", "not-the-password");
        click("sign-in");
        assertThat(waitFor(By.id("login-error")).getText()).isEqualTo("Wrong user name or password.");
        screenshot("login");
    }

    /** A sale through a vendor channel, paid from the vendor's float, as XMLVend makes it. */
    private VendView sell(MeterView meter, VendorView vendor, long amountMinor) {
        VendView vend = vends.vend(new VendRequest(new ChannelRef("XMLVEND", "browser-" + suffix()), meter.meterNumber(),
                Money.of(amountMinor, "KES"), null, Payer.vendor(vendor.id()), "browser-test", null, null, Map.of())).vend();
        return issued(vend);
    }

    /** The vend once its tokens are out (on a busy machine the first answer may still be "working"). */
    private VendView issued(VendView vend) {
        VendId id = VendId.parse(vend.id());
        Poll.until("vend " + id + " issued", Duration.ofSeconds(30), () -> vends.find(id).orElseThrow().status().hasTokens());
        return vends.find(id).orElseThrow();
    }

    private void signIn(String username, String password) {
        // leave the last test's page first: a search-as-you-type request it still had pending could otherwise reach the
        // hub after the cookies are gone, and the login would then return to that request (an htmx fragment)
        browser.get("about:blank");
        open("/login");
        browser.manage().deleteAllCookies();
        open("/login");
        type("username", username);
        type("password", password);
        click("sign-in");
        waitFor(By.id("logout"));
    }

    /**
     * Scrolls the element to the middle of the window first (the tablet-sized window does not show long forms whole) and
     * waits until it is inside the window: Chromium 156 resizes the window after a screenshot asynchronously, and an
     * htmx swap right after typing can move a form, so one scroll is not always where the element ends up.
     */
    private static void click(String id) {
        WebElement element = waitFor(By.id(id));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        wait.until(d -> scrolledIntoWindow(element));
        try {
            wait.until(ExpectedConditions.elementToBeClickable(element)).click();
        } catch (ElementClickInterceptedException e) {
            wait.until(d -> scrolledIntoWindow(element));
            wait.until(ExpectedConditions.elementToBeClickable(element)).click();
        }
    }

    private static boolean scrolledIntoWindow(WebElement element) {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript(
                "const e = arguments[0]; e.scrollIntoView({block: 'center', behavior: 'instant'});"
                        + " const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;", element));
    }

    private void open(String path) {
        browser.get(url(path));
    }

    private void type(String id, String text) {
        WebElement field = waitFor(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private static WebElement waitFor(By locator) {
        return new WebDriverWait(browser, Duration.ofSeconds(10))
                .withMessage(() -> "the page was " + browser.getCurrentUrl() + ": " + pageText())
                .until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** What the browser showed, for a failure message: the start of the page's text. */
    private static String pageText() {
        String text = browser.findElement(By.tagName("body")).getText().replaceAll("\\s+", " ");
        return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }

    /** Made-up sales of the past four weeks, so that the README's dashboard has charts worth looking at; deleted after. */
    private void pastSales() {
        String[] channels = {"XMLVEND", "MPESA", "API", "CONSOLE", "MOMO"};
        Instant midnight = LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Object[]> rows = new ArrayList<>();
        for (int day = 1; day < 30; day++) {
            for (int i = 0; i < 6 + (day * 7) % 9; i++) {
                String id = UUID.randomUUID().toString();
                long amount = 2_000 + ((day * 31L + i * 17L) % 40) * 500;
                Timestamp at = Timestamp.from(midnight.minus(Duration.ofDays(day)).plusSeconds(21_600 + i * 1_800L));
                rows.add(new Object[] {id, channels[(day + i) % channels.length], "screenshot-" + id, amount, amount / 290, at, at, at});
            }
        }
        jdbc.batchUpdate("INSERT INTO vend (id, channel, channel_ref, payload_hash, meter_number, purpose, request_json, status, amount_minor, "
                + "currency, units_tenths, delivery_status, refund_status, created_by, created_at, updated_at, issued_at) VALUES (?, ?, ?, "
                + "REPEAT('0', 64), '01234567891', 'CREDIT', '{}', 'ISSUED', ?, 'KES', ?, 'NONE', 'NONE', 'screenshot', ?, ?, ?)", rows);
    }

    /** A screenshot of a taller window, for pages whose interesting part lies below the first screen. */
    private static void screenshot(String name, int height) {
        browser.manage().window().setSize(new Dimension(1280, height));
        try {
            screenshot(name);
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 800));
        }
    }

    private static void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(png.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("cannot save screenshot " + name, e);
        }
    }

    private static String suffix() {
        return Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
    }

    private static String meterNumber() {
        String payload = String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
        return payload + MeterNumber.luhnCheckDigit(payload);
    }
}
