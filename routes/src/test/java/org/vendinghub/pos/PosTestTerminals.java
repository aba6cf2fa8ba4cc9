package org.vendinghub.pos;

import org.springframework.stereotype.Component;
import org.vendinghub.ledger.testsupport.Fixtures;
import org.vendinghub.ledger.vendor.NewVendor;
import org.vendinghub.ledger.vendor.VendorDeposit;
import org.vendinghub.ledger.vendor.VendorFloatService;
import org.vendinghub.ledger.vendor.VendorService;
import org.vendinghub.ledger.vendor.VendorTerms;
import org.vendinghub.support.VendFixture;

/** Vendors with float, their registered POS terminals (with the secret shown once) and cashiers, for the POS tests. */
@Component
class PosTestTerminals {

    static final String PIN = "4821";

    private final VendFixture fixture;
    private final VendorService vendors;
    private final VendorFloatService floats;
    private final PosTerminals terminals;
    private final PosCashiers cashiers;

    PosTestTerminals(VendFixture fixture, VendorService vendors, VendorFloatService floats, PosTerminals terminals, PosCashiers cashiers) {
        this.fixture = fixture;
        this.vendors = vendors;
        this.floats = floats;
        this.terminals = terminals;
        this.cashiers = cashiers;
    }

    /** A terminal and its credentials, and the cashier who signs in on it. */
    record Terminal(long vendorId, String terminalId, String secret, String cashier) {
    }

    /** A fresh vendor (of the fixture's utility) with {@code floatMinor} of float, one terminal and one cashier. */
    Terminal vendorWithTerminal(long floatMinor) {
        long vendorId = vendor(floatMinor);
        return terminal(vendorId, cashier(vendorId));
    }

    long vendor(long floatMinor) {
        long vendorId = vendors.create(new NewVendor(fixture.setup().utility().id(), "POS vendor " + Fixtures.next(), null, null,
                VendorTerms.COMMISSION, 0, 0, 0)).id();
        if (floatMinor > 0) {
            floats.deposit(new VendorDeposit("pos-" + Fixtures.next(), vendorId, floatMinor, "BANK", "test float"));
        }
        return vendorId;
    }

    String cashier(long vendorId) {
        String login = "cashier" + Fixtures.next();
        cashiers.create(vendorId, login, "Cashier " + login, PIN, "test");
        return login;
    }

    /** Another terminal of the vendor, with the same cashier. */
    Terminal terminal(long vendorId, String cashier) {
        String terminalId = "T" + Fixtures.next();
        PosTerminals.Registered registered = terminals.register(vendorId, terminalId, "Till " + terminalId, null, true, null, "test");
        return new Terminal(vendorId, terminalId, registered.secret(), cashier);
    }
}
