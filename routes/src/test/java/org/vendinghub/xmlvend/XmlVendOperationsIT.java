package org.vendinghub.xmlvend;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.vendinghub.ledger.meter.MeterService;
import org.vendinghub.ledger.meter.MeterView;
import org.vendinghub.ledger.utility.SupplyGroupView;
import org.vendinghub.ledger.vendor.VendorService;
import org.vendinghub.sts.meter.MeterResult;
import org.vendinghub.sts.meter.MeterSimulator;
import org.vendinghub.support.HubIntegrationTest;
import org.vendinghub.support.VendFixture;
import org.vendinghub.xmlvend.ws.XMLVendFault;
import org.vendinghub.xmlvend.ws.XMLVendServiceSoap;
import org.vendinghub.xmlvend.ws.base.ConfirmationAdviceReq;
import org.vendinghub.xmlvend.ws.base.ConfirmationAdviceResp;
import org.vendinghub.xmlvend.ws.base.MsgID;
import org.vendinghub.xmlvend.ws.base.ReversalAdviceReq;
import org.vendinghub.xmlvend.ws.base.STS1Token;
import org.vendinghub.xmlvend.ws.base.Units;
import org.vendinghub.xmlvend.ws.meter.ClearCreditReq;
import org.vendinghub.xmlvend.ws.meter.ClearTamperReq;
import org.vendinghub.xmlvend.ws.meter.EngTokenResp;
import org.vendinghub.xmlvend.ws.meter.PwrLmtReq;
import org.vendinghub.xmlvend.ws.meter.UpdateMeterKeyReq;
import org.vendinghub.xmlvend.ws.revenue.CreditVendReq;
import org.vendinghub.xmlvend.ws.revenue.CreditVendTx;
import org.vendinghub.xmlvend.ws.revenue.FBEReq;
import org.vendinghub.xmlvend.ws.revenue.FBEResp;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** XMLVend requests that move no money (FBE, engineering tokens), confirmation advice, and the admin API for clients. */
class XmlVendOperationsIT extends HubIntegrationTest {

    @Autowired
    VendFixture fixture;
    @Autowired
    XmlVendTestClient clients;
    @Autowired
    VendorService vendors;
    @Autowired
    MeterService meters;

    private XMLVendServiceSoap port() {
        return XmlVendTestClient.port(url("/services/xmlvend"));
    }

    @Test
    void free_basic_electricity_is_given_once_a_month_the_meter_accepts_it_and_nothing_is_charged() throws Exception {
        XmlVendTestClient.Registered client = clients.register(100_00);
        MeterView meter = fixture.meter();
        MeterSimulator simulator = fixture.simulator(meter);
        MsgID msgId = XmlVendTestClient.newMsgId();

        FBEResp first = port().fbeRequest(XmlVendTestClient.vendHeader(new FBEReq(), client.ean(), msgId, meter.meterNumber()));
        FBEResp replay = port().fbeRequest(XmlVendTestClient.vendHeader(new FBEReq(), client.ean(), msgId, meter.meterNumber()));
        XMLVendFault again = catchThrowableOfType(XMLVendFault.class, () -> port().fbeRequest(XmlVendTestClient.vendHeader(new FBEReq(),
                client.ean(), XmlVendTestClient.newMsgId(), meter.meterNumber())));

        String token = fbeToken(first);
        assertThat(fbeToken(replay)).isEqualTo(token);
        assertThat(simulator.enter(token)).isEqualTo(MeterResult.ACCEPT);
        assertThat(simulator.credit(0)).isEqualTo(500); // hub.xmlvend.fbe-units-tenths: 50.0 kWh
        assertThat(again.getFaultInfo().getFault().getClass().getSimpleName()).isEqualTo("FBEEx");
        assertThat(again.getFaultInfo().getFault().getDesc()).contains("already had its free basic electricity this month");
        assertThat(vendors.vendor(client.vendorId()).availableMinor()).isEqualTo(100_00);
    }

