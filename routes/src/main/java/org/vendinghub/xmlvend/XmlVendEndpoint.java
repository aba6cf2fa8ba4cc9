package org.vendinghub.xmlvend;

import jakarta.annotation.Resource;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.xml.ws.WebServiceContext;
import jakarta.xml.ws.handler.MessageContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vendinghub.domain.ValidationException;
import org.vendinghub.vend.EngineeringRequest.Type;
import org.vendinghub.xmlvend.ws.XMLVendFault;
import org.vendinghub.xmlvend.ws.XMLVendServiceSoap;
import org.vendinghub.xmlvend.ws.base.AdviceReq;
import org.vendinghub.xmlvend.ws.base.AdviceResp;
import org.vendinghub.xmlvend.ws.base.BaseReq;
import org.vendinghub.xmlvend.ws.meter.ClearCreditReq;
import org.vendinghub.xmlvend.ws.meter.ClearTamperReq;
import org.vendinghub.xmlvend.ws.meter.EngTokenResp;
import org.vendinghub.xmlvend.ws.meter.PwrLmtReq;
import org.vendinghub.xmlvend.ws.meter.UpdateMeterKeyReq;
import org.vendinghub.xmlvend.ws.revenue.ConfirmCustomerReq;
import org.vendinghub.xmlvend.ws.revenue.ConfirmCustomerResp;
import org.vendinghub.xmlvend.ws.revenue.CreditVendReq;
import org.vendinghub.xmlvend.ws.revenue.CreditVendResp;
import org.vendinghub.xmlvend.ws.revenue.FBEReq;
import org.vendinghub.xmlvend.ws.revenue.FBEResp;
import org.vendinghub.xmlvend.ws.revenue.ReprintReq;
import org.vendinghub.xmlvend.ws.revenue.ReprintResp;
import org.vendinghub.xmlvend.ws.revenue.TrialCreditVendReq;
import org.vendinghub.xmlvend.ws.revenue.TrialCreditVendResp;

import java.security.cert.X509Certificate;
import java.util.function.Function;

/**
 * The XMLVend 2.1 service (the generated port type): authenticates each request, hands it to its handler, and turns
 * every refusal into the WSDL fault {@code xmlvendFaultResp} with the request's header echoed.
 */
@jakarta.jws.WebService(serviceName = "XMLVendService2.1", portName = "XMLVendServiceSoap",
        targetNamespace = "http://www.nrs.eskom.co.za/xmlvend/service/2.1",
        endpointInterface = "org.vendinghub.xmlvend.ws.XMLVendServiceSoap",
        wsdlLocation = "classpath:wsdl/xmlvend21/XMLVendService21.wsdl")
class XmlVendEndpoint implements XMLVendServiceSoap {

    private static final Logger log = LoggerFactory.getLogger(XmlVendEndpoint.class);

    private final XmlVendClients clients;
    private final XmlVendSales sales;
    private final XmlVendAdvice advice;
    private final XmlVendCustomers customers;
    private final XmlVendQuotes quotes;
    private final XmlVendReprints reprints;
    private final XmlVendEngineering engineering;
    private final XmlVendFaults faults;

    @Resource
    private WebServiceContext context;

    XmlVendEndpoint(XmlVendClients clients, XmlVendSales sales, XmlVendAdvice advice, XmlVendCustomers customers,
                    XmlVendQuotes quotes, XmlVendReprints reprints, XmlVendEngineering engineering, XmlVendFaults faults) {
        this.clients = clients;
        this.sales = sales;
        this.advice = advice;
        this.customers = customers;
        this.quotes = quotes;
        this.reprints = reprints;
        this.engineering = engineering;
        this.faults = faults;
    }

    @Override
    public ConfirmCustomerResp confirmCustomerRequest(ConfirmCustomerReq req) throws XMLVendFault {
        return call(req, "ConfirmCustomerRequest", caller -> customers.confirm(req, caller));
    }

