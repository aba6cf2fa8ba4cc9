package org.vendinghub.xmlvend;

import org.springframework.stereotype.Component;
import org.vendinghub.ledger.customer.CustomerService;
import org.vendinghub.ledger.customer.CustomerView;
import org.vendinghub.ledger.meter.KeyChangeView;
import org.vendinghub.ledger.meter.MeterService;
import org.vendinghub.ledger.meter.MeterView;
import org.vendinghub.ledger.pricing.BreakdownLine;
import org.vendinghub.ledger.pricing.LineKind;
import org.vendinghub.ledger.pricing.PriceBreakdown;
import org.vendinghub.ledger.utility.UtilityService;
import org.vendinghub.ledger.utility.UtilityView;
import org.vendinghub.ledger.vendor.VendorService;
import org.vendinghub.ledger.vendor.VendorView;
import org.vendinghub.vend.VendToken;
import org.vendinghub.xmlvend.ws.base.BaseVendResp;
import org.vendinghub.xmlvend.ws.base.ClientStatus;
import org.vendinghub.xmlvend.ws.base.CredTokenIssue;
import org.vendinghub.xmlvend.ws.base.CustVendDetail;
import org.vendinghub.xmlvend.ws.base.Electricity;
import org.vendinghub.xmlvend.ws.base.KCTData;
import org.vendinghub.xmlvend.ws.base.KCToken;
import org.vendinghub.xmlvend.ws.base.KCTokenIssue;
import org.vendinghub.xmlvend.ws.base.MeterDetail;
import org.vendinghub.xmlvend.ws.base.MeterType;
import org.vendinghub.xmlvend.ws.base.STS1Token;
import org.vendinghub.xmlvend.ws.base.UtilityDetail;
import org.vendinghub.xmlvend.ws.base.VAT;
import org.vendinghub.xmlvend.ws.base.VendorDetail;
import org.vendinghub.xmlvend.ws.revenue.CreditVendReceipt;
import org.vendinghub.xmlvend.ws.revenue.CreditVendTx;
import org.vendinghub.xmlvend.ws.revenue.DebtRecoveryTx;
import org.vendinghub.xmlvend.ws.revenue.ServiceChrgTx;
import org.vendinghub.xmlvend.ws.revenue.Transactions;

import java.math.BigDecimal;
import java.util.List;

/** Builds the parts of XMLVend vend responses from the hub's meters, vendors, prices and tokens. */
@Component
class XmlVendReceipts {

    private final MeterService meters;
    private final UtilityService utilities;
    private final CustomerService customers;
    private final VendorService vendors;

    XmlVendReceipts(MeterService meters, UtilityService utilities, CustomerService customers, VendorService vendors) {
        this.meters = meters;
        this.utilities = utilities;
        this.customers = customers;
        this.vendors = vendors;
    }

    /** What a credit token issue says about one sale: the token, its units, and how the money was split. */
    record Sale(String receiptNo, PriceBreakdown price, long unitsTenths, String creditCipher, List<VendToken> keyChange) {
    }

    /** clientStatus (the vendor's float now), utility, vendor and customer of a vend response. */
    <T extends BaseVendResp> T vendParties(T resp, XmlVendCaller caller, MeterView meter) {
        VendorView vendor = vendors.vendor(caller.vendorId());
        ClientStatus status = new ClientStatus();
        status.setAvailCredit(XmlVendWire.money(vendor.availableMinor(), vendor.currency()));
        resp.setClientStatus(status);
        UtilityView utility = utilities.utility(vendor.utilityId());
        UtilityDetail u = new UtilityDetail();
        u.setName(utility.name());
        u.setAddress(utility.address());
        u.setTaxRef(utility.taxReference());
        resp.setUtility(u);
        VendorDetail v = new VendorDetail();
        v.setName(vendor.name());
        resp.setVendor(v);
        if (meter != null) {
            resp.setCustVendDetail(customer(meter));
        }
        return resp;
    }

    CustVendDetail customer(MeterView meter) {
        CustVendDetail detail = new CustVendDetail();
        if (meter.customerId() != null) {
            CustomerView c = customers.customer(meter.customerId());
            detail.setName(c.name());
            detail.setAddress(c.address());
            detail.setAccNo(c.accountNumber());
            detail.setContactNo(c.phone());
        }
        return detail;
    }

