package org.vendinghub.xmlvend;

import org.springframework.stereotype.Component;
import org.vendinghub.ledger.meter.MeterView;
import org.vendinghub.vend.VendCheck;
import org.vendinghub.vend.VendService;
import org.vendinghub.xmlvend.ws.revenue.ConfirmCustResult;
import org.vendinghub.xmlvend.ws.revenue.ConfirmCustomerReq;
import org.vendinghub.xmlvend.ws.revenue.ConfirmCustomerResp;
import org.vendinghub.xmlvend.ws.revenue.CustVendConfig;

import java.time.Clock;

/** confirmCustomerReq: whose meter it is and whether (and for how much) it can be sold to now. Moves nothing. */
@Component
class XmlVendCustomers {

    private final VendService vends;
    private final XmlVendMeters meters;
    private final XmlVendReceipts receipts;
    private final XmlVendProperties properties;
    private final Clock clock;

    XmlVendCustomers(VendService vends, XmlVendMeters meters, XmlVendReceipts receipts, XmlVendProperties properties, Clock clock) {
        this.vends = vends;
        this.meters = meters;
        this.receipts = receipts;
        this.properties = properties;
        this.clock = clock;
    }

    ConfirmCustomerResp confirm(ConfirmCustomerReq req, XmlVendCaller caller) {
        MeterView meter = meters.sellable(XmlVendSales.meterNumber(req));
        VendCheck check = vends.check(meter.meterNumber());
        ConfirmCustomerResp resp = XmlVendWire.header(new ConfirmCustomerResp(), req, properties.serverId(), clock.instant());
        receipts.vendParties(resp, caller, meter);
        ConfirmCustResult result = new ConfirmCustResult();
        result.setCustVendDetail(receipts.customer(meter));
        CustVendConfig config = new CustVendConfig();
        config.setCanVend(check.canVend());
        if (!check.canVend()) {
            config.setCanVendReason(check.reason());
        }
        config.setMinVendAmt(XmlVendWire.money(check.minAmountMinor(), check.currency()));
        config.setMaxVendAmt(XmlVendWire.money(check.maxAmountMinor(), check.currency()));
        result.setCustVendConfig(config);
        result.setMeterDetail(receipts.meterDetail(meter));
        resp.getConfirmCustResult().add(result);
        if (check.keyChangeDue()) {
            resp.setOperatorMsg("A key change is due: the next sale also issues key change tokens");
        }
        return resp;
    }
}
