package org.vendinghub.xmlvend;

import org.springframework.stereotype.Component;
import org.vendinghub.ledger.ConflictException;
import org.vendinghub.ledger.meter.MeterView;
import org.vendinghub.vend.EngineeringRequest;
import org.vendinghub.vend.EngineeringRequest.Type;
import org.vendinghub.vend.VendRejectedException;
import org.vendinghub.vend.VendService;
import org.vendinghub.vend.VendStatus;
import org.vendinghub.vend.VendToken;
import org.vendinghub.vend.VendView;
import org.vendinghub.xmlvend.ws.base.BaseResp;
import org.vendinghub.xmlvend.ws.base.BaseVendReq;
import org.vendinghub.xmlvend.ws.base.FBECredTokenIssue;
import org.vendinghub.xmlvend.ws.meter.EngTokenIssue;
import org.vendinghub.xmlvend.ws.meter.EngTokenReceipt;
import org.vendinghub.xmlvend.ws.meter.EngTokenResp;
import org.vendinghub.xmlvend.ws.revenue.FBEResp;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Tokens that move no money: free basic electricity (once per meter and calendar month) and the engineering tokens
 * (clear credit, clear tamper, power limit, key change). Idempotent on the msgID like a sale; the first response is kept.
 */
@Component
class XmlVendEngineering {

    static final String FBE = "FBERequest";

    private final VendService vends;
    private final XmlVendMeters meters;
    private final XmlVendReceipts receipts;
    private final XmlVendResponses responses;
    private final XmlVendProperties properties;
    private final Clock clock;

    XmlVendEngineering(VendService vends, XmlVendMeters meters, XmlVendReceipts receipts, XmlVendResponses responses,
                       XmlVendProperties properties, Clock clock) {
        this.vends = vends;
        this.meters = meters;
        this.receipts = receipts;
        this.responses = responses;
        this.properties = properties;
        this.clock = clock;
    }

    FBEResp fbe(BaseVendReq req, XmlVendCaller caller) {
        MeterView meter = meters.sellable(XmlVendSales.meterNumber(req));
        var stored = responses.find(caller.clientId(), req.getMsgID());
        if (stored.isPresent()) {
            return (FBEResp) replay(stored.get(), FBE, req);
        }
        ZonedDateTime monthStart = clock.instant().atZone(ZoneOffset.UTC).withDayOfMonth(1).toLocalDate().atStartOfDay(ZoneOffset.UTC);
        if (responses.fbeIssuedSince(meter.meterNumber(), monthStart.toInstant()) > 0) {
            throw new XmlVendException(XmlVendFaultType.FBE, "FBE_ALREADY_ISSUED", "meter " + meter.meterNumber()
                    + " already had its free basic electricity this month");
        }
        VendView vend = issue(req, caller, meter, Type.FREE_UNITS, properties.fbeUnitsTenths());
        FBEResp resp = XmlVendWire.header(new FBEResp(), req, properties.serverId(), clock.instant());
        receipts.vendParties(resp, caller, meter);
        resp.setDispHeader("FREE BASIC ELECTRICITY");
        resp.setCreditVendReceipt(receipts.receipt(XmlVendSales.sale(vend), meter, new FBECredTokenIssue()));
        return (FBEResp) responses.keep(caller.clientId(), req.getMsgID(), FBE, vend.payloadHash(), vend.id(), meter.meterNumber(), resp);
    }

    EngTokenResp engineering(BaseVendReq req, XmlVendCaller caller, String operation, Type type, long value) {
        MeterView meter = meters.known(XmlVendSales.meterNumber(req));
        var stored = responses.find(caller.clientId(), req.getMsgID());
        if (stored.isPresent()) {
            return (EngTokenResp) replay(stored.get(), operation, req);
        }
        VendView vend = issue(req, caller, meter, type, value);
        EngTokenResp resp = XmlVendWire.header(new EngTokenResp(), req, properties.serverId(), clock.instant());
        receipts.vendParties(resp, caller, meter);
        EngTokenReceipt receipt = new EngTokenReceipt();
        receipt.setReceiptNo(vend.receiptNo());
        List<VendToken> keyChange = vend.tokens().stream().filter(t -> "KEY_CHANGE".equals(t.kind())).toList();
        if (keyChange.size() >= 2) {
            receipt.setKcTokenIssue(receipts.keyChange(keyChange, meters.known(meter.meterNumber())));
        }
        vend.tokens().stream().filter(t -> !"KEY_CHANGE".equals(t.kind())).forEach(t -> receipt.getEngTokenIssue().add(engIssue(t, meter)));
        resp.setEngTokenReceipt(receipt);
        return (EngTokenResp) responses.keep(caller.clientId(), req.getMsgID(), operation, vend.payloadHash(), vend.id(),
                meter.meterNumber(), resp);
    }

    private VendView issue(BaseVendReq req, XmlVendCaller caller, MeterView meter, Type type, long value) {
        EngineeringRequest request = new EngineeringRequest(XmlVendSales.channelRef(caller, req), meter.meterNumber(), type, value,
                caller.operator(), "XMLVend " + type + " from client " + caller.clientId() + " terminal " + caller.terminalId());
        try {
            VendView vend = vends.engineering(request).vend();
            if (vend.status() != VendStatus.ISSUED && vend.status() != VendStatus.DELIVERED) {
                throw new XmlVendException(XmlVendFaultType.ofVendFailure(vend.failureCode()), vend.failureCode(), vend.failureMessage());
            }
            return vend;
        } catch (ConflictException e) {
            throw XmlVendSales.duplicateMsgId(req);
        } catch (VendRejectedException e) {
            XmlVendFaultType fault = "NO_KEY_CHANGE_DUE".equals(e.code()) ? XmlVendFaultType.UPDATE_METER_KEY_SAME : XmlVendFaultType.BUSINESS_RULE;
            throw new XmlVendException(fault, e.code(), e.getMessage());
        }
    }

    private static BaseResp replay(XmlVendResponses.Stored stored, String operation, BaseVendReq req) {
        if (!stored.operation().equals(operation)) {
            throw XmlVendSales.duplicateMsgId(req);
        }
        return stored.response();
    }

    private EngTokenIssue engIssue(VendToken token, MeterView meter) {
        EngTokenIssue issue = new EngTokenIssue();
        issue.setDesc(token.description());
        issue.setMeterDetail(receipts.meterDetail(meter));
        issue.setToken(XmlVendReceipts.sts1(token.token()));
        return issue;
    }
}
