package org.vendinghub.ledger.testsupport;

import org.springframework.context.ApplicationContext;
import org.vendinghub.domain.MeterNumber;
import org.vendinghub.ledger.customer.CustomerService;
import org.vendinghub.ledger.customer.CustomerView;
import org.vendinghub.ledger.customer.NewCustomer;
import org.vendinghub.ledger.meter.MeterKind;
import org.vendinghub.ledger.meter.MeterService;
import org.vendinghub.ledger.meter.MeterView;
import org.vendinghub.ledger.meter.NewMeter;
import org.vendinghub.ledger.tariff.NewTariff;
import org.vendinghub.ledger.tariff.NewTariffVersion;
import org.vendinghub.ledger.tariff.TariffBlock;
import org.vendinghub.ledger.tariff.TariffFee;
import org.vendinghub.ledger.tariff.TariffService;
import org.vendinghub.ledger.tariff.TariffView;
import org.vendinghub.ledger.utility.NewSupplyGroup;
import org.vendinghub.ledger.utility.NewUtility;
import org.vendinghub.ledger.utility.SupplyGroupView;
import org.vendinghub.ledger.utility.UtilityService;
import org.vendinghub.ledger.utility.UtilityView;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Builds the domain objects tests need, each unique (names, numbers, SGCs) so that tests never collide. */
public final class Fixtures {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);

    private final UtilityService utilities;
    private final CustomerService customers;
    private final MeterService meters;
    private final TariffService tariffs;

    public Fixtures(ApplicationContext context) {
        this.utilities = context.getBean(UtilityService.class);
        this.customers = context.getBean(CustomerService.class);
        this.meters = context.getBean(MeterService.class);
        this.tariffs = context.getBean(TariffService.class);
    }

    public static long next() {
        return SEQUENCE.incrementAndGet();
    }

    public UtilityView utility(String currency) {
        return utilities.createUtility(new NewUtility("Utility " + next(), currency, 1500, "1 Main Road", "VAT-123"));
    }

    public SupplyGroupView supplyGroup(long utilityId, int krn) {
        String sgc = String.format("%06d", next() % 1_000_000);
        return utilities.createSupplyGroup(new NewSupplyGroup(utilityId, "SG " + sgc, sgc, krn, 2, 2014, "04", "07",
                "vk-" + sgc + "-" + krn, "A1B2C3"));
    }

    public CustomerView customer(long utilityId) {
        return customers.create(new NewCustomer(utilityId, "ACC-" + next(), "Customer " + next(), "+260971234567",
                "c@example.org", "Plot 1"));
    }

    public TariffView tariff(long utilityId, Instant from, List<TariffBlock> blocks, List<TariffFee> fees) {
        TariffView tariff = tariffs.create(new NewTariff(utilityId, "T" + next(), "Tariff"));
        tariffs.addVersion(tariff.id(), new NewTariffVersion(from, null, null, blocks, fees));
        return tariff;
    }

    /** An 11-digit meter number with a valid Luhn digit, unique in this JVM. */
    public static String meterNumber() {
        String payload = String.format("%010d", next() % 10_000_000_000L);
        return payload + MeterNumber.luhnCheckDigit(payload);
    }

    public MeterView meter(long utilityId, long supplyGroupId, Long tariffId, Long customerId) {
        return meters.register(new NewMeter(utilityId, meterNumber(), null, supplyGroupId, "01", MeterKind.THICK, tariffId,
                customerId));
    }
}
