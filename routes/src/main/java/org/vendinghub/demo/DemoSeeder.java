package org.vendinghub.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.vendinghub.domain.MeterNumber;
import org.vendinghub.ledger.customer.CustomerService;
import org.vendinghub.ledger.customer.CustomerView;
import org.vendinghub.ledger.customer.NewCustomer;
import org.vendinghub.ledger.meter.MeterKind;
import org.vendinghub.ledger.meter.MeterService;
import org.vendinghub.ledger.meter.NewMeter;
import org.vendinghub.ledger.tariff.NewTariff;
import org.vendinghub.ledger.tariff.NewTariffVersion;
import org.vendinghub.ledger.tariff.TariffBlock;
import org.vendinghub.ledger.tariff.TariffService;
import org.vendinghub.ledger.tariff.TariffView;
import org.vendinghub.ledger.utility.NewSupplyGroup;
import org.vendinghub.ledger.utility.NewUtility;
import org.vendinghub.ledger.utility.SupplyGroupView;
import org.vendinghub.ledger.utility.UtilityService;
import org.vendinghub.ledger.utility.UtilityView;
import org.vendinghub.sts.SecurityModule;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;

/**
 * With {@code hub.demo.seed=true}: a demo utility to sell from at once (and for the load harness). Demo Power, KES with
 * 16 % VAT, one DKGA04/EA11 supply group whose vending key is random (made here, imported, never shown), a step tariff,
 * and {@code hub.demo.meters} meters 0000000001x… with customers. Runs once: a hub that has Demo Power skips it.
 */
@Component
@ConditionalOnProperty(name = "hub.demo.seed", havingValue = "true")
class DemoSeeder implements ApplicationRunner {

    static final String UTILITY = "Demo Power";
    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

    private final UtilityService utilities;
    private final TariffService tariffs;
    private final CustomerService customers;
    private final MeterService meters;
    private final SecurityModule hsm;
    private final TransactionTemplate tx;
    private final Environment env;
    private final Clock clock;

    DemoSeeder(UtilityService utilities, TariffService tariffs, CustomerService customers, MeterService meters, SecurityModule hsm,
               TransactionTemplate tx, Environment env, Clock clock) {
        this.utilities = utilities;
        this.tariffs = tariffs;
        this.customers = customers;
        this.meters = meters;
        this.hsm = hsm;
        this.tx = tx;
        this.env = env;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean seeded = utilities.utilities(PageRequest.of(0, 500)).stream().anyMatch(u -> u.name().equals(UTILITY));
        if (seeded) {
            return;
        }
        int count = env.getProperty("hub.demo.meters", Integer.class, 100);
        tx.executeWithoutResult(s -> seed(count));
        log.info("Demo data: utility '{}' with {} meters, numbers 00000000010 upwards (see GET /api/v1/meters)", UTILITY, count);
    }

    private void seed(int count) {
        UtilityView utility = utilities.createUtility(new NewUtility(UTILITY, "KES", 1600, "1 Demo Road, Nairobi", "P051234567X"));
        byte[] key = new byte[20];
        new SecureRandom().nextBytes(key);
        hsm.importVendingKey("DEMO-600100-KRN1", key); // wipes the array
        SupplyGroupView group = utilities.createSupplyGroup(new NewSupplyGroup(utility.id(), "Demo supply group", "600100", 1, 2, 2014,
                "04", "11", "DEMO-600100-KRN1", null));
        TariffView tariff = tariffs.create(new NewTariff(utility.id(), "DEMO-RES", "Demo residential (inclining blocks)"));
        tariffs.addVersion(tariff.id(), new NewTariffVersion(clock.instant(), null, null,
                List.of(new TariffBlock(0, 1200L * 10_000), new TariffBlock(1000, 2500L * 10_000)), List.of()));
        for (int i = 1; i <= count; i++) {
            CustomerView customer = customers.create(new NewCustomer(utility.id(), "DEMO-" + i, "Demo customer " + i, "+254700000000",
                    null, "Plot " + i + ", Demo Estate"));
            String payload = String.format("%010d", i);
            meters.register(new NewMeter(utility.id(), payload + MeterNumber.luhnCheckDigit(payload), "600727", group.id(), "01",
                    MeterKind.THICK, tariff.id(), customer.id()));
        }
    }
}
