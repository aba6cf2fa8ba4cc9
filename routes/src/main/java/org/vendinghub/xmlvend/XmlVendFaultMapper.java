package org.vendinghub.xmlvend;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.Soap11;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.jaxws.interceptors.WebFaultOutInterceptor;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.vendinghub.xmlvend.ws.base.XMLVendFaultResp;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.namespace.QName;
import java.util.Locale;

/**
 * Every fault leaves this server as {@code xmlvendFaultResp}. The service's own faults already are; the ones CXF raises
 * before the service runs (not XML, not SOAP, schema-invalid, an unknown root element) become XMLVendSchemaEx or
 * UseCaseSupportEx here, and anything else SystemEx, with a message instead of a stack trace.
 */
class XmlVendFaultMapper extends AbstractPhaseInterceptor<Message> {

    private static final int DESC_LENGTH_MAX = 400;

    private final XmlVendFaults faults;
    private final JAXBContext jaxb;

    XmlVendFaultMapper(XmlVendFaults faults, JAXBContext jaxb) {
        super(Phase.PRE_PROTOCOL);
        addAfter(WebFaultOutInterceptor.class.getName());
        this.faults = faults;
        this.jaxb = jaxb;
    }

    @Override
    public void handleMessage(Message message) {
        if (!(message.getContent(Exception.class) instanceof Fault fault) || hasXmlVendDetail(fault)) {
            return;
        }
        XmlVendFaultType type = classify(fault);
        String desc = describe(type, fault);
        Element detail = fault.getOrCreateDetail();
        while (detail.getFirstChild() != null) {
            detail.removeChild(detail.getFirstChild());
        }
        marshal(faults.detail(null, type, type == XmlVendFaultType.SYSTEM ? "SYSTEM_ERROR" : "INVALID_REQUEST", desc), detail);
        fault.setMessage(desc);
        if (type != XmlVendFaultType.SYSTEM) {
            // the client's request is at fault: SOAP 1.1 "Client"
            fault.setFaultCode(fault instanceof SoapFault ? Soap11.getInstance().getSender() : Fault.FAULT_CODE_CLIENT);
        }
    }

    private static boolean hasXmlVendDetail(Fault fault) {
        Element detail = fault.getDetail();
        for (Node n = detail == null ? null : detail.getFirstChild(); n != null; n = n.getNextSibling()) {
            if ("xmlvendFaultResp".equals(n.getLocalName())) {
                return true;
            }
        }
        return false;
    }

    private static XmlVendFaultType classify(Fault fault) {
        String message = String.valueOf(fault.getMessage());
        if (message.contains("was not recognized") || message.contains("Unexpected wrapper element")
                || message.contains("No such operation")) {
            return XmlVendFaultType.USE_CASE_SUPPORT;
        }
        boolean clientFault = Fault.FAULT_CODE_CLIENT.equals(fault.getFaultCode())
                || (fault.getFaultCode() != null && "VersionMismatch".equals(fault.getFaultCode().getLocalPart())) // not a SOAP 1.1/1.2 envelope
                || (fault instanceof SoapFault && Soap11.getInstance().getSender().equals(fault.getFaultCode()));
        if (clientFault || readingFailed(fault)) {
            return XmlVendFaultType.XMLVEND_SCHEMA;
        }
        return XmlVendFaultType.SYSTEM;
    }

    /** The request could not be read as XML, as SOAP, or against the schema. */
    private static boolean readingFailed(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String name = c.getClass().getName();
            String msg = String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT);
            if (name.contains("Unmarshal") || name.contains("XMLStream") || name.contains("SAX") || msg.contains("unmarshalling")
                    || msg.contains("xmlstreamreader") || msg.contains("cvc-") || msg.contains("unexpected element")) {
                return true;
            }
        }
        return false;
    }

    private static String describe(XmlVendFaultType type, Fault fault) {
        String cause = String.valueOf(fault.getMessage()).replaceAll("\\s+", " ");
        String desc = switch (type) {
            case USE_CASE_SUPPORT -> "The request's root element is not an XMLVend 2.1 request this server supports: " + cause;
            case XMLVEND_SCHEMA -> "The request is not a valid XMLVend 2.1 message (SOAP 1.1, namespaces "
                    + ".../xmlvend/{base,revenue,meter}/2.1/schema): " + cause;
            default -> "The server could not process the request. If it was a sale, send a LastRespAdviceReq for its msgID.";
        };
        return desc.length() > DESC_LENGTH_MAX ? desc.substring(0, DESC_LENGTH_MAX) : desc;
    }

    private void marshal(XMLVendFaultResp resp, Element detail) {
        try {
            QName name = new QName(XmlVendResponses.BASE_NS, "xmlvendFaultResp");
            jaxb.createMarshaller().marshal(new JAXBElement<>(name, XMLVendFaultResp.class, resp), detail);
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot write the XMLVend fault detail", e);
        }
    }
}
