package org.vendinghub.xmlvend;

import org.springframework.stereotype.Component;
import org.vendinghub.domain.ChannelRef;
import org.vendinghub.domain.Money;
import org.vendinghub.ledger.ConflictException;
import org.vendinghub.ledger.IdempotencyService;
import org.vendinghub.ledger.meter.MeterService;
import org.vendinghub.ledger.meter.MeterView;
import org.vendinghub.ledger.sale.Payer;
import org.vendinghub.ledger.vendor.VendorService;
import org.vendinghub.vend.VendRequest;
import org.vendinghub.vend.VendService;
import org.vendinghub.vend.VendStatus;
import org.vendinghub.vend.VendToken;
import org.vendinghub.vend.VendView;
import org.vendinghub.xmlvend.ws.base.BaseVendReq;
import org.vendinghub.xmlvend.ws.base.MeterNumber;
import org.vendinghub.xmlvend.ws.base.SaleCredTokenIssue;
import org.vendinghub.xmlvend.ws.base.VendIDMethod;
import org.vendinghub.xmlvend.ws.revenue.AbstractCreditVendReq;
import org.vendinghub.xmlvend.ws.revenue.CreditVendResp;
import org.vendinghub.xmlvend.ws.revenue.PurchaseValueCurrency;
import org.vendinghub.xmlvend.ws.revenue.PurchaseValueUnits;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;

/**
 * creditVendReq onto the hub's vend flow. The msgID is the idempotency key: the vend's channel reference is
 * {@code clientID:dateTime:uniqueNumber}, and the first complete response is kept and replayed for that msgID.
 */
@Component
class XmlVendSales {

    static final String CHANNEL = "XMLVEND";
    static final String CREDIT_VEND = "CreditVendRequest";

    private final VendService vends;
    private final VendorService vendors;
    private final MeterService meters;
    private final XmlVendReceipts receipts;
    private final XmlVendResponses responses;
    private final XmlVendProperties properties;
    private final Clock clock;

    XmlVendSales(VendService vends, VendorService vendors, MeterService meters, XmlVendReceipts receipts,
                 XmlVendResponses responses, XmlVendProperties properties, Clock clock) {
        this.vends = vends;
        this.vendors = vendors;
        this.meters = meters;
        this.receipts = receipts;
        this.responses = responses;
        this.properties = properties;
        this.clock = clock;
    }

    CreditVendResp creditVend(AbstractCreditVendReq req, XmlVendCaller caller) {
        String meterNumber = meterNumber(req);
        String hash = requestHash(CREDIT_VEND, meterNumber, req);
        VendView vend;
        try {
            // idempotent on (client, msgID): a repeat gets the same vend; the same msgID with other content a conflict
            vend = vends.vend(vendRequest(req, caller, meterNumber)).vend();
        } catch (ConflictException e) {
            throw duplicateMsgId(req);
        }
        var stored = responses.find(caller.clientId(), req.getMsgID());
        if (stored.isPresent()) {
            return (CreditVendResp) stored.get().response(); // replay: the original response, unchanged
        }
        CreditVendResp resp = respond(req, caller, vend);
        return (CreditVendResp) responses.keep(caller.clientId(), req.getMsgID(), CREDIT_VEND, hash, vend.id(), meterNumber, resp);
    }

    /** The response for a settled vend with tokens, or the fault that says why there is none. */
    CreditVendResp respond(BaseVendReq req, XmlVendCaller caller, VendView vend) {
        if (!vend.status().settled()) {
            throw new XmlVendException(XmlVendFaultType.SYSTEM, "IN_PROGRESS", "the vend for msgID "
                    + XmlVendWire.msgKey(req.getMsgID()) + " is still being processed: send a LastRespAdviceReq for it; "
                    + "do not vend again with a new msgID");
        }
        if (vend.status() == VendStatus.VOIDED) {
            throw new XmlVendException(XmlVendFaultType.ofVendFailure(vend.failureCode()), vend.failureCode(),
                    vend.failureMessage() + " (nothing was charged)");
        }
        MeterView meter = meters.byNumber(vend.meterNumber());
        CreditVendResp resp = XmlVendWire.header(new CreditVendResp(), req, properties.serverId(), clock.instant());
        receipts.vendParties(resp, caller, meter);
        resp.setDispHeader("CREDIT VEND - TAX INVOICE");
        resp.setCreditVendReceipt(receipts.receipt(sale(vend), meter, new SaleCredTokenIssue()));
        return resp;
    }