    @Override
    public CreditVendResp creditVendRequest(CreditVendReq req) throws XMLVendFault {
        return call(req, "CreditVendRequest", caller -> sales.creditVend(req, caller));
    }

    @Override
    public TrialCreditVendResp trialCreditVendRequest(TrialCreditVendReq req) throws XMLVendFault {
        return call(req, "TrialCreditVendRequest", caller -> quotes.quote(req, caller));
    }

    @Override
    public AdviceResp adviceRequest(AdviceReq req) throws XMLVendFault {
        return call(req, "AdviceRequest", caller -> advice.advise(req, caller));
    }

    @Override
    public ReprintResp reprintRequest(ReprintReq req) throws XMLVendFault {
        return call(req, "ReprintRequest", caller -> reprints.reprint(req, caller));
    }

    @Override
    public FBEResp fbeRequest(FBEReq req) throws XMLVendFault {
        return call(req, "FBERequest", caller -> engineering.fbe(req, caller));
    }

    @Override
    public EngTokenResp clearCreditRequest(ClearCreditReq req) throws XMLVendFault {
        return call(req, "ClearCreditRequest", c -> engineering.engineering(req, c, "ClearCreditRequest", Type.CLEAR_CREDIT, 0xFFFF));
    }

    @Override
    public EngTokenResp clearTamperRequest(ClearTamperReq req) throws XMLVendFault {
        return call(req, "ClearTamperRequest", c -> engineering.engineering(req, c, "ClearTamperRequest", Type.CLEAR_TAMPER, 0));
    }

    @Override
    public EngTokenResp powerLimitRequest(PwrLmtReq req) throws XMLVendFault {
        return call(req, "PowerLimitRequest", c -> engineering.engineering(req, c, "PowerLimitRequest", Type.MAX_POWER_LIMIT,
                watts(req)));
    }

    @Override
    public EngTokenResp updateMeterKeyRequest(UpdateMeterKeyReq req) throws XMLVendFault {
        return call(req, "UpdateMeterKeyRequest", c -> engineering.engineering(req, c, "UpdateMeterKeyRequest", Type.KEY_CHANGE, 0));
    }

    private <T> T call(BaseReq req, String operation, Function<XmlVendCaller, T> handler) throws XMLVendFault {
        try {
            return handler.apply(clients.authenticate(req, operation, tlsSubject()));
        } catch (XmlVendException e) {
            throw faults.fault(req, e.type(), e.faultCode(), e.getMessage());
        } catch (ValidationException e) {
            // the domain checks what the schema cannot: the meter number's Luhn digit, amounts, references
            XmlVendFaultType type = "meterNumber".equals(e.field()) ? XmlVendFaultType.MSNO_CHECK_DIGIT : XmlVendFaultType.BUSINESS_RULE;
            throw faults.fault(req, type, "INVALID_" + e.field(), e.getMessage());
        } catch (RuntimeException e) {
            log.error("XMLVend {} from client {} failed", operation, XmlVendWire.deviceId(req.getClientID()), e);
            throw faults.fault(req, XmlVendFaultType.SYSTEM, "SYSTEM_ERROR", "the server could not complete " + operation
                    + "; if it was a sale, send a LastRespAdviceReq for msgID " + XmlVendWire.msgKey(req.getMsgID()));
        }
    }

    private static long watts(PwrLmtReq req) {
        try {
            return req.getPwrLmt().getValue().longValueExact();
        } catch (ArithmeticException e) {
            throw new XmlVendException(XmlVendFaultType.BUSINESS_RULE, "POWER_LIMIT", "the power limit must be whole watts");
        }
    }

    /** The subject of the TLS client certificate, when the connection has one (mutual TLS). */
    private String tlsSubject() {
        if (context == null || !(context.getMessageContext().get(MessageContext.SERVLET_REQUEST) instanceof HttpServletRequest http)) {
            return null;
        }
        Object certs = http.getAttribute("jakarta.servlet.request.X509Certificate");
        return certs instanceof X509Certificate[] chain && chain.length > 0 ? chain[0].getSubjectX500Principal().getName() : null;
    }
}