    @Test
    void clear_credit_clear_tamper_and_power_limit_tokens_are_accepted_by_the_meter() throws Exception {
        XmlVendTestClient.Registered client = clients.register(100_00);
        MeterView meter = fixture.meter();
        MeterSimulator simulator = fixture.simulator(meter);
        simulator.enter(fbeToken(port().fbeRequest(XmlVendTestClient.vendHeader(new FBEReq(), client.ean(), XmlVendTestClient.newMsgId(),
                meter.meterNumber()))));
        simulator.tamper();
        PwrLmtReq limit = XmlVendTestClient.vendHeader(new PwrLmtReq(), client.ean(), XmlVendTestClient.newMsgId(), meter.meterNumber());
        Units watts = new Units();
        watts.setValue(new BigDecimal("5000"));
        watts.setSiUnit("W");
        limit.setPwrLmt(watts);

        String clearCredit = engToken(port().clearCreditRequest(XmlVendTestClient.vendHeader(new ClearCreditReq(), client.ean(),
                XmlVendTestClient.newMsgId(), meter.meterNumber())), 0);
        String clearTamper = engToken(port().clearTamperRequest(XmlVendTestClient.vendHeader(new ClearTamperReq(), client.ean(),
                XmlVendTestClient.newMsgId(), meter.meterNumber())), 0);
        String powerLimit = engToken(port().powerLimitRequest(limit), 0);

        assertThat(simulator.credit(0)).isEqualTo(500);
        assertThat(simulator.enter(clearCredit)).isEqualTo(MeterResult.ACCEPT);
        assertThat(simulator.credit(0)).isZero();
        assertThat(simulator.tampered()).isTrue();
        assertThat(simulator.enter(clearTamper)).isEqualTo(MeterResult.ACCEPT);
        assertThat(simulator.tampered()).isFalse();
        assertThat(simulator.enter(powerLimit)).isEqualTo(MeterResult.ACCEPT);
        assertThat(simulator.maxPowerLimitWatts()).isEqualTo(5000);
        assertThat(vendors.vendor(client.vendorId()).availableMinor()).isEqualTo(100_00);
    }

    @Test
    void update_meter_key_without_a_change_due_is_refused_and_after_a_change_gives_every_key_change_token_in_order() throws Exception {
        XmlVendTestClient.Registered client = clients.register(100_00);
        MeterView meter = fixture.meter();
        MeterSimulator simulator = fixture.simulator(meter);

        XMLVendFault same = catchThrowableOfType(XMLVendFault.class, () -> port().updateMeterKeyRequest(XmlVendTestClient.vendHeader(
                new UpdateMeterKeyReq(), client.ean(), XmlVendTestClient.newMsgId(), meter.meterNumber())));
        SupplyGroupView newGroup = fixture.supplyGroup("0123456789abcdef0123456789abcdef01234567");
        meters.changeStsParameters(meter.id(), newGroup.id(), "02", "admin");
        EngTokenResp kct = port().updateMeterKeyRequest(XmlVendTestClient.vendHeader(new UpdateMeterKeyReq(), client.ean(),
                XmlVendTestClient.newMsgId(), meter.meterNumber()));

        assertThat(same.getFaultInfo().getFault().getClass().getSimpleName()).isEqualTo("UpdateMtrKeySameEx");
        List<String> tokens = keyChangeTokens(kct.getEngTokenReceipt().getKcTokenIssue());
        assertThat(tokens).hasSize(4); // a 128-bit decoder key (EA11) takes four key change tokens
        for (String token : tokens) {
            assertThat(simulator.enter(token)).isIn(MeterResult.FIRST_KCT, MeterResult.SECOND_KCT, MeterResult.ACCEPT);
        }
        assertThat(simulator.supplyGroupCode()).isEqualTo(Integer.parseInt(newGroup.sgc()));
        assertThat(simulator.tariffIndex()).isEqualTo(2);
    }

    @Test
    void a_credit_vend_after_a_key_change_carries_all_four_key_change_tokens_before_the_credit_token() throws Exception {
        XmlVendTestClient.Registered client = clients.register(100_00);
        MeterView meter = fixture.meter();
        MeterSimulator simulator = fixture.simulator(meter);
        SupplyGroupView newGroup = fixture.supplyGroup("0123456789abcdef0123456789abcdef01234567");
        meters.changeStsParameters(meter.id(), newGroup.id(), "02", "admin");

        CreditVendTx sold = (CreditVendTx) port().creditVendRequest(sale(client, XmlVendTestClient.newMsgId(), meter, "29.00"))
                .getCreditVendReceipt().getTransactions().getTx().get(0);

        List<String> keyChange = keyChangeTokens(sold.getKcTokenIssue());
        assertThat(keyChange).hasSize(4);
        for (String token : keyChange) {
            assertThat(simulator.enter(token)).isIn(MeterResult.FIRST_KCT, MeterResult.SECOND_KCT, MeterResult.ACCEPT);
        }
        assertThat(simulator.supplyGroupCode()).isEqualTo(Integer.parseInt(newGroup.sgc()));
        assertThat(simulator.enter(((STS1Token) sold.getCreditTokenIssue().getToken()).getStsCipher()))
                .as("the credit token, made under the new key").isEqualTo(MeterResult.ACCEPT);
        assertThat(simulator.credit(0)).isEqualTo(10); // 29.00 KES incl. 16 % VAT at 25.00 KES/kWh = 1.0 kWh
    }

