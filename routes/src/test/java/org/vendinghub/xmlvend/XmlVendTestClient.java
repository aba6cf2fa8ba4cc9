package org.vendinghub.xmlvend;

import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.springframework.stereotype.Component;
import org.vendinghub.ledger.testsupport.Fixtures;
import org.vendinghub.ledger.vendor.NewVendor;
import org.vendinghub.ledger.vendor.VendorDeposit;
import org.vendinghub.ledger.vendor.VendorFloatService;
import org.vendinghub.ledger.vendor.VendorService;
import org.vendinghub.ledger.vendor.VendorTerms;
import org.vendinghub.support.VendFixture;
import org.vendinghub.xmlvend.ws.XMLVendServiceSoap;
import org.vendinghub.xmlvend.ws.base.AuthCred;
import org.vendinghub.xmlvend.ws.base.BaseReq;
import org.vendinghub.xmlvend.ws.base.BaseVendReq;
import org.vendinghub.xmlvend.ws.base.EANDeviceID;
import org.vendinghub.xmlvend.ws.base.Electricity;
import org.vendinghub.xmlvend.ws.base.GenericDeviceID;
import org.vendinghub.xmlvend.ws.base.MeterNumber;
import org.vendinghub.xmlvend.ws.base.MsgID;
import org.vendinghub.xmlvend.ws.base.VendIDMethod;
import org.vendinghub.xmlvend.ws.revenue.AbstractCreditVendReq;
import org.vendinghub.xmlvend.ws.revenue.PurchaseValueCurrency;

import java.math.BigDecimal;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** A registered XMLVend client for tests: a vendor with float, its client EAN, terminal and operator, and requests. */
@Component
public class XmlVendTestClient {

    public static final String TERMINAL = "POS-0042";
    public static final String OPERATOR = "HUBOP01";
    public static final String PASSWORD = "op-password-1";
    private static final AtomicLong MSG = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L);

    private final VendFixture fixture;
    private final VendorService vendors;
    private final VendorFloatService floats;
    private final XmlVendClients clients;

    XmlVendTestClient(VendFixture fixture, VendorService vendors, VendorFloatService floats, XmlVendClients clients) {
        this.fixture = fixture;
        this.vendors = vendors;
        this.floats = floats;
        this.clients = clients;
    }

    /** A client of a fresh vendor with {@code floatMinor} of float; restricted to {@code operations} if any are given. */
    record Registered(String ean, long vendorId) {
    }

    Registered register(long floatMinor, String... operations) {
        long utilityId = fixture.setup().utility().id();
        long vendorId = vendors.create(new NewVendor(utilityId, "XMLVend vendor " + Fixtures.next(), null, null,
                VendorTerms.COMMISSION, 0, 0, 0)).id();
        if (floatMinor > 0) {
            floats.deposit(new VendorDeposit("xv-" + Fixtures.next(), vendorId, floatMinor, "BANK", "test float"));
        }
        String ean = String.format("60%011d", Fixtures.next() * 1000 + MSG.incrementAndGet() % 1000);
        clients.register(ean, vendorId, "Test gateway " + ean, Set.of(operations), null);
        clients.addTerminal(ean, TERMINAL);
        clients.setOperator(ean, OPERATOR, PASSWORD);
        return new Registered(ean, vendorId);
    }

    public static XMLVendServiceSoap port(String address) {
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(XMLVendServiceSoap.class);
        factory.setAddress(address);
        return (XMLVendServiceSoap) factory.create();
    }

    public static MsgID newMsgId() {
        MsgID id = new MsgID();
        id.setDateTime("20250314101502");
        id.setUniqueNumber(Long.toString(MSG.incrementAndGet()));
        return id;
    }

    public static <T extends BaseReq> T header(T req, String ean, MsgID msgId) {
        EANDeviceID client = new EANDeviceID();
        client.setEan(ean);
        req.setClientID(client);
        GenericDeviceID terminal = new GenericDeviceID();
        terminal.setId(TERMINAL);
        req.setTerminalID(terminal);
        req.setMsgID(msgId);
        AuthCred cred = new AuthCred();
        cred.setOpName(OPERATOR);
        cred.setPassword(PASSWORD);
        req.setAuthCred(cred);
        return req;
    }

    public static <T extends BaseVendReq> T vendHeader(T req, String ean, MsgID msgId, String meterNumber) {
        header(req, ean, msgId);
        req.setResource(new Electricity());
        MeterNumber msno = new MeterNumber();
        msno.setMsno(meterNumber);
        VendIDMethod id = new VendIDMethod();
        id.setMeterIdentifier(msno);
        req.setIdMethod(id);
        return req;
    }

    static <T extends AbstractCreditVendReq> T amount(T req, String value, String currency) {
        PurchaseValueCurrency pv = new PurchaseValueCurrency();
        org.vendinghub.xmlvend.ws.base.Currency amt = new org.vendinghub.xmlvend.ws.base.Currency();
        amt.setValue(new BigDecimal(value));
        amt.setSymbol(currency);
        pv.setAmt(amt);
        req.setPurchaseValue(pv);
        return req;
    }
}
