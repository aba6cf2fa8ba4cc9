package org.vendinghub.pos;

import org.springframework.stereotype.Component;
import org.vendinghub.ledger.customer.CustomerService;
import org.vendinghub.ledger.customer.CustomerView;
import org.vendinghub.ledger.meter.MeterService;
import org.vendinghub.ledger.meter.MeterView;
import org.vendinghub.ledger.pricing.BreakdownLine;
import org.vendinghub.ledger.pricing.LineKind;
import org.vendinghub.ledger.pricing.PriceBreakdown;
import org.vendinghub.ledger.utility.UtilityService;
import org.vendinghub.ledger.utility.UtilityView;
import org.vendinghub.ledger.vendor.VendorService;
import org.vendinghub.ledger.vendor.VendorView;
import org.vendinghub.vend.VendView;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Builds POS receipts and shift reports from the hub's vends, meters, customers, utilities and vendors. */
@Component
class PosReceipts {

    private final MeterService meters;
    private final CustomerService customers;
    private final UtilityService utilities;
    private final VendorService vendors;
    private final PosProperties properties;
    private final Clock clock;

    PosReceipts(MeterService meters, CustomerService customers, UtilityService utilities, VendorService vendors,
                PosProperties properties, Clock clock) {
        this.meters = meters;
        this.customers = customers;
        this.utilities = utilities;
        this.vendors = vendors;
        this.properties = properties;
        this.clock = clock;
    }

    /** The receipt of a vend that issued tokens; {@code copy} 0 for the original print. */
    PosReceipt receipt(VendView vend, PosVendLinks.Link link, PosCaller terminal, int copy) {
        MeterView meter = meters.byNumber(vend.meterNumber());
        UtilityView utility = utilities.utility(meter.utilityId());
        VendorView vendor = vendors.vendor(terminal.vendorId());
        CustomerView customer = meter.customerId() == null ? null : customers.customer(meter.customerId());
        List<PosReceipt.Line> details = new ArrayList<>(List.of(
                new PosReceipt.Line("Vendor", vendor.name()),
                new PosReceipt.Line("Terminal", terminal.terminalId()),
                new PosReceipt.Line("Cashier", link.cashierLogin()),
                new PosReceipt.Line("Date", PosFormats.time(vend.issuedAt() == null ? vend.createdAt() : vend.issuedAt(), properties.receiptZone())),
                new PosReceipt.Line("Receipt", vend.receiptNo()),
                new PosReceipt.Line("Meter", vend.meterNumber())));
        if (customer != null) {
            details.add(new PosReceipt.Line("Customer", customer.name()));
            details.add(new PosReceipt.Line("Account", customer.accountNumber()));
        }
        List<PosReceipt.Line> lines = new ArrayList<>();
        PosReceipt.Line total = null;
        PriceBreakdown price = vend.breakdown();
        if (price != null && "CREDIT".equals(vend.purpose())) {
            price.lines().forEach(l -> lines.add(line(l, price.currency())));
            lines.add(new PosReceipt.Line("Units", PosFormats.units(price.unitsTenths())));
            total = new PosReceipt.Line("TOTAL", PosFormats.money(price.tenderedMinor(), price.currency()));
        }
        List<PosReceipt.Token> tokens = vend.tokens().stream()
                .map(t -> new PosReceipt.Token(t.description(), t.token(), t.testToken())).toList();
        return new PosReceipt(new PosReceipt.Party(utility.name(), utility.address(), utility.taxReference()), details, lines, total,
                tokens, copy, properties.receiptFooter());
    }

    PosShiftReport report(PosShifts.Shift shift, String terminalId, PosShiftTotals totals) {
        VendorView vendor = vendors.vendor(shift.vendorId());
        UtilityView utility = utilities.utility(vendor.utilityId());
        return new PosShiftReport(new PosReceipt.Party(utility.name(), utility.address(), utility.taxReference()), vendor.name(),
                terminalId, shift.shiftNo(), shift.openedBy(), shift.openedAt(), shift.closedBy(), shift.closedAt(),
                shift.openingFloatMinor(), shift.closingFloatMinor(), totals, clock.instant(), properties.receiptZone());
    }

    private static PosReceipt.Line line(BreakdownLine l, String currency) {
        String label = l.kind() == LineKind.ENERGY ? "Energy " + PosFormats.units(l.unitsTenths()) : l.label();
        return new PosReceipt.Line(label, PosFormats.amount(l.amountMinor(), currency));
    }
}
