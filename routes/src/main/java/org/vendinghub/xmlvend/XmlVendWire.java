package org.vendinghub.xmlvend;

import org.vendinghub.domain.Money;
import org.vendinghub.xmlvend.ws.base.BaseReq;
import org.vendinghub.xmlvend.ws.base.BaseResp;
import org.vendinghub.xmlvend.ws.base.Currency;
import org.vendinghub.xmlvend.ws.base.DeviceID;
import org.vendinghub.xmlvend.ws.base.EANDeviceID;
import org.vendinghub.xmlvend.ws.base.GenericDeviceID;
import org.vendinghub.xmlvend.ws.base.MsgID;
import org.vendinghub.xmlvend.ws.base.Units;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.GregorianCalendar;

/** Small conversions between the XMLVend wire types and the hub's values (minor units, tenths, instants). */
final class XmlVendWire {

    private static final DatatypeFactory DATATYPES = datatypes();

    private XmlVendWire() {
    }

    /** The id a device sends: the EAN of an EANDeviceID, the id of a GenericDeviceID. */
    static String deviceId(DeviceID device) {
        if (device instanceof EANDeviceID ean) {
            return ean.getEan();
        }
        if (device instanceof GenericDeviceID generic) {
            return generic.getId();
        }
        return null;
    }

    static EANDeviceID ean(String ean) {
        EANDeviceID device = new EANDeviceID();
        device.setEan(ean);
        return device;
    }

    static MsgID copy(MsgID id) {
        MsgID copy = new MsgID();
        copy.setDateTime(id.getDateTime());
        copy.setUniqueNumber(id.getUniqueNumber());
        return copy;
    }

    static String msgKey(MsgID id) {
        return id.getDateTime() + ":" + id.getUniqueNumber();
    }

    /** Fills the standard response header from the request: the client's ids echoed, ours, the time. */
    static <T extends BaseResp> T header(T resp, BaseReq req, String serverId, Instant now) {
        resp.setClientID(req.getClientID());
        resp.setTerminalID(req.getTerminalID());
        resp.setServerID(ean(serverId));
        resp.setReqMsgID(copy(req.getMsgID()));
        resp.setRespDateTime(dateTime(now));
        return resp;
    }

    static XMLGregorianCalendar dateTime(Instant instant) {
        return DATATYPES.newXMLGregorianCalendar(GregorianCalendar.from(instant.atZone(ZoneOffset.UTC)));
    }

    static Currency money(long minor, String currency) {
        Currency c = new Currency();
        c.setValue(BigDecimal.valueOf(minor, Money.fractionDigits(currency)));
        c.setSymbol(currency);
        return c;
    }

    /** An amount as minor units of {@code currency}; more decimals than the currency has is a refusal, not a rounding. */
    static long minor(BigDecimal value, String currency) {
        try {
            return value.movePointRight(Money.fractionDigits(currency)).longValueExact();
        } catch (ArithmeticException e) {
            throw new XmlVendException(XmlVendFaultType.BUSINESS_RULE, "AMOUNT_PRECISION", "amount " + value.toPlainString()
                    + " has more decimals than " + currency + " allows (" + Money.fractionDigits(currency) + ")");
        }
    }

    static Units kWh(long tenths) {
        Units units = new Units();
        units.setValue(BigDecimal.valueOf(tenths, 1));
        units.setSiUnit("kWh");
        return units;
    }


    private static DatatypeFactory datatypes() {
        try {
            return DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException("no XML datatype factory", e);
        }
    }
}