    @Test
    void confirmation_advice_confirms_an_issued_sale_but_not_a_reversed_one_and_an_unknown_msg_id_is_confirmation_ex() throws Exception {
        XmlVendTestClient.Registered client = clients.register(1_000_00);
        MeterView meter = fixture.meter();
        MsgID kept = XmlVendTestClient.newMsgId();
        MsgID reversed = XmlVendTestClient.newMsgId();
        port().creditVendRequest(sale(client, kept, meter, "50.00"));
        port().creditVendRequest(sale(client, reversed, meter, "29.00"));
        ReversalAdviceReq reversal = XmlVendTestClient.header(new ReversalAdviceReq(), client.ean(), XmlVendTestClient.newMsgId());
        reversal.setAdviceReqMsgID(reversed);
        port().adviceRequest(reversal);

        ConfirmationAdviceResp confirmed = (ConfirmationAdviceResp) port().adviceRequest(confirmation(client, kept));
        ConfirmationAdviceResp notConfirmed = (ConfirmationAdviceResp) port().adviceRequest(confirmation(client, reversed));
        XMLVendFault unknown = catchThrowableOfType(XMLVendFault.class,
                () -> port().adviceRequest(confirmation(client, XmlVendTestClient.newMsgId())));

        assertThat(confirmed.isTxConfirmed()).isTrue();
        assertThat(confirmed.getAdviceReqMsgID().getUniqueNumber()).isEqualTo(kept.getUniqueNumber());
        assertThat(notConfirmed.isTxConfirmed()).isFalse();
        assertThat(unknown.getFaultInfo().getFault().getClass().getSimpleName()).isEqualTo("ConfirmationEx");
    }

    @Test
    void a_client_registered_through_the_admin_api_vends_and_its_disabled_terminal_or_operator_is_refused() throws Exception {
        long vendorId = clients.register(500_00).vendorId(); // a vendor with float (and a client we do not use)
        String ean = "61" + String.format("%011d", System.nanoTime() % 100_000_000_000L);
        String base = "/api/v1/vendors/" + vendorId + "/xmlvend-clients";
        ResponseEntity<JsonNode> registered = admin().postForEntity(url(base), Map.of("clientId", ean, "name", "Admin-made gateway",
                "allowedOperations", Set.of("CreditVendRequest", "AdviceRequest")), JsonNode.class);
        admin().exchange(url(base + "/" + ean + "/terminals/" + XmlVendTestClient.TERMINAL), HttpMethod.PUT, HttpEntity.EMPTY, JsonNode.class);
        admin().exchange(url(base + "/" + ean + "/operators/" + XmlVendTestClient.OPERATOR), HttpMethod.PUT,
                new HttpEntity<>(Map.of("password", XmlVendTestClient.PASSWORD)), JsonNode.class);
        ResponseEntity<JsonNode> badOperation = admin().postForEntity(url(base), Map.of("clientId", ean + "9", "name", "x",
                "allowedOperations", Set.of("StealMoney")), JsonNode.class);
        MeterView meter = fixture.meter();

        CreditVendTx sold = (CreditVendTx) port().creditVendRequest(sale(ean, XmlVendTestClient.newMsgId(), meter, "29.00"))
                .getCreditVendReceipt().getTransactions().getTx().get(0);
        admin().postForEntity(url(base + "/" + ean + "/terminals/" + XmlVendTestClient.TERMINAL + "/disable"), null, JsonNode.class);
        XMLVendFault terminalOff = catchThrowableOfType(XMLVendFault.class,
                () -> port().creditVendRequest(sale(ean, XmlVendTestClient.newMsgId(), meter, "29.00")));
        admin().exchange(url(base + "/" + ean + "/terminals/" + XmlVendTestClient.TERMINAL), HttpMethod.PUT, HttpEntity.EMPTY, JsonNode.class);
        admin().postForEntity(url(base + "/" + ean + "/operators/" + XmlVendTestClient.OPERATOR + "/disable"), null, JsonNode.class);
        XMLVendFault operatorOff = catchThrowableOfType(XMLVendFault.class,
                () -> port().creditVendRequest(sale(ean, XmlVendTestClient.newMsgId(), meter, "29.00")));
        JsonNode listed = admin().getForObject(url(base), JsonNode.class);

        assertThat(registered.getStatusCode().value()).isEqualTo(201);
        assertThat(badOperation.getStatusCode().value()).isEqualTo(400);
        assertThat(badOperation.getBody().at("/errors/0/field").asText()).isEqualTo("allowedOperations");
        assertThat(((STS1Token) sold.getCreditTokenIssue().getToken()).getStsCipher()).matches("\\d{20}");
        assertThat(terminalOff.getFaultInfo().getFault().getClass().getSimpleName()).isEqualTo("ClientIDAuthorisationEx");
        assertThat(operatorOff.getFaultInfo().getFault().getClass().getSimpleName()).isEqualTo("RequestAuthorisationEx");
        assertThat(listed.toString()).contains(ean).contains(XmlVendTestClient.OPERATOR).doesNotContain(XmlVendTestClient.PASSWORD);
        assertThat(vendors.vendor(vendorId).availableMinor()).isEqualTo(500_00 - 29_00);
    }

