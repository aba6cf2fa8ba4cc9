package org.vendinghub.xmlvend;

import org.vendinghub.xmlvend.ws.base.BlockedMeterEx;
import org.vendinghub.xmlvend.ws.base.BusinessRuleEx;
import org.vendinghub.xmlvend.ws.base.ClientIDAuthorisationEx;
import org.vendinghub.xmlvend.ws.base.ConfirmationEx;
import org.vendinghub.xmlvend.ws.base.FBEEx;
import org.vendinghub.xmlvend.ws.base.Fault;
import org.vendinghub.xmlvend.ws.base.LastResponseEx;
import org.vendinghub.xmlvend.ws.base.MSNOCheckDigitEx;
import org.vendinghub.xmlvend.ws.base.ReprintEx;
import org.vendinghub.xmlvend.ws.base.RequestAuthorisationEx;
import org.vendinghub.xmlvend.ws.base.ReversalEx;
import org.vendinghub.xmlvend.ws.base.SystemEx;
import org.vendinghub.xmlvend.ws.base.UnknownMeterEx;
import org.vendinghub.xmlvend.ws.base.UpdateMtrKeySameEx;
import org.vendinghub.xmlvend.ws.base.UseCaseSupportEx;
import org.vendinghub.xmlvend.ws.base.VendorCreditEx;
import org.vendinghub.xmlvend.ws.base.XMLVendSchemaEx;

import java.util.function.Supplier;

/** The XMLVend fault types this server sends, each as the xsi:type of {@code xmlvendFaultResp/fault}. */
enum XmlVendFaultType {
    XMLVEND_SCHEMA(XMLVendSchemaEx::new),
    USE_CASE_SUPPORT(UseCaseSupportEx::new),
    LAST_RESPONSE(LastResponseEx::new),
    REVERSAL(ReversalEx::new),
    CONFIRMATION(ConfirmationEx::new),
    UNKNOWN_METER(UnknownMeterEx::new),
    BLOCKED_METER(BlockedMeterEx::new),
    MSNO_CHECK_DIGIT(MSNOCheckDigitEx::new),
    VENDOR_CREDIT(VendorCreditEx::new),
    REQUEST_AUTHORISATION(RequestAuthorisationEx::new),
    CLIENT_ID_AUTHORISATION(ClientIDAuthorisationEx::new),
    REPRINT(ReprintEx::new),
    FBE(FBEEx::new),
    UPDATE_METER_KEY_SAME(UpdateMtrKeySameEx::new),
    /** Any other business refusal (no tariff, amount too small or too large, wrong currency): faultCode says which. */
    BUSINESS_RULE(BusinessRuleEx::new),
    SYSTEM(SystemEx::new);

    private final Supplier<Fault> factory;

    XmlVendFaultType(Supplier<Fault> factory) {
        this.factory = factory;
    }

    Fault newFault(String desc, String faultCode) {
        Fault fault = factory.get();
        fault.setDesc(desc);
        fault.setFaultCode(faultCode);
        return fault;
    }

    /** The hub's vend failure codes as XMLVend faults. */
    static XmlVendFaultType ofVendFailure(String failureCode) {
        return switch (failureCode == null ? "" : failureCode) {
            case "UNKNOWN_METER" -> UNKNOWN_METER;
            case "BLOCKED_METER" -> BLOCKED_METER;
            case "INSUFFICIENT_FUNDS" -> VENDOR_CREDIT;
            case "NOT_COMPLETED", "" -> SYSTEM;
            default -> BUSINESS_RULE;
        };
    }
}
