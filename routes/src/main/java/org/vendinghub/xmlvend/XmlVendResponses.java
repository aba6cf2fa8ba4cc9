package org.vendinghub.xmlvend;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.vendinghub.xmlvend.ws.base.BaseResp;
import org.vendinghub.xmlvend.ws.base.MsgID;

import javax.xml.namespace.QName;
import javax.xml.transform.stream.StreamSource;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The responses this server sent for value-moving requests, kept as XML by (client, msgID): a repeated msgID and a
 * LastRespAdviceReq get exactly the original response back (token, receipt numbers, availCredit, respDateTime).
 */
@Component
class XmlVendResponses {

    static final String BASE_NS = "http://www.nrs.eskom.co.za/xmlvend/base/2.1/schema";
    private static final QName STORED = new QName(BASE_NS, "storedResp");

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final JAXBContext jaxb;

    XmlVendResponses(JdbcTemplate jdbc, Clock clock) throws JAXBException {
        this.jdbc = jdbc;
        this.clock = clock;
        this.jaxb = JAXBContext.newInstance(org.vendinghub.xmlvend.ws.base.ObjectFactory.class,
                org.vendinghub.xmlvend.ws.revenue.ObjectFactory.class, org.vendinghub.xmlvend.ws.meter.ObjectFactory.class);
    }

    /** A stored response and what it answered. */
    record Stored(String operation, String requestHash, String vendId, String meterNumber, BaseResp response) {
    }

    Optional<Stored> find(String clientId, MsgID msgId) {
        List<Stored> rows = jdbc.query("SELECT operation, request_hash, vend_id, meter_number, response_xml FROM xmlvend_response "
                        + "WHERE client_id = ? AND msg_date_time = ? AND msg_unique = ?",
                (rs, i) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), fromXml(rs.getString(5))),
                clientId, msgId.getDateTime(), msgId.getUniqueNumber());
        return rows.stream().findFirst();
    }

    /**
     * Keeps {@code response} unless a twin request stored its own first; returns the one that is kept, so that two
     * racing copies of one msgID still answer identically.
     */
    BaseResp keep(String clientId, MsgID msgId, String operation, String requestHash, String vendId, String meterNumber,
                  BaseResp response) {
        jdbc.update("INSERT IGNORE INTO xmlvend_response (client_id, msg_date_time, msg_unique, operation, request_hash, vend_id, "
                        + "meter_number, response_xml, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", clientId, msgId.getDateTime(),
                msgId.getUniqueNumber(), operation, requestHash, vendId, meterNumber, toXml(response), Instant.now(clock));
        return find(clientId, msgId).orElseThrow().response();
    }

    /** The client's latest stored responses of one operation for a meter, newest first. */
    List<Stored> latestForMeter(String clientId, String meterNumber, String operation, int limit) {
        return jdbc.query("SELECT operation, request_hash, vend_id, meter_number, response_xml FROM xmlvend_response "
                        + "WHERE client_id = ? AND meter_number = ? AND operation = ? ORDER BY created_at DESC LIMIT ?",
                (rs, i) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), fromXml(rs.getString(5))),
                clientId, meterNumber, operation, limit);
    }

    /** How many free-basic-electricity tokens the meter got since {@code since}, through any client. */
    int fbeIssuedSince(String meterNumber, Instant since) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM xmlvend_response WHERE meter_number = ? AND operation = 'FBERequest' "
                + "AND created_at >= ?", Integer.class, meterNumber, since);
        return n == null ? 0 : n;
    }

    String toXml(BaseResp response) {
        try {
            StringWriter out = new StringWriter();
            jaxb.createMarshaller().marshal(new JAXBElement<>(STORED, BaseResp.class, response), out);
            return out.toString();
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot write an XMLVend response", e);
        }
    }

    BaseResp fromXml(String xml) {
        try {
            return jaxb.createUnmarshaller().unmarshal(new StreamSource(new StringReader(xml)), BaseResp.class).getValue();
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot read a stored XMLVend response", e);
        }
    }

    JAXBContext context() {
        return jaxb;
    }
}