    @Test
    void a_new_operator_password_takes_effect_at_once_although_the_old_one_was_just_accepted() throws Exception {
        XmlVendTestClient.Registered client = clients.register(500_00);
        MeterView meter = fixture.meter();
        String operator = "/api/v1/vendors/" + client.vendorId() + "/xmlvend-clients/" + client.ean() + "/operators/"
                + XmlVendTestClient.OPERATOR;
        port().creditVendRequest(sale(client, XmlVendTestClient.newMsgId(), meter, "29.00")); // the old password, remembered

        ResponseEntity<JsonNode> changed = admin().exchange(url(operator), HttpMethod.PUT,
                new HttpEntity<>(Map.of("password", "op-password-2")), JsonNode.class);
        XMLVendFault oldPassword = catchThrowableOfType(XMLVendFault.class,
                () -> port().creditVendRequest(sale(client, XmlVendTestClient.newMsgId(), meter, "29.00")));
        CreditVendReq withNew = sale(client, XmlVendTestClient.newMsgId(), meter, "29.00");
        withNew.getAuthCred().setPassword("op-password-2");
        CreditVendTx sold = (CreditVendTx) port().creditVendRequest(withNew).getCreditVendReceipt().getTransactions().getTx().get(0);

        assertThat(changed.getStatusCode().is2xxSuccessful()).as(String.valueOf(changed.getBody())).isTrue();
        assertThat(oldPassword).isNotNull();
        assertThat(oldPassword.getFaultInfo().getFault().getClass().getSimpleName()).isEqualTo("RequestAuthorisationEx");
        assertThat(((STS1Token) sold.getCreditTokenIssue().getToken()).getStsCipher()).matches("\\d{20}");
        assertThat(vendors.vendor(client.vendorId()).availableMinor()).isEqualTo(500_00 - 2 * 29_00);
    }

    private static CreditVendReq sale(XmlVendTestClient.Registered client, MsgID msgId, MeterView meter, String amount) {
        return sale(client.ean(), msgId, meter, amount);
    }

    private static CreditVendReq sale(String ean, MsgID msgId, MeterView meter, String amount) {
        return XmlVendTestClient.amount(XmlVendTestClient.vendHeader(new CreditVendReq(), ean, msgId, meter.meterNumber()), amount, "KES");
    }

    private static ConfirmationAdviceReq confirmation(XmlVendTestClient.Registered client, MsgID of) {
        ConfirmationAdviceReq req = XmlVendTestClient.header(new ConfirmationAdviceReq(), client.ean(), XmlVendTestClient.newMsgId());
        req.setAdviceReqMsgID(of);
        return req;
    }

    private static String fbeToken(FBEResp resp) {
        CreditVendTx tx = (CreditVendTx) resp.getCreditVendReceipt().getTransactions().getTx().get(0);
        return ((STS1Token) tx.getCreditTokenIssue().getToken()).getStsCipher();
    }

    /** The key change tokens in order: two for a 64-bit decoder key, four for a 128-bit one. */
    private static List<String> keyChangeTokens(org.vendinghub.xmlvend.ws.base.KCTokenIssue issue) {
        org.vendinghub.xmlvend.ws.base.KCToken kct = issue.getToken();
        List<String> tokens = new ArrayList<>(List.of(kct.getSet1StMeterKey().getStsCipher(), kct.getSet2NdMeterKey().getStsCipher()));
        if (kct.getSet3RdMeterKey() != null) {
            tokens.add(kct.getSet3RdMeterKey().getStsCipher());
            tokens.add(kct.getSet4ThMeterKey().getStsCipher());
        }
        return tokens;
    }

    private static String engToken(EngTokenResp resp, int index) {
        return ((STS1Token) resp.getEngTokenReceipt().getEngTokenIssue().get(index).getToken()).getStsCipher();
    }
}
