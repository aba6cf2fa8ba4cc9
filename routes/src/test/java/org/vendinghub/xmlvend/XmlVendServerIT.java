package org.vendinghub.xmlvend;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vendinghub.ledger.meter.MeterService;
import org.vendinghub.ledger.meter.MeterView;
import org.vendinghub.ledger.testsupport.LedgerInvariants;
import org.vendinghub.ledger.vendor.VendorService;
import org.vendinghub.sts.meter.MeterResult;
import org.vendinghub.sts.meter.MeterSimulator;
import org.vendinghub.support.HubIntegrationTest;
import org.vendinghub.support.VendFixture;
import org.vendinghub.xmlvend.ws.XMLVendFault;
import org.vendinghub.xmlvend.ws.XMLVendServiceSoap;
import org.vendinghub.xmlvend.ws.base.LastRespAdviceReq;
import org.vendinghub.xmlvend.ws.base.LastRespAdviceResp;
import org.vendinghub.xmlvend.ws.base.MsgID;
import org.vendinghub.xmlvend.ws.base.ReversalAdviceReq;
import org.vendinghub.xmlvend.ws.base.ReversalAdviceResp;
import org.vendinghub.xmlvend.ws.base.STS1Token;
import org.vendinghub.xmlvend.ws.revenue.ConfirmCustomerReq;
import org.vendinghub.xmlvend.ws.revenue.ConfirmCustomerResp;
import org.vendinghub.xmlvend.ws.revenue.CreditVendReq;
import org.vendinghub.xmlvend.ws.revenue.CreditVendResp;
import org.vendinghub.xmlvend.ws.revenue.CreditVendTx;
import org.vendinghub.xmlvend.ws.revenue.ReprintReq;
import org.vendinghub.xmlvend.ws.revenue.ReprintResp;
import org.vendinghub.xmlvend.ws.revenue.TrialCreditVendReq;
import org.vendinghub.xmlvend.ws.revenue.TrialCreditVendResp;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class XmlVendServerIT extends HubIntegrationTest {

    private static final String BASE_NS = "http://www.nrs.eskom.co.za/xmlvend/base/2.1/schema";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    @Autowired
    VendFixture fixture;
    @Autowired
    XmlVendTestClient clients;
    @Autowired
    VendorService vendors;
    @Autowired
    MeterService meters;
    @Autowired
    JdbcTemplate jdbc;

    private XMLVendServiceSoap port() {
        return XmlVendTestClient.port(url("/services/xmlvend"));
    }

    private CreditVendReq vendRequest(String ean, MsgID msgId, String meterNumber, String amount) {
        return XmlVendTestClient.amount(XmlVendTestClient.vendHeader(new CreditVendReq(), ean, msgId, meterNumber), amount, "KES");
    }

    private static String cipher(CreditVendResp resp) {
        CreditVendTx tx = (CreditVendTx) resp.getCreditVendReceipt().getTransactions().getTx().get(0);
        return ((STS1Token) tx.getCreditTokenIssue().getToken()).getStsCipher();
    }

    @Test
    void a_credit_vend_returns_a_token_the_meter_accepts_with_the_priced_units_and_the_float_after_the_sale() throws Exception {
        XmlVendTestClient.Registered client = clients.register(1_000_00);
        MeterView meter = fixture.meter();
        MeterSimulator simulator = fixture.simulator(meter);

        CreditVendResp resp = port().creditVendRequest(vendRequest(client.ean(), XmlVendTestClient.newMsgId(), meter.meterNumber(), "116.00"));

        CreditVendTx tx = (CreditVendTx) resp.getCreditVendReceipt().getTransactions().getTx().get(0);
        // 116.00 KES with 16 % VAT: 100.00 of energy at 25.00/kWh = 4.0 kWh
        assertThat(tx.getCreditTokenIssue().getUnits().getValue()).isEqualByComparingTo("4.0");
        assertThat(tx.getAmt().getValue()).isEqualByComparingTo("100.00");
        assertThat(tx.getTax().getAmt().getValue()).isEqualByComparingTo("16.00");
        assertThat(resp.getClientStatus().getAvailCredit().getValue()).isEqualByComparingTo(new BigDecimal("884.00"));
        assertThat(resp.getCustVendDetail().getAccNo()).startsWith("ACC-");
        assertThat(resp.getUtility().getName()).isEqualTo(fixture.setup().utility().name());
        assertThat(resp.getCreditVendReceipt().getReceiptNo()).isEqualTo(tx.getReceiptNo()).startsWith("R");
        assertThat(simulator.enter(cipher(resp))).isEqualTo(MeterResult.ACCEPT);
        assertThat(simulator.credit(0)).isEqualTo(40);
        LedgerInvariants.assertHold(jdbc);
    }

    @Test
    void a_repeated_msg_id_replays_the_original_response_and_charges_once() throws Exception {
        XmlVendTestClient.Registered client = clients.register(1_000_00);
        MeterView meter = fixture.meter();
        MsgID msgId = XmlVendTestClient.newMsgId();

        CreditVendResp first = port().creditVendRequest(vendRequest(client.ean(), msgId, meter.meterNumber(), "50.00"));
        CreditVendResp again = port().creditVendRequest(vendRequest(client.ean(), msgId, meter.meterNumber(), "50.00"));

        assertThat(cipher(again)).isEqualTo(cipher(first));
        assertThat(again.getRespDateTime()).isEqualTo(first.getRespDateTime());
        assertThat(again.getClientStatus().getAvailCredit().getValue()).isEqualByComparingTo("950.00");
        assertThat(vendors.vendor(client.vendorId()).availableMinor()).isEqualTo(950_00);
    }

    @Test
    void the_same_msg_id_for_another_amount_is_refused_and_names_the_reused_msg_id() {
        XmlVendTestClient.Registered client = clients.register(1_000_00);
        MeterView meter = fixture.meter();
        MsgID msgId = XmlVendTestClient.newMsgId();
        try {
            port().creditVendRequest(vendRequest(client.ean(), msgId, meter.meterNumber(), "50.00"));
        } catch (XMLVendFault e) {
            throw new AssertionError(e);
        }
        XMLVendFault fault = catchThrowableOfType(XMLVendFault.class,
                () -> port().creditVendRequest(vendRequest(client.ean(), msgId, meter.meterNumber(), "60.00")));
        assertThat(fault.getFaultInfo().getFault().getClass().getSimpleName()).isEqualTo("UseCaseSupportEx");
        assertThat(fault.getFaultInfo().getFault().getDesc()).contains(msgId.getUniqueNumber()).contains("different request");
    }

    @Test
    void after_a_lost_answer_last_response_advice_returns_the_complete_original_response_with_its_token() throws Exception {
        XmlVendTestClient.Registered client = clients.register(1_000_00);
        MeterView meter = fixture.meter();
        MeterSimulator simulator = fixture.simulator(meter);
        MsgID vendMsg = XmlVendTestClient.newMsgId();
        CreditVendResp lost = port().creditVendRequest(vendRequest(client.ean(), vendMsg, meter.meterNumber(), "58.00"));

        LastRespAdviceReq advice = XmlVendTestClient.header(new LastRespAdviceReq(), client.ean(), XmlVendTestClient.newMsgId());
        advice.setAdviceReqMsgID(vendMsg);
        LastRespAdviceResp recovered = (LastRespAdviceResp) port().adviceRequest(advice);

        CreditVendResp original = (CreditVendResp) recovered.getLastResponse();
        assertThat(cipher(original)).isEqualTo(cipher(lost));
        assertThat(original.getReqMsgID().getUniqueNumber()).isEqualTo(vendMsg.getUniqueNumber());
        assertThat(original.getRespDateTime()).isEqualTo(lost.getRespDateTime());
        assertThat(recovered.getAdviceReqMsgID().getUniqueNumber()).isEqualTo(vendMsg.getUniqueNumber());
        assertThat(simulator.enter(cipher(original))).isEqualTo(MeterResult.ACCEPT);
        assertThat(simulator.credit(0)).isEqualTo(20);
    }

    @Test
    void last_response_advice_for_a_msg_id_that_never_vended_is_last_response_ex() {
        XmlVendTestClient.Registered client = clients.register(1_000_00);
        LastRespAdviceReq advice = XmlVendTestClient.header(new LastRespAdviceReq(), client.ean(), XmlVendTestClient.newMsgId());
        advice.setAdviceReqMsgID(XmlVendTestClient.newMsgId());

        XMLVendFault fault = catchThrowableOfType(XMLVendFault.class, () -> port().adviceRequest(advice));

        assertThat(fault.getFaultInfo().getFault().getClass().getSimpleName()).isEqualTo("LastResponseEx");
        assertThat(fault.getFaultInfo().getFault().getDesc()).contains("no transaction exists").contains("nothing was charged");
        assertThat(fault.getFaultInfo().getReqMsgID().getUniqueNumber()).isEqualTo(advice.getMsgID().getUniqueNumber());
    }

    @Test
    void a_vendor_without_float_gets_vendor_credit_ex_and_nothing_is_posted() throws Exception {
        XmlVendTestClient.Registered client = clients.register(0);
        MeterView meter = fixture.meter();

        XMLVendFault fault = catchThrowableOfType(XMLVendFault.class, () -> port().creditVendRequest(
                vendRequest(client.ean(), XmlVendTestClient.newMsgId(), meter.meterNumber(), "50.00")));

        assertThat(fault.getFaultInfo().getFault().getClass().getSimpleName()).isEqualTo("VendorCreditEx");
        assertThat(fault.getFaultInfo().getFault().getFaultCode()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(vendors.vendor(client.vendorId()).balanceMinor()).isZero();
        assertThat(vendors.vendor(client.vendorId()).reservedMinor()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vend_token t JOIN vend v ON v.id = t.vend_id WHERE v.meter_number = ?",
                Integer.class, meter.meterNumber())).isZero();
        LedgerInvariants.assertHold(jdbc);
    }

    @Test
    void a_meter_of_another_utility_is_refused_and_the_vendors_float_is_untouched() throws Exception {
        XmlVendTestClient.Registered client = clients.register(1_000_00);
        MeterView foreign = fixture.meterOfAnotherUtility();

        XMLVendFault fault = catchThrowableOfType(XMLVendFault.class, () -> port().creditVendRequest(
                vendRequest(client.ean(), XmlVendTestClient.newMsgId(), foreign.meterNumber(), "50.00")));

        assertThat(fault.getFaultInfo().getFault().getClass().getSimpleName()).isEqualTo("BusinessRuleEx");
        assertThat(fault.getFaultInfo().getFault().getFaultCode()).isEqualTo("OTHER_UTILITY");
        assertThat(fault.getFaultInfo().getFault().getDesc()).contains(foreign.meterNumber()).contains("another utility");
        assertThat(vendors.vendor(client.vendorId()).availableMinor()).isEqualTo(1_000_00);
        assertThat(vendors.vendor(client.vendorId()).reservedMinor()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vend_token t JOIN vend v ON v.id = t.vend_id WHERE v.meter_number = ?",
                Integer.class, foreign.meterNumber())).isZero();
        LedgerInvariants.assertHold(jdbc);
    }

    @Test
    void an_unknown_meter_is_unknown_meter_ex_and_a_wrong_check_digit_is_msno_check_digit_ex() {
        XmlVendTestClient.Registered client = clients.register(1_000_00);
        XMLVendFault unknown = catchThrowableOfType(XMLVendFault.class, () -> port().creditVendRequest(
                vendRequest(client.ean(), XmlVendTestClient.newMsgId(), "01234567897", "50.00")));
        XMLVendFault checkDigit = catchThrowableOfType(XMLVendFault.class, () -> port().creditVendRequest(
                vendRequest(client.ean(), XmlVendTestClient.newMsgId(), "01234567890", "50.00")));

        assertThat(unknown.getFaultInfo().getFault().getClass().getSimpleName()).isEqualTo("UnknownMeterEx");
        assertThat(unknown.getFaultInfo().getFault().getDesc()).contains("01234567897").contains("not registered");
        assertThat(checkDigit.getFaultInfo().getFault().getClass().getSimpleName()).isEqualTo("MSNOCheckDigitEx");
    }

    @Test
    void a_blocked_meter_is_blocked_meter_ex_with_the_reason() {
        XmlVendTestClient.Registered client = clients.register(1_000_00);
        MeterView meter = fixture.meter();
        meters.block(meter.id(), "tampered seal");
        ConfirmCustomerReq req = XmlVendTestClient.vendHeader(new ConfirmCustomerReq(), client.ean(), XmlVendTestClient.newMsgId(),
                meter.meterNumber());
        XMLVendFault fault = catchThrowableOfType(XMLVendFault.class, () -> port().confirmCustomerRequest(req));
        assertThat(fault.getFaultInfo().getFault().getClass().getSimpleName()).isEqualTo("BlockedMeterEx");
        assertThat(fault.getFaultInfo().getFault().getDesc()).contains("tampered seal");
    }

    @Test
    void confirm_customer_names_the_customer_and_the_limits_without_moving_money() throws Exception {
        XmlVendTestClient.Registered client = clients.register(1_000_00);
        MeterView meter = fixture.meter();
        ConfirmCustomerResp resp = port().confirmCustomerRequest(XmlVendTestClient.vendHeader(new ConfirmCustomerReq(), client.ean(),
                XmlVendTestClient.newMsgId(), meter.meterNumber()));
        assertThat(resp.getConfirmCustResult().get(0).getCustVendDetail().getName()).startsWith("Customer ");
        assertThat(resp.getConfirmCustResult().get(0).getCustVendConfig().isCanVend()).isTrue();
        assertThat(resp.getConfirmCustResult().get(0).getMeterDetail().getMsno()).isEqualTo(meter.meterNumber());
        assertThat(resp.getClientStatus().getAvailCredit().getValue()).isEqualByComparingTo("1000.00");
    }

    @Test
    void a_trial_vend_quotes_units_and_tax_with_an_all_zero_token_and_posts_nothing() throws Exception {
        XmlVendTestClient.Registered client = clients.register(1_000_00);
        MeterView meter = fixture.meter();
        TrialCreditVendResp resp = port().trialCreditVendRequest(XmlVendTestClient.amount(XmlVendTestClient.vendHeader(
                new TrialCreditVendReq(), client.ean(), XmlVendTestClient.newMsgId(), meter.meterNumber()), "116.00", "KES"));
        CreditVendTx tx = (CreditVendTx) resp.getCreditVendReceipt().getTransactions().getTx().get(0);
        assertThat(tx.getCreditTokenIssue().getUnits().getValue()).isEqualByComparingTo("4.0");
        assertThat(((STS1Token) tx.getCreditTokenIssue().getToken()).getStsCipher()).isEqualTo("00000000000000000000");
        assertThat(vendors.vendor(client.vendorId()).availableMinor()).isEqualTo(1_000_00);
    }

    @Test
    void a_reversal_advice_within_the_window_reverses_the_sale_and_returns_the_float() throws Exception {
        XmlVendTestClient.Registered client = clients.register(1_000_00);
        MeterView meter = fixture.meter();
        MsgID vendMsg = XmlVendTestClient.newMsgId();
        port().creditVendRequest(vendRequest(client.ean(), vendMsg, meter.meterNumber(), "50.00"));
        ReversalAdviceReq reversal = XmlVendTestClient.header(new ReversalAdviceReq(), client.ean(), XmlVendTestClient.newMsgId());
        reversal.setAdviceReqMsgID(vendMsg);

        ReversalAdviceResp resp = (ReversalAdviceResp) port().adviceRequest(reversal);

        assertThat(resp.isTxReversed()).isTrue();
        assertThat(vendors.vendor(client.vendorId()).availableMinor()).isEqualTo(1_000_00);
        ReversalAdviceReq unknown = XmlVendTestClient.header(new ReversalAdviceReq(), client.ean(), XmlVendTestClient.newMsgId());
        unknown.setAdviceReqMsgID(XmlVendTestClient.newMsgId());
        XMLVendFault fault = catchThrowableOfType(XMLVendFault.class, () -> port().adviceRequest(unknown));
        assertThat(fault.getFaultInfo().getFault().getClass().getSimpleName()).isEqualTo("ReversalEx");
        LedgerInvariants.assertHold(jdbc);
    }

    @Test
    void a_reprint_returns_the_original_sale_as_a_copy_and_a_meter_without_sales_is_reprint_ex() throws Exception {
        XmlVendTestClient.Registered client = clients.register(1_000_00);
        MeterView meter = fixture.meter();
        CreditVendResp sale = port().creditVendRequest(vendRequest(client.ean(), XmlVendTestClient.newMsgId(), meter.meterNumber(), "50.00"));

        ReprintResp reprint = port().reprintRequest(XmlVendTestClient.vendHeader(new ReprintReq(), client.ean(),
                XmlVendTestClient.newMsgId(), meter.meterNumber()));

        assertThat(reprint.getDispHeader()).contains("COPY");
        assertThat(cipher((CreditVendResp) reprint.getReprint().get(0))).isEqualTo(cipher(sale));
        MeterView other = fixture.meter();
        XMLVendFault fault = catchThrowableOfType(XMLVendFault.class, () -> port().reprintRequest(XmlVendTestClient.vendHeader(
                new ReprintReq(), client.ean(), XmlVendTestClient.newMsgId(), other.meterNumber())));
        assertThat(fault.getFaultInfo().getFault().getClass().getSimpleName()).isEqualTo("ReprintEx");
    }

    @Test
    void an_unregistered_client_a_wrong_password_and_a_forbidden_operation_are_refused() {
        XmlVendTestClient.Registered client = clients.register(1_000_00, "ConfirmCustomerRequest");
        MeterView meter = fixture.meter();
        XMLVendFault stranger = catchThrowableOfType(XMLVendFault.class, () -> port().creditVendRequest(
                vendRequest("6999999999999", XmlVendTestClient.newMsgId(), meter.meterNumber(), "50.00")));
        CreditVendReq badPassword = vendRequest(client.ean(), XmlVendTestClient.newMsgId(), meter.meterNumber(), "50.00");
        badPassword.getAuthCred().setPassword("wrong-password");
        XMLVendFault wrongPassword = catchThrowableOfType(XMLVendFault.class, () -> port().creditVendRequest(badPassword));
        XMLVendFault forbidden = catchThrowableOfType(XMLVendFault.class, () -> port().creditVendRequest(
                vendRequest(client.ean(), XmlVendTestClient.newMsgId(), meter.meterNumber(), "50.00")));

        assertThat(stranger.getFaultInfo().getFault().getClass().getSimpleName()).isEqualTo("ClientIDAuthorisationEx");
        assertThat(wrongPassword.getFaultInfo().getFault().getClass().getSimpleName()).isEqualTo("RequestAuthorisationEx");
        assertThat(forbidden.getFaultInfo().getFault().getClass().getSimpleName()).isEqualTo("RequestAuthorisationEx");
        assertThat(forbidden.getFaultInfo().getFault().getDesc()).contains("may not use CreditVendRequest");
        assertThat(vendors.vendor(client.vendorId()).availableMinor()).isEqualTo(1_000_00);
    }

    // ---- raw XML, as other vendors' clients send it

    @Test
    void a_raw_credit_vend_in_the_brief_s_shape_with_a_revenue_namespace_id_method_vends() throws Exception {
        XmlVendTestClient.Registered client = clients.register(1_000_00);
        MeterView meter = fixture.meter();
        String xml = sample("creditVendReq.xml", client.ean(), meter.meterNumber(), XmlVendTestClient.newMsgId().getUniqueNumber())
                .replace("<b:idMethod", "<r:idMethod").replace("</b:idMethod>", "</r:idMethod>");

        ResponseEntity<String> response = post(xml, "#POST");

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        Document doc = parse(response.getBody());
        String token = doc.getElementsByTagNameNS(BASE_NS, "stsCipher").item(0).getTextContent();
        assertThat(fixture.simulator(meter).enter(token)).isEqualTo(MeterResult.ACCEPT);
    }

    @Test
    void garbage_and_schema_invalid_requests_get_xmlvend_schema_ex_and_never_a_stack_trace() throws Exception {
        XmlVendTestClient.Registered client = clients.register(1_000_00);
        String invalid = sample("creditVendReq.xml", client.ean(), "0123", "77");   // msno must be 11 or 13 digits

        for (String body : new String[]{"this is not XML at all", "<soapenv:Envelope xmlns:soapenv=\"x\">", invalid}) {
            ResponseEntity<String> response = post(body, null);
            assertThat(response.getStatusCode().value()).as(body).isEqualTo(500);
            assertThat(faultType(response.getBody())).as(response.getBody()).isEqualTo("XMLVendSchemaEx");
            assertThat(response.getBody()).doesNotContain("at org.").doesNotContain("Exception:");
        }
    }

    @Test
    void an_unknown_root_element_is_use_case_support_ex() throws Exception {
        String body = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>"
                + "<r:payAccReq xmlns:r=\"http://www.nrs.eskom.co.za/xmlvend/revenue/2.1/schema\"/></soapenv:Body></soapenv:Envelope>";
        ResponseEntity<String> response = post(body, null);
        assertThat(faultType(response.getBody())).as(response.getBody()).isEqualTo("UseCaseSupportEx");
    }

    @Test
    void the_wsdl_is_published_without_a_login() {
        ResponseEntity<String> wsdl = http.getForEntity(url("/services/xmlvend?wsdl"), String.class);
        assertThat(wsdl.getStatusCode().value()).isEqualTo(200);
        assertThat(wsdl.getBody()).contains("XMLVendService2.1").contains("CreditVendRequest");
    }

    private String sample(String name, String ean, String meterNumber, String unique) throws Exception {
        String xml = new String(new ClassPathResource("xmlvend21/" + name).getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return xml.replace("6001234500017", ean).replace("01234567897", meterNumber).replace("730015", unique)
                .replace("HUBOP01", XmlVendTestClient.OPERATOR).replace("not-a-real-pw", XmlVendTestClient.PASSWORD)
                .replace("ZAR", "KES");
    }

    private ResponseEntity<String> post(String body, String soapAction) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.TEXT_XML);
        if (soapAction != null) {
            headers.set("SOAPAction", soapAction);
        }
        return http.postForEntity(url("/services/xmlvend"), new HttpEntity<>(body, headers), String.class);
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String faultType(String xml) throws Exception {
        Element fault = (Element) parse(xml).getElementsByTagNameNS(BASE_NS, "fault").item(0);
        String type = fault.getAttributeNS(XSI, "type");
        return type.substring(type.indexOf(':') + 1);
    }
}
