package org.vendinghub.support;

import org.springframework.stereotype.Component;
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
import org.vendinghub.ledger.testsupport.Fixtures;
import org.vendinghub.ledger.utility.NewSupplyGroup;
import org.vendinghub.ledger.utility.NewUtility;
import org.vendinghub.ledger.utility.SupplyGroupView;
import org.vendinghub.ledger.utility.UtilityService;
import org.vendinghub.ledger.utility.UtilityView;
import org.vendinghub.sts.BaseDate;
import org.vendinghub.sts.Dkga;
import org.vendinghub.sts.Ea;
import org.vendinghub.sts.MeterKeyParams;
import org.vendinghub.sts.SecurityModule;
import org.vendinghub.sts.meter.MeterSimulator;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * A utility ready to sell, for the tests that vend: KES at 16 % VAT, a DKGA04/EA11 supply group whose vending key is in
 * the hub's security module, a single-rate tariff of 25.00 KES/kWh, and fresh meters with a virtual STS meter each.
 */
@Component
public class VendFixture {

    /** The vending key of the STS 531 compliance vectors (DKGA04, 160 bits). Test data, never a real key. */
    public static final String VENDING_KEY_HEX = "abababababababab949494949494949401234567";
    public static final long RATE_MINOR_E4_PER_KWH = 2500L * 10_000;

    private final UtilityService utilities;
    private final TariffService tariffs;
    private final CustomerService customers;
    private final MeterService meters;
    private final SecurityModule hsm;
    private Setup setup;

    public VendFixture(UtilityService utilities, TariffService tariffs, CustomerService customers, MeterService meters,
                       SecurityModule hsm) {
        this.utilities = utilities;
        this.tariffs = tariffs;
        this.customers = customers;
        this.meters = meters;
        this.hsm = hsm;
    }

    public record Setup(UtilityView utility, SupplyGroupView supplyGroup, TariffView tariff) {
    }

    public synchronized Setup setup() {
        if (setup == null) {
            setup = newUtility();
        }
        return setup;
    }

    /** A meter of a utility of its own (KES too), not the one the fixture's vendors and other meters belong to. */
    public MeterView meterOfAnotherUtility() {
        Setup other = newUtility();
        return meters.register(new NewMeter(other.utility().id(), Fixtures.meterNumber(), "600727", other.supplyGroup().id(), "01",
                MeterKind.THICK, other.tariff().id(), null));
    }

    private Setup newUtility() {
        UtilityView utility = utilities.createUtility(new NewUtility("Test Power " + Fixtures.next(), "KES", 1600, "1 Grid Road", "P0001"));
        String sgc = String.format("%06d", 100_000 + Fixtures.next() % 800_000);
        String keyId = "SG-" + sgc + "-KRN1";
        hsm.importVendingKey(keyId, HexFormat.of().parseHex(VENDING_KEY_HEX));
        // base date 2014: a 1993-base meter ran out of TIDs on 2024-11-24
        SupplyGroupView group = utilities.createSupplyGroup(new NewSupplyGroup(utility.id(), "Test group " + sgc, sgc, 1, 2, 2014,
                "04", "11", keyId, null));
        return new Setup(utility, group, tariff(utility.id(), "Residential single rate", Instant.now(), List.of()));
    }

    /**
     * Another supply group of the same utility (base date 2014, DKGA04/EA11), with {@code vendingKeyHex} imported into
     * the security module, or with no key at all when it is null (a token for it then cannot be made).
     */
    public SupplyGroupView supplyGroup(String vendingKeyHex) {
        Setup s = setup();
        String sgc = String.format("%06d", 100_000 + Fixtures.next() % 800_000);
        String keyId = "SG-" + sgc + "-KRN1";
        if (vendingKeyHex != null) {
            hsm.importVendingKey(keyId, HexFormat.of().parseHex(vendingKeyHex));
        }
        return utilities.createSupplyGroup(new NewSupplyGroup(s.utility().id(), "Group " + sgc, sgc, 1, 2, 2014, "04", "11", keyId, null));
    }

    /** A meter of the given supply group, with the fixture's tariff. */
    public MeterView meter(SupplyGroupView group) {
        Setup s = setup();
        return meters.register(new NewMeter(s.utility().id(), Fixtures.meterNumber(), "600727", group.id(), "01", MeterKind.THICK,
                s.tariff().id(), null));
    }

    public MeterView meter() {
        return meterWithCustomer(setup().tariff().id());
    }

    /** A meter with a customer, on a tariff of its own: the fixture's rate plus {@code fees}, each charged once a month. */
    public MeterView meterWithMonthlyFees(List<TariffFee> fees) {
        return meterWithCustomer(tariff(setup().utility().id(), "Residential with fees", Instant.now(), fees).id());
    }

    /** A tariff of the fixture's utility at the fixture's rate, with prices (and {@code fees}) valid from {@code validFrom}. */
    public TariffView tariff(String name, Instant validFrom, List<TariffFee> fees) {
        return tariff(setup().utility().id(), name, validFrom, fees);
    }

    private TariffView tariff(long utilityId, String name, Instant validFrom, List<TariffFee> fees) {
        TariffView tariff = tariffs.create(new NewTariff(utilityId, "T" + Fixtures.next(), name));
        tariffs.addVersion(tariff.id(), new NewTariffVersion(validFrom, null, null, List.of(new TariffBlock(0, RATE_MINOR_E4_PER_KWH)), fees));
        return tariff;
    }

    private MeterView meterWithCustomer(long tariffId) {
        Setup s = setup();
        CustomerView customer = customers.create(new NewCustomer(s.utility().id(), "ACC-" + Fixtures.next(), "Customer " + Fixtures.next(),
                "+254712345678", "customer@example.org", "Plot 7, Kisumu"));
        return meters.register(new NewMeter(s.utility().id(), Fixtures.meterNumber(), "600727", s.supplyGroup().id(), "01",
                MeterKind.THICK, tariffId, customer.id()));
    }

    /** A virtual STS meter with the same keys as {@code meter}: what a customer's keypad meter would do with a token. */
    public MeterSimulator simulator(MeterView meter) {
        MeterKeyParams params = new MeterKeyParams(meter.pan(), meter.sts().sgc(), Integer.parseInt(meter.sts().ti()),
                meter.sts().krn(), meter.sts().keyType(), BaseDate.of(meter.sts().baseDate()), Dkga.of(meter.sts().dkga()),
                Ea.of(meter.sts().ea()));
        return MeterSimulator.forMeter(params, HexFormat.of().parseHex(VENDING_KEY_HEX));
    }
}
