package org.vendinghub.console;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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
import org.vendinghub.domain.MeterNumber;
import org.vendinghub.ledger.utility.NewSupplyGroup;
import org.vendinghub.ledger.utility.NewUtility;
import org.vendinghub.ledger.utility.SupplyGroupView;
import org.vendinghub.ledger.utility.UtilityService;
import org.vendinghub.ledger.utility.UtilityView;
import org.vendinghub.support.HubIntegrationTest;
import org.vendinghub.support.TestUsers;
import org.vendinghub.support.VendFixture;
import org.vendinghub.ledger.meter.MeterView;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
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

    @BeforeAll
    static void startChromium() throws IOException {
        // CI (and .ci/run) installs Debian's chromium and chromium-driver and must run these tests; on a developer's
        // machine with only a JDK they are skipped with this message instead of failing the README's test command
        boolean installed = Files.isExecutable(Path.of("/usr/bin/chromium")) && Files.isExecutable(Path.of("/usr/bin/chromedriver"));
        Assumptions.assumeTrue(installed || System.getenv("CI") != null,
                "browser tests skipped: install Debian's chromium and chromium-driver to run them (CI always runs them)");
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
        screenshot("console-home");

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
        screenshot("meter");

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

    private void signIn(String username, String password) {
        browser.manage().deleteAllCookies();
        open("/login");
        type("username", username);
        type("password", password);
        click("sign-in");
        waitFor(By.id("logout"));
    }

    /** Scrolls the element to the middle of the window first: the tablet-sized window does not show long forms whole. */
    private static void click(String id) {
        WebElement element = waitFor(By.id(id));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        try {
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(element)).click();
        } catch (ElementClickInterceptedException e) {
            // an htmx swap right after typing can move the form under the pointer: scroll again and click once more
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(element)).click();
        }
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
        return new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(locator));
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
