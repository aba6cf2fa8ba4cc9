package org.vendinghub.payments;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.vendinghub.ledger.meter.MeterView;
import org.vendinghub.ledger.testsupport.Fixtures;
import org.vendinghub.sts.meter.MeterResult;
import org.vendinghub.sts.meter.MeterSimulator;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class MpesaPaybillIT extends MobileMoneyTest {

    private static final String C2B = "/callbacks/mpesa/" + MPESA_SECRET + "/c2b/";

    static String c2b(String transId, String meterNumber, String amount, String msisdn) {
        return """
                {"TransactionType":"Pay Bill","TransID":"%s","TransTime":"20250314111205","TransAmount":"%s",
                 "BusinessShortCode":"174379","BillRefNumber":"%s","InvoiceNumber":"","OrgAccountBalance":"",
                 "ThirdPartyTransID":"","MSISDN":"%s","FirstName":"JANE","MiddleName":"","LastName":""}"""
                .formatted(transId, amount, meterNumber, msisdn);
    }

    static String transId() {
        return "TC" + Long.toString(Fixtures.next() + System.nanoTime() % 1_000_000, 36).toUpperCase();
    }

    @Test
    void validation_accepts_a_registered_meter_and_rejects_unknown_or_blocked_meters_and_bad_amounts_with_their_c2b_codes()
            throws Exception {
        MeterView meter = fixture.meter();
        MeterView blocked = fixture.meter();
        meters.block(blocked.id(), "tampered");

        assertThat(validate(meter.meterNumber(), "200.00")).isEqualTo("0");
        assertThat(validate("01234567897", "200.00")).isEqualTo("C2B00012");
        assertThat(validate("not-a-meter", "200.00")).isEqualTo("C2B00012");
        assertThat(validate(blocked.meterNumber(), "200.00")).isEqualTo("C2B00012");
        assertThat(validate(meter.meterNumber(), "0.00")).isEqualTo("C2B00013");
        assertThat(vendsOf(meter.meterNumber())).isZero();
    }

    @Test
    void a_confirmation_vends_once_and_texts_the_token_to_the_payer_even_when_it_arrives_twice() throws Exception {
        MeterView meter = fixture.meter();
        MeterSimulator simulator = fixture.simulator(meter);
        String transId = transId();
        String body = c2b(transId, meter.meterNumber(), "116.00", "254700000123");

        ResponseEntity<String> first = callback(HttpMethod.POST, C2B + "confirmation", body);
        ResponseEntity<String> second = callback(HttpMethod.POST, C2B + "confirmation", body);

        assertThat(first.getStatusCode().value()).isEqualTo(200);
        assertThat(json.readTree(first.getBody()).get("ResultCode").asText()).isEqualTo("0");
        assertThat(second.getStatusCode().value()).isEqualTo(200);
        JsonNode payment = awaitPayment(transId, status("DELIVERED"));
        assertThat(payment.get("provider").asText()).isEqualTo("MPESA");
        assertThat(payment.get("receipt").asText()).isEqualTo(transId);
        assertThat(payment.get("amountMinor").asLong()).isEqualTo(116_00);
        assertThat(payment.at("/vend/unitsTenths").asLong()).isEqualTo(UNITS_FOR_116);
        String token = payment.at("/vend/tokens/0").asText();
        assertThat(simulator.enter(token)).isEqualTo(MeterResult.ACCEPT);
        assertThat(simulator.credit(0)).isEqualTo(UNITS_FOR_116);
        assertThat(vendsOf(meter.meterNumber())).isEqualTo(1);
        assertThat(tokensOf(meter.meterNumber())).isEqualTo(1);
        assertThat(callbacksStored(transId)).isEqualTo(2);
        assertThat(ProviderStubs.smsTo("+254700000123")).singleElement()
                .satisfies(sms -> assertThat(sms.getBodyAsString()).contains(token.substring(0, 4)));
    }

    @Test
    void a_confirmation_with_a_masked_number_texts_the_token_to_the_meters_customer() throws Exception {
        MeterView meter = fixture.meter();
        String transId = transId();

        callback(HttpMethod.POST, C2B + "confirmation", c2b(transId, meter.meterNumber(), "116.00", "2547 ***** 123"));

        JsonNode payment = awaitPayment(transId, status("DELIVERED"));
        assertThat(payment.at("/vend/deliveryStatus").asText()).isEqualTo("SENT");
        assertThat(ProviderStubs.smsTo("+254712345678")).isNotEmpty(); // VendFixture's customer
    }

    @Test
    void a_confirmation_for_a_meter_blocked_after_validation_becomes_a_reversal_and_no_token() throws Exception {
        MeterView meter = fixture.meter();
        String transId = transId();
        assertThat(validate(meter.meterNumber(), "116.00")).isEqualTo("0");
        meters.block(meter.id(), "tampered");
        ProviderStubs.SERVER.stubFor(post(urlEqualTo("/mpesa/reversal/v1/request")).willReturn(okJson("""
                {"OriginatorConversationID":"oc-1","ConversationID":"AG_1","ResponseCode":"0",
                 "ResponseDescription":"Accept the service request successfully."}""")));

        callback(HttpMethod.POST, C2B + "confirmation", c2b(transId, meter.meterNumber(), "116.00", "254700000124"));

        JsonNode refunding = awaitPayment(transId, p -> "REQUESTED".equals(p.at("/vend/refundStatus").asText()));
        assertThat(refunding.get("status").asText()).isEqualTo("REFUNDING");
        assertThat(refunding.at("/vend/status").asText()).isEqualTo("VOIDED");
        assertThat(refunding.at("/vend/failureCode").asText()).isEqualTo("BLOCKED_METER");
        ProviderStubs.SERVER.verify(1, postRequestedFor(urlEqualTo("/mpesa/reversal/v1/request"))
                .withRequestBody(equalToJson("{\"TransactionID\":\"" + transId + "\",\"Amount\":116,\"CommandID\":\"TransactionReversal\","
                        + "\"RecieverIdentifierType\":\"11\"}", true, true)));
        String refundId = jdbc.queryForObject("SELECT id FROM mm_refund WHERE payment_id = ?", String.class, refunding.get("id").asText());

        String result = """
                {"Result":{"ResultType":0,"ResultCode":0,"ResultDesc":"The service request is processed successfully.",
                 "OriginatorConversationID":"oc-1","ConversationID":"AG_1","TransactionID":"TCR1"}}""";
        assertThat(callback(HttpMethod.POST, "/callbacks/mpesa/" + MPESA_SECRET + "/reversal/" + refundId, result)
                .getStatusCode().value()).isEqualTo(200);
        callback(HttpMethod.POST, "/callbacks/mpesa/" + MPESA_SECRET + "/reversal/" + refundId, result); // twice: no change

        JsonNode refunded = paymentByReference(transId);
        assertThat(refunded.get("status").asText()).isEqualTo("REFUNDED");
        assertThat(refunded.at("/vend/refundStatus").asText()).isEqualTo("REFUNDED");
        assertThat(tokensOf(meter.meterNumber())).isZero();
        assertThat(ProviderStubs.smsTo("+254700000124")).isEmpty();
        ProviderStubs.SERVER.verify(1, postRequestedFor(urlEqualTo("/mpesa/reversal/v1/request")));
    }

    @Test
    void a_callback_with_a_wrong_secret_gets_404_and_is_not_stored() {
        String transId = transId();
        ResponseEntity<String> r = callback(HttpMethod.POST, "/callbacks/mpesa/guess/c2b/confirmation",
                c2b(transId, "01234567897", "116.00", "254700000125"));

        assertThat(r.getStatusCode().value()).isEqualTo(404);
        assertThat(callbacksStored(transId)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mm_payment WHERE provider_ref = ?", Integer.class, transId)).isZero();
    }

    @Test
    void a_callback_from_an_address_outside_the_allow_list_gets_404() {
        mpesaSettings.override(mpesaSettings.current().withAllowedIps("196.201.214.200,196.201.214.206"));
        String transId = transId();

        ResponseEntity<String> r = callback(HttpMethod.POST, C2B + "confirmation", c2b(transId, "01234567897", "116.00", "254700000126"));

        assertThat(r.getStatusCode().value()).isEqualTo(404);
        assertThat(callbacksStored(transId)).isZero();
    }

    @Test
    void x_forwarded_for_is_ignored_unless_the_connection_comes_from_a_trusted_proxy() {
        mpesaSettings.override(mpesaSettings.current().withAllowedIps("196.201.214.200, 196.201.214.206"));
        String direct = transId();
        String spoofed = transId();
        String proxied = transId();

        ResponseEntity<String> claimed = confirmationVia(direct, "196.201.214.200");
        callbackSources.override("127.0.0.1, ::1");
        ResponseEntity<String> prepended = confirmationVia(spoofed, "196.201.214.200, 6.6.6.6");
        ResponseEntity<String> throughProxy = confirmationVia(proxied, "196.201.214.200");

        assertThat(claimed.getStatusCode().value()).as("a header from an untrusted peer").isEqualTo(404);
        assertThat(prepended.getStatusCode().value()).as("an allowed address written before the real sender").isEqualTo(404);
        assertThat(throughProxy.getStatusCode().value()).isEqualTo(200);
        assertThat(callbacksStored(direct)).isZero();
        assertThat(callbacksStored(spoofed)).isZero();
        assertThat(jdbc.queryForObject("SELECT source_ip FROM mm_callback WHERE correlation = ?", String.class, proxied))
                .isEqualTo("196.201.214.200");
    }

    @Test
    void trusted_proxies_are_skipped_from_the_right_and_may_be_given_as_cidr_blocks() {
        mpesaSettings.override(mpesaSettings.current().withAllowedIps("196.201.214.0/24"));
        callbackSources.override("127.0.0.1, ::1, 10.0.0.0/8");
        String transId = transId();

        ResponseEntity<String> r = confirmationVia(transId, "196.201.214.206, 10.1.2.3:51234, 10.0.0.7");

        assertThat(r.getStatusCode().value()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT source_ip FROM mm_callback WHERE correlation = ?", String.class, transId))
                .isEqualTo("196.201.214.206");
    }

    /** A confirmation for an unknown account (so nothing vends), sent with an X-Forwarded-For header. */
    private ResponseEntity<String> confirmationVia(String transId, String forwardedFor) {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        headers.set("X-Forwarded-For", forwardedFor);
        return http.exchange(url(C2B + "confirmation"), HttpMethod.POST,
                new org.springframework.http.HttpEntity<>(c2b(transId, "not-a-meter", "116.00", "254700000127"), headers), String.class);
    }

    private String validate(String meterNumber, String amount) throws Exception {
        ResponseEntity<String> r = callback(HttpMethod.POST, C2B + "validation", c2b(transId(), meterNumber, amount, "254700000123"));
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(200);
        return json.readTree(r.getBody()).get("ResultCode").asText();
    }
}
