package org.vendinghub.ledger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.vendinghub.embedded.EmbeddedMariaDb;
import org.vendinghub.ledger.testsupport.LedgerInvariants;
import org.vendinghub.ledger.testsupport.LedgerTestDatabase;
import org.vendinghub.ledger.testsupport.MutableClock;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Base of every test that needs the database: one MariaDB and one Spring context for the whole test JVM
 * (same configuration in every subclass, so Spring's context cache reuses it). After each test the ledger's
 * invariants are checked over all accounts and transfers, so every test is also an invariant test.
 */
@SpringBootTest(classes = LedgerIntegrationTest.LedgerTestApplication.class)
public abstract class LedgerIntegrationTest {

    static final String LEDGER_TEST_CONTEXT = "vendinghub.ledger-test-context";
    private static final AtomicInteger CURRENCIES = new AtomicInteger();

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected MutableClock clock;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        EmbeddedMariaDb db = LedgerTestDatabase.get();
        registry.add("spring.datasource.url", db::jdbcUrl);
        registry.add("spring.datasource.username", db::username);
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "24");
        registry.add("spring.jpa.hibernate.ddl-auto", () -> "validate");
        registry.add("spring.jpa.open-in-view", () -> "false");
        registry.add("spring.jpa.properties.hibernate.jdbc.time_zone", () -> "UTC");
        registry.add("spring.main.banner-mode", () -> "off");
        registry.add(LEDGER_TEST_CONTEXT, () -> "true");
    }

    @BeforeEach
    void systemTime() {
        clock.useSystemTime();
    }

    @AfterEach
    void ledgerInvariantsHold() {
        LedgerInvariants.assertHold(jdbc);
    }

    /** A currency no other test uses, so that system accounts (revenue, tax...) start at zero for this test. */
    protected static String freshCurrency() {
        int n = CURRENCIES.getAndIncrement();
        return "X" + (char) ('A' + n / 26 % 26) + (char) ('A' + n % 26);
    }

    protected static String uniqueId(String prefix) {
        return prefix + ":" + UUID.randomUUID();
    }

    /**
     * The ledger tests' application. The hub's component scan (org.vendinghub) finds it too when the ledger test-jar is
     * on the hub's test class path, and Boot's TestTypeExcludeFilter does not exclude it (an abstract base class is not
     * a "test class" to it): the condition keeps it out of every context but the ledger's own.
     */
    @SpringBootApplication
    @ConditionalOnProperty(name = LEDGER_TEST_CONTEXT, havingValue = "true")
    static class LedgerTestApplication {

        @Bean
        MutableClock clock() {
            return new MutableClock();
        }
    }
}