    CreditVendReceipt receipt(Sale sale, MeterView meter, CredTokenIssue issue) {
        CreditVendReceipt receipt = new CreditVendReceipt();
        receipt.setReceiptNo(sale.receiptNo());
        Transactions txs = new Transactions();
        txs.getTx().add(creditTx(sale, meter, issue));
        PriceBreakdown price = sale.price();
        if (price != null) {
            for (BreakdownLine fee : price.lines(LineKind.FIXED_FEE)) {
                ServiceChrgTx tx = new ServiceChrgTx();
                tx.setReceiptNo(sale.receiptNo());
                tx.setAmt(XmlVendWire.money(fee.amountMinor(), price.currency()));
                tx.setAccDesc(fee.label());
                tx.setAccNo(fee.reference());
                txs.getTx().add(tx);
            }
            for (BreakdownLine debt : price.lines(LineKind.DEBT_RECOVERY)) {
                DebtRecoveryTx tx = new DebtRecoveryTx();
                tx.setReceiptNo(sale.receiptNo());
                tx.setAmt(XmlVendWire.money(debt.amountMinor(), price.currency()));
                tx.setAccDesc(debt.label());
                tx.setAccNo(debt.reference());
                txs.getTx().add(tx);
            }
            txs.setTenderAmt(XmlVendWire.money(price.tenderedMinor(), price.currency()));
        }
        receipt.setTransactions(txs);
        return receipt;
    }

    /**
     * The credit transaction: amt is the energy before tax; its VAT line carries the receipt's whole VAT (energy and
     * fixed fees), because the hub prices one tax line per sale.
     */
    private CreditVendTx creditTx(Sale sale, MeterView meter, CredTokenIssue issue) {
        CreditVendTx tx = new CreditVendTx();
        tx.setReceiptNo(sale.receiptNo());
        PriceBreakdown price = sale.price();
        String currency = price == null ? vendorCurrency(meter) : price.currency();
        tx.setAmt(XmlVendWire.money(price == null ? 0 : price.energyMinor(), currency));
        if (price != null && price.taxMinor() > 0) {
            VAT vat = new VAT();
            vat.setRate(BigDecimal.valueOf(price.taxRateBp(), 2));
            vat.setAmt(XmlVendWire.money(price.taxMinor(), currency));
            tx.setTax(vat);
        }
        issue.setDesc(issue instanceof org.vendinghub.xmlvend.ws.base.FBECredTokenIssue ? "Free Basic Electricity" : "Normal Sale");
        issue.setMeterDetail(meterDetail(meter));
        issue.setToken(sts1(sale.creditCipher()));
        issue.setUnits(XmlVendWire.kWh(sale.unitsTenths()));
        issue.setResource(new Electricity());
        tx.setCreditTokenIssue(issue);
        if (sale.keyChange().size() >= 2) {
            tx.setKcTokenIssue(keyChange(sale.keyChange(), meter));
        }
        return tx;
    }

    KCTokenIssue keyChange(List<VendToken> tokens, MeterView meter) {
        KCTokenIssue issue = new KCTokenIssue();
        issue.setDesc("Key Change");
        issue.setMeterDetail(meterDetail(meter));
        KCToken kct = new KCToken();
        kct.setSet1StMeterKey(sts1(tokens.get(0).token()));
        kct.setSet2NdMeterKey(sts1(tokens.get(1).token()));
        if (tokens.size() >= 4) { // a 128-bit decoder key
            kct.setSet3RdMeterKey(sts1(tokens.get(2).token()));
            kct.setSet4ThMeterKey(sts1(tokens.get(3).token()));
        }
        issue.setToken(kct);
        KCTData data = new KCTData();
        List<KeyChangeView> changes = meters.keyChanges(meter.id());
        if (!changes.isEmpty()) {
            KeyChangeView last = changes.get(changes.size() - 1);
            data.setFromSGC(last.from().sgc());
            data.setFromKRN(Integer.toString(last.from().krn()));
            data.setFromTI(last.from().ti());
        }
        data.setToSGC(meter.sts().sgc());
        data.setToKRN(Integer.toString(meter.sts().krn()));
        data.setToTI(meter.sts().ti());
        issue.setKctData(data);
        return issue;
    }

    MeterDetail meterDetail(MeterView meter) {
        MeterDetail detail = new MeterDetail();
        detail.setMsno(meter.meterNumber());
        detail.setSgc(meter.sts().sgc());
        detail.setKrn(Integer.toString(meter.sts().krn()));
        detail.setTi(meter.sts().ti());
        MeterType type = new MeterType();
        type.setAt(meter.sts().ea());  // algorithm: 07 (STA) or 11 (MISTY1)
        type.setTt("02");              // token carrier: numeric keypad
        detail.setMeterType(type);
        return detail;
    }

    static STS1Token sts1(String cipher) {
        STS1Token token = new STS1Token();
        token.setStsCipher(cipher);
        return token;
    }

    private String vendorCurrency(MeterView meter) {
        return utilities.utility(meter.utilityId()).currency();
    }
}
