package org.vendinghub.xmlvend;

import org.apache.cxf.interceptor.StaxInInterceptor;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import java.util.Map;

/**
 * Clients differ in the namespace of two wrappers (PROTOCOLS.md §1.3): idMethod comes in base or revenue,
 * purchaseValue in revenue or base. This reader reports them in the schema's namespace before validation. It renames
 * only the element names and leaves the namespace context alone, so that xsi:type prefixes still resolve (CXF's own
 * transform feature loses them).
 */
class XmlVendNamespaceTolerance extends AbstractPhaseInterceptor<Message> {

    private static final String BASE = "http://www.nrs.eskom.co.za/xmlvend/base/2.1/schema";
    private static final String REVENUE = "http://www.nrs.eskom.co.za/xmlvend/revenue/2.1/schema";
    /** element local name -> the namespace the schema puts it in */
    private static final Map<String, String> CANONICAL = Map.of("idMethod", BASE, "purchaseValue", REVENUE);

    XmlVendNamespaceTolerance() {
        super(Phase.POST_STREAM);
        addAfter(StaxInInterceptor.class.getName());
    }

    @Override
    public void handleMessage(Message message) {
        XMLStreamReader reader = message.getContent(XMLStreamReader.class);
        if (reader != null) {
            message.setContent(XMLStreamReader.class, new Canonical(reader));
        }
    }

    /**
     * The SOAPAction header is not reliable (one client sends "#POST"): it is dropped before CXF looks at it, so that
     * the operation is chosen by the body's root element only.
     */
    static final class IgnoreSoapAction extends AbstractPhaseInterceptor<Message> {

        IgnoreSoapAction() {
            super(Phase.READ);
            addBefore(org.apache.cxf.binding.soap.interceptor.SoapActionInInterceptor.class.getName());
        }

        @Override
        public void handleMessage(Message message) {
            Object headers = message.get(Message.PROTOCOL_HEADERS);
            if (headers instanceof Map<?, ?> map) {
                map.keySet().removeIf(k -> "SOAPAction".equalsIgnoreCase(String.valueOf(k)));
            }
        }
    }

    private static final class Canonical extends StreamReaderDelegate {

        Canonical(XMLStreamReader reader) {
            super(reader);
        }

        @Override
        public String getNamespaceURI() {
            String ns = super.getNamespaceURI();
            if (!isStartElement() && !isEndElement()) {
                return ns;
            }
            String canonical = CANONICAL.get(getLocalName());
            return canonical != null && (BASE.equals(ns) || REVENUE.equals(ns)) ? canonical : ns;
        }

        @Override
        public QName getName() {
            QName name = super.getName();
            String ns = getNamespaceURI();
            return ns.equals(name.getNamespaceURI()) ? name : new QName(ns, name.getLocalPart(), name.getPrefix());
        }
    }
}
