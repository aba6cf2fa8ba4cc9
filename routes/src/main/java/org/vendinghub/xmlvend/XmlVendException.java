package org.vendinghub.xmlvend;

/**
 * A request this server answers with an XMLVend fault. Thrown by the handlers; the endpoint adds the response header
 * (the handlers do not know it) and turns it into the WSDL's fault.
 */
class XmlVendException extends RuntimeException {

    private final XmlVendFaultType type;
    private final String faultCode;

    XmlVendException(XmlVendFaultType type, String faultCode, String desc) {
        super(desc);
        this.type = type;
        this.faultCode = faultCode;
    }

    XmlVendFaultType type() {
        return type;
    }

    String faultCode() {
        return faultCode;
    }
}
