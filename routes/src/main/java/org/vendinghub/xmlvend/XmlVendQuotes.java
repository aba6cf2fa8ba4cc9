package org.vendinghub.xmlvend;

import org.springframework.stereotype.Component;
import org.vendinghub.ledger.LedgerRejection;
import org.vendinghub.ledger.meter.MeterView;
import org.vendinghub.ledger.pricing.PriceBreakdown;
import org.vendinghub.ledger.pricing.PricingService;
import org.vendinghub.ledger.utility.UtilityService;
import org.vendinghub.xmlvend.ws.base.SaleCredTokenIssue;
import org.vendinghub.xmlvend.ws.revenue.PurchaseValueCurrency;
import org.vendinghub.xmlvend.ws.revenue.PurchaseValueUnits;
import org.vendinghub.xmlvend.ws.revenue.TrialCreditVendReq;
import org.vendinghub.xmlvend.ws.revenue.TrialCreditVendResp;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** trialCreditVendReq: the price of a sale now (units, tax, fees, debt) with an all-zero token; nothing is posted. */
@Component
class XmlVendQuotes {

    static final String NO_TOKEN = "00000000000000000000";

    private final PricingService pricing;
    private final UtilityService utilities;
    private final XmlVendMeters meters;
    private final XmlVendReceipts receipts;
    private final XmlVendProperties properties;
    private final Clock clock;

    XmlVendQuotes(PricingService pricing, UtilityService utilities, XmlVendMeters meters, XmlVendReceipts receipts,
                  XmlVendProperties properties, Clock clock) {
        this.pricing = pricing;
        this.utilities = utilities;
        this.meters = meters;
        this.receipts = receipts;
        this.properties = properties;
        this.clock = clock;
    }

    TrialCreditVendResp quote(TrialCreditVendReq req, XmlVendCaller caller) {
        MeterView meter = meters.sellable(XmlVendSales.meterNumber(req));
        PriceBreakdown price = price(req, meter, clock.instant());
        TrialCreditVendResp resp = XmlVendWire.header(new TrialCreditVendResp(), req, properties.serverId(), clock.instant());
        receipts.vendParties(resp, caller, meter);
        resp.setDispHeader("TRIAL - NOT A TOKEN");
        resp.setCreditVendReceipt(receipts.receipt(new XmlVendReceipts.Sale("TRIAL", price, price.unitsTenths(), NO_TOKEN, List.of()),
                meter, new SaleCredTokenIssue()));
        return resp;
    }

    private PriceBreakdown price(TrialCreditVendReq req, MeterView meter, Instant now) {
        String currency = utilities.utility(meter.utilityId()).currency();
        try {
            if (req.getPurchaseValue() instanceof PurchaseValueCurrency c) {
                if (!currency.equalsIgnoreCase(c.getAmt().getSymbol())) {
                    throw new XmlVendException(XmlVendFaultType.BUSINESS_RULE, "WRONG_CURRENCY", "the amount is in "
                            + c.getAmt().getSymbol() + " but this meter's utility sells in " + currency);
                }
                return pricing.quoteAmount(meter.id(), XmlVendWire.minor(c.getAmt().getValue(), currency), now);
            }
            PurchaseValueUnits u = (PurchaseValueUnits) req.getPurchaseValue();
            return pricing.quoteUnits(meter.id(), u.getUnits().getValue().movePointRight(1).longValue(), now);
        } catch (LedgerRejection e) {
            throw new XmlVendException(XmlVendFaultType.BUSINESS_RULE, e.code().name(), e.getMessage());
        }
    }
}
