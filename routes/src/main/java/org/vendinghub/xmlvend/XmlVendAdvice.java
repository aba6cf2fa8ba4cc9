package org.vendinghub.xmlvend;

import org.springframework.stereotype.Component;
import org.vendinghub.domain.VendId;
import org.vendinghub.vend.VendRejectedException;
import org.vendinghub.vend.VendService;
import org.vendinghub.vend.VendStatus;
import org.vendinghub.vend.VendView;
import org.vendinghub.xmlvend.ws.base.AdviceReq;
import org.vendinghub.xmlvend.ws.base.AdviceResp;
import org.vendinghub.xmlvend.ws.base.BaseResp;
import org.vendinghub.xmlvend.ws.base.ConfirmationAdviceReq;
import org.vendinghub.xmlvend.ws.base.ConfirmationAdviceResp;
import org.vendinghub.xmlvend.ws.base.LastRespAdviceReq;
import org.vendinghub.xmlvend.ws.base.LastRespAdviceResp;
import org.vendinghub.xmlvend.ws.base.ReversalAdviceReq;
import org.vendinghub.xmlvend.ws.base.ReversalAdviceResp;

import java.time.Clock;
import java.util.Optional;

/**
 * Advice requests about an earlier msgID of the same client: LastRespAdviceReq (timeout recovery: the complete
 * original response, or LastResponseEx when that vend never happened), ReversalAdviceReq and ConfirmationAdviceReq.
 */
@Component
class XmlVendAdvice {

    private final VendService vends;
    private final XmlVendSales sales;
    private final XmlVendResponses responses;
    private final XmlVendProperties properties;
    private final Clock clock;

    XmlVendAdvice(VendService vends, XmlVendSales sales, XmlVendResponses responses, XmlVendProperties properties, Clock clock) {
        this.vends = vends;
        this.sales = sales;
        this.responses = responses;
        this.properties = properties;
        this.clock = clock;
    }

    AdviceResp advise(AdviceReq req, XmlVendCaller caller) {
        if (req instanceof LastRespAdviceReq last) {
            return lastResponse(last, caller);
        }
        if (req instanceof ReversalAdviceReq reversal) {
            return reversal(reversal, caller);
        }
        if (req instanceof ConfirmationAdviceReq confirmation) {
            return confirmation(confirmation, caller);
        }
        throw new XmlVendException(XmlVendFaultType.USE_CASE_SUPPORT, "ADVICE_TYPE", "advice type "
                + req.getClass().getSimpleName() + " is not supported");
    }

    private LastRespAdviceResp lastResponse(LastRespAdviceReq req, XmlVendCaller caller) {
        LastRespAdviceResp resp = header(new LastRespAdviceResp(), req);
        resp.setLastResponse(original(req, caller));
        return resp;
    }

    /** The stored response; or, for a vend that finished after its caller gave up, the response built now and kept. */
    private BaseResp original(LastRespAdviceReq req, XmlVendCaller caller) {
        var stored = responses.find(caller.clientId(), req.getAdviceReqMsgID());
        if (stored.isPresent()) {
            return stored.get().response();
        }
        Optional<VendView> vend = vends.findByChannelRef(XmlVendSales.CHANNEL,
                XmlVendSales.channelRef(caller.clientId(), req.getAdviceReqMsgID()).reference());
        if (vend.isEmpty() || vend.get().status() == VendStatus.VOIDED) {
            throw new XmlVendException(XmlVendFaultType.LAST_RESPONSE, "NO_TRANSACTION", "no transaction exists for msgID "
                    + XmlVendWire.msgKey(req.getAdviceReqMsgID()) + vend.map(v -> " (it was refused: " + v.failureMessage() + ")").orElse("")
                    + ": nothing was charged; the customer may buy again with a new msgID");
        }
        org.vendinghub.xmlvend.ws.revenue.CreditVendReq original = new org.vendinghub.xmlvend.ws.revenue.CreditVendReq();
        original.setClientID(req.getClientID());
        original.setTerminalID(req.getTerminalID());
        original.setMsgID(req.getAdviceReqMsgID());
        BaseResp built = sales.respond(original, caller, vend.get());
        return responses.keep(caller.clientId(), req.getAdviceReqMsgID(), XmlVendSales.CREDIT_VEND, vend.get().payloadHash(),
                vend.get().id(), vend.get().meterNumber(), built);
    }

    private ReversalAdviceResp reversal(ReversalAdviceReq req, XmlVendCaller caller) {
        VendView vend = vendOf(req, caller).orElseThrow(() -> new XmlVendException(XmlVendFaultType.REVERSAL, "NO_TRANSACTION",
                "cannot reverse: no transaction exists for msgID " + XmlVendWire.msgKey(req.getAdviceReqMsgID())));
        ReversalAdviceResp resp = header(new ReversalAdviceResp(), req);
        if (vend.status() == VendStatus.VOIDED || vend.status() == VendStatus.REVERSED) {
            resp.setTxReversed(true); // nothing is (any longer) charged for it
            return resp;
        }
        try {
            vends.reverse(VendId.parse(vend.id()), "XMLVend reversal advice from client " + caller.clientId(),
                    "xmlvend:" + caller.operator());
            resp.setTxReversed(true);
        } catch (VendRejectedException e) {
            resp.setTxReversed(false);
            resp.setOperatorMsg("Not reversed: " + e.getMessage());
        }
        return resp;
    }

    private ConfirmationAdviceResp confirmation(ConfirmationAdviceReq req, XmlVendCaller caller) {
        VendView vend = vendOf(req, caller).orElseThrow(() -> new XmlVendException(XmlVendFaultType.CONFIRMATION, "NO_TRANSACTION",
                "cannot confirm: no transaction exists for msgID " + XmlVendWire.msgKey(req.getAdviceReqMsgID())));
        ConfirmationAdviceResp resp = header(new ConfirmationAdviceResp(), req);
        resp.setTxConfirmed(vend.status() == VendStatus.ISSUED || vend.status() == VendStatus.DELIVERED);
        return resp;
    }

    private Optional<VendView> vendOf(AdviceReq req, XmlVendCaller caller) {
        return vends.findByChannelRef(XmlVendSales.CHANNEL, XmlVendSales.channelRef(caller.clientId(), req.getAdviceReqMsgID()).reference());
    }

    private <T extends AdviceResp> T header(T resp, AdviceReq req) {
        XmlVendWire.header(resp, req, properties.serverId(), clock.instant());
        resp.setAdviceReqMsgID(XmlVendWire.copy(req.getAdviceReqMsgID()));
        return resp;
    }
}
