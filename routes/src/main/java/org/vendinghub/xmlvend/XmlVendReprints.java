package org.vendinghub.xmlvend;

import org.springframework.stereotype.Component;
import org.vendinghub.domain.VendId;
import org.vendinghub.vend.VendService;
import org.vendinghub.vend.VendStatus;
import org.vendinghub.xmlvend.ws.revenue.ReprintReq;
import org.vendinghub.xmlvend.ws.revenue.ReprintResp;

import java.time.Clock;
import java.util.List;

/**
 * reprintReq: the client's own latest sales to the meter, each as the complete response it was sent (a copy), newest
 * first; reversed sales are left out. Nothing to reprint is ReprintEx.
 */
@Component
class XmlVendReprints {

    private final VendService vends;
    private final XmlVendMeters meters;
    private final XmlVendResponses responses;
    private final XmlVendProperties properties;
    private final Clock clock;

    XmlVendReprints(VendService vends, XmlVendMeters meters, XmlVendResponses responses, XmlVendProperties properties, Clock clock) {
        this.vends = vends;
        this.meters = meters;
        this.responses = responses;
        this.properties = properties;
        this.clock = clock;
    }

    ReprintResp reprint(ReprintReq req, XmlVendCaller caller) {
        String meterNumber = meters.known(XmlVendSales.meterNumber(req)).meterNumber();
        List<XmlVendResponses.Stored> sales = responses.latestForMeter(caller.clientId(), meterNumber, XmlVendSales.CREDIT_VEND,
                properties.reprintMax() * 2).stream().filter(this::notReversed).limit(properties.reprintMax()).toList();
        if (sales.isEmpty()) {
            throw new XmlVendException(XmlVendFaultType.REPRINT, "NOTHING_TO_REPRINT", "client " + caller.clientId()
                    + " sold nothing to meter " + meterNumber + " that can be reprinted");
        }
        ReprintResp resp = XmlVendWire.header(new ReprintResp(), req, properties.serverId(), clock.instant());
        resp.setDispHeader("REPRINT - COPY");
        sales.forEach(s -> resp.getReprint().add(s.response()));
        return resp;
    }

    private boolean notReversed(XmlVendResponses.Stored stored) {
        return vends.find(VendId.parse(stored.vendId())).map(v -> v.status() != VendStatus.REVERSED).orElse(false);
    }
}
