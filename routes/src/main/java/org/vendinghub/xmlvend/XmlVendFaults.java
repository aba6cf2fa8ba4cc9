package org.vendinghub.xmlvend;

import org.springframework.stereotype.Component;
import org.vendinghub.xmlvend.ws.XMLVendFault;
import org.vendinghub.xmlvend.ws.base.BaseReq;
import org.vendinghub.xmlvend.ws.base.XMLVendFaultResp;

import java.time.Clock;

/** Builds {@code xmlvendFaultResp}: the request's header echoed (when there is one), ours, and the typed fault. */
@Component
class XmlVendFaults {

    private final XmlVendProperties properties;
    private final Clock clock;

    XmlVendFaults(XmlVendProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    XMLVendFault fault(BaseReq req, XmlVendFaultType type, String faultCode, String desc) {
        return new XMLVendFault(desc, detail(req, type, faultCode, desc));
    }

    XMLVendFaultResp detail(BaseReq req, XmlVendFaultType type, String faultCode, String desc) {
        XMLVendFaultResp resp = new XMLVendFaultResp();
        if (req != null) {
            resp.setClientID(req.getClientID());
            resp.setTerminalID(req.getTerminalID());
            resp.setReqMsgID(req.getMsgID() == null ? null : XmlVendWire.copy(req.getMsgID()));
        }
        resp.setServerID(XmlVendWire.ean(properties.serverId()));
        resp.setRespDateTime(XmlVendWire.dateTime(clock.instant()));
        resp.setDispHeader(type == XmlVendFaultType.SYSTEM ? "SYSTEM ERROR" : "ONLINE ERROR");
        resp.setOperatorMsg(desc);
        resp.setFault(type.newFault(desc, faultCode));
        return resp;
    }
}