    static XmlVendReceipts.Sale sale(VendView vend) {
        String credit = vend.tokens().stream().filter(t -> !"KEY_CHANGE".equals(t.kind())).map(VendToken::token)
                .reduce((a, b) -> b).orElseThrow(() -> new IllegalStateException("vend " + vend.id() + " has no credit token"));
        return new XmlVendReceipts.Sale(vend.receiptNo(), vend.breakdown(), vend.unitsTenths() == null ? 0 : vend.unitsTenths(),
                credit, vend.tokens().stream().filter(t -> "KEY_CHANGE".equals(t.kind())).toList());
    }

    private VendRequest vendRequest(AbstractCreditVendReq req, XmlVendCaller caller, String meterNumber) {
        String currency = vendors.vendor(caller.vendorId()).currency();
        Money amount = null;
        Long tenths = null;
        if (req.getPurchaseValue() instanceof PurchaseValueCurrency c) {
            requireCurrency(c.getAmt().getSymbol(), currency);
            amount = Money.of(XmlVendWire.minor(c.getAmt().getValue(), currency), currency);
        } else if (req.getPurchaseValue() instanceof PurchaseValueUnits u) {
            tenths = unitsTenths(u.getUnits().getValue());
        }
        Map<String, String> attributes = Map.of("clientID", caller.clientId(), "terminalID", caller.terminalId(),
                "operator", caller.operator(), "msgID", XmlVendWire.msgKey(req.getMsgID()));
        return new VendRequest(channelRef(caller, req), meterNumber, amount, tenths, Payer.vendor(caller.vendorId()),
                caller.operator(), null, null, attributes);
    }

    static ChannelRef channelRef(XmlVendCaller caller, org.vendinghub.xmlvend.ws.base.BaseReq req) {
        return new ChannelRef(CHANNEL, caller.clientId() + ":" + XmlVendWire.msgKey(req.getMsgID()));
    }

    static ChannelRef channelRef(String clientId, org.vendinghub.xmlvend.ws.base.MsgID msgId) {
        return new ChannelRef(CHANNEL, clientId + ":" + XmlVendWire.msgKey(msgId));
    }

    private static void requireCurrency(String symbol, String currency) {
        if (!currency.equalsIgnoreCase(symbol)) {
            throw new XmlVendException(XmlVendFaultType.BUSINESS_RULE, "WRONG_CURRENCY", "the amount is in " + symbol
                    + " but this vendor sells in " + currency);
        }
    }

    private static long unitsTenths(BigDecimal kWh) {
        try {
            return kWh.movePointRight(1).longValueExact();
        } catch (ArithmeticException e) {
            throw new XmlVendException(XmlVendFaultType.BUSINESS_RULE, "UNITS_PRECISION", "units " + kWh.toPlainString()
                    + " kWh: give units in tenths of a kWh at most (e.g. 12.5)");
        }
    }

    static String meterNumber(BaseVendReq req) {
        if (req.getIdMethod() instanceof VendIDMethod id && id.getMeterIdentifier() instanceof MeterNumber msno) {
            return msno.getMsno();
        }
        throw new XmlVendException(XmlVendFaultType.USE_CASE_SUPPORT, "ID_METHOD", "this server identifies meters by "
                + "VendIDMethod/MeterNumber (msno) only");
    }

    static XmlVendException duplicateMsgId(org.vendinghub.xmlvend.ws.base.BaseReq req) {
        return new XmlVendException(XmlVendFaultType.USE_CASE_SUPPORT, "DUPLICATE_MSG_ID", "msgID "
                + XmlVendWire.msgKey(req.getMsgID()) + " was already used by this client for a different request: "
                + "every request needs a new msgID (to recover a lost answer, send a LastRespAdviceReq)");
    }

    static String requestHash(String operation, String meterNumber, AbstractCreditVendReq req) {
        String value = "-";
        if (req.getPurchaseValue() instanceof PurchaseValueCurrency c) {
            value = "amt " + c.getAmt().getValue().stripTrailingZeros().toPlainString() + " " + c.getAmt().getSymbol();
        } else if (req.getPurchaseValue() instanceof PurchaseValueUnits u) {
            value = "units " + u.getUnits().getValue().stripTrailingZeros().toPlainString();
        }
        return IdempotencyService.sha256Hex(operation + "|" + meterNumber + "|" + value);
    }
}
