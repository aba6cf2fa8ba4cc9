package org.vendinghub.payments;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.vendinghub.ledger.meter.MeterView;
import org.vendinghub.ledger.testsupport.Fixtures;
import org.vendinghub.sts.meter.MeterResult;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class MpesaStkPushIT extends MobileMoneyTest {

    private static final String PUSH = "/mpesa/stkpush/v1/processrequest";
    private static final String QUERY = "/mpesa/stkpushquery/v1/query";

    @Autowired MpesaPayments mpesa;
    @Autowired Clock clock;

    static String checkoutId() {
        return "ws_CO_" + Fixtures.next() + "_" + System.nanoTime();
    }

    static String phone() {
        return "2547" + String.format("%08d", Fixtures.next() % 100_000_000);
    }

    static void pushAnswers(String checkoutId) {
        ProviderStubs.SERVER.stubFor(post(urlEqualTo(PUSH)).willReturn(ProviderStubs.json(200, """
                {"MerchantRequestID":"mr-%s","CheckoutRequestID":"%s","ResponseCode":"0",
                 "ResponseDescription":"Success. Request accepted for processing","CustomerMessage":"Success. Request accepted for processing"}"""
                .formatted(checkoutId, checkoutId))));
    }

    static String success(String checkoutId, String receipt, long amount, String phone) {
        return """
                {"Body":{"stkCallback":{"MerchantRequestID":"mr-%s","CheckoutRequestID":"%s","ResultCode":0,
                 "ResultDesc":"The service request is processed successfully.","CallbackMetadata":{"Item":[
                 {"Name":"Amount","Value":%d.00},{"Name":"MpesaReceiptNumber","Value":"%s"},
                 {"Name":"TransactionDate","Value":20250314101533},{"Name":"PhoneNumber","Value":%s}]}}}}"""
                .formatted(checkoutId, checkoutId, amount, receipt, phone);
    }

    static String failure(String checkoutId, String resultCode, String desc) {
        return """
                {"Body":{"stkCallback":{"MerchantRequestID":"mr-%s","CheckoutRequestID":"%s","ResultCode":%s,"ResultDesc":"%s"}}}"""
                .formatted(checkoutId, checkoutId, resultCode.matches("\\d+") ? resultCode : "\"" + resultCode + "\"", desc);
    }

    ResponseEntity<String> stk(String phone, String meterNumber, String amount) {
        return postAsAdmin("/api/v1/payments/mpesa/stk",
                "{\"phone\":\"+" + phone + "\",\"meterNumber\":\"" + meterNumber + "\",\"amount\":" + amount + "}");
    }

    ResponseEntity<String> stkCallback(String body) {
        return callback(HttpMethod.POST, "/callbacks/mpesa/" + MPESA_SECRET + "/stk", body);
    }

    @Test
    void an_stk_push_is_vended_once_and_texted_when_its_callback_arrives_twice() throws Exception {
        MeterView meter = fixture.meter();
        String checkout = checkoutId();
        String phone = phone();
        pushAnswers(checkout);

        ResponseEntity<String> started = stk(phone, meter.meterNumber(), "116");

        assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(202);
        JsonNode pending = json.readTree(started.getBody());
        assertThat(pending.get("status").asText()).isEqualTo("PENDING");
        assertThat(pending.get("reference").asText()).isEqualTo(checkout);
        JsonNode sent = json.readTree(ProviderStubs.SERVER.findAll(postRequestedFor(urlEqualTo(PUSH))).get(0).getBodyAsString());
        assertThat(sent.get("Password").asText()).isEqualTo(Base64.getEncoder().encodeToString(
                ("174379" + "passkey-1" + sent.get("Timestamp").asText()).getBytes(StandardCharsets.UTF_8)));
        assertThat(sent.get("CallBackURL").asText()).endsWith("/callbacks/mpesa/" + MPESA_SECRET + "/stk");
        assertThat(sent.get("AccountReference").asText()).isEqualTo(meter.meterNumber());
        assertThat(sent.get("Amount").asLong()).isEqualTo(116);

        String receipt = "TCE" + Fixtures.next();
        assertThat(stkCallback(success(checkout, receipt, 116, phone)).getStatusCode().value()).isEqualTo(200);
        assertThat(stkCallback(success(checkout, receipt, 116, phone)).getStatusCode().value()).isEqualTo(200);

        JsonNode delivered = awaitPayment(checkout, status("DELIVERED"));
        assertThat(delivered.get("receipt").asText()).isEqualTo(receipt);
        assertThat(fixture.simulator(meter).enter(delivered.at("/vend/tokens/0").asText())).isEqualTo(MeterResult.ACCEPT);
        assertThat(tokensOf(meter.meterNumber())).isEqualTo(1);
        assertThat(ProviderStubs.smsTo("+" + phone)).hasSize(1);
        assertThat(callbacksStored(checkout)).isEqualTo(2);
    }

    @Test
    void the_oauth_token_is_fetched_once_and_reused_for_the_next_push() {
        MeterView meter = fixture.meter();
        pushAnswers(checkoutId());
        stk(phone(), meter.meterNumber(), "116");
        stk(phone(), meter.meterNumber(), "116");

        ProviderStubs.SERVER.verify(2, postRequestedFor(urlEqualTo(PUSH)).withHeader("Authorization", equalTo("Bearer daraja-token")));
        assertThat(ProviderStubs.SERVER.findAll(getRequestedFor(urlPathEqualTo("/oauth/v1/generate")))).hasSizeLessThanOrEqualTo(1);
    }

    @ParameterizedTest(name = "STK result {0} ends the payment FAILED with {1}")
    @CsvSource({"1, INSUFFICIENT_FUNDS", "1032, CANCELLED", "1037, TIMEOUT", "2001, WRONG_PIN", "1019, EXPIRED",
            "17, DUPLICATE_REQUEST", "2, LIMIT_EXCEEDED", "1025, PROVIDER_ERROR", "2028, CONFIGURATION", "8006, ACCOUNT_LOCKED",
            "SFC_IC0003, PAYER_NOT_FOUND", "9999, MPESA_9999"})
    void every_stk_failure_ends_the_payment_failed_with_a_clear_code_and_no_vend(String resultCode, String expected) throws Exception {
        MeterView meter = fixture.meter();
        String checkout = checkoutId();
        String phone = phone();
        pushAnswers(checkout);
        stk(phone, meter.meterNumber(), "116");

        stkCallback(failure(checkout, resultCode, "provider words"));

        JsonNode failed = paymentByReference(checkout);
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("resultCode").asText()).isEqualTo(expected);
        assertThat(failed.get("vend").isNull()).isTrue();
        assertThat(vendsOf(meter.meterNumber())).isZero();
        assertThat(ProviderStubs.smsTo("+" + phone)).isEmpty();
    }

    @Test
    void a_callback_that_arrives_before_the_push_returns_is_kept_and_applied_when_it_does() throws Exception {
        MeterView meter = fixture.meter();
        String checkout = checkoutId();
        String phone = phone();
        ProviderStubs.SERVER.stubFor(post(urlEqualTo(PUSH)).willReturn(ProviderStubs.json(200, """
                {"MerchantRequestID":"mr-1","CheckoutRequestID":"%s","ResponseCode":"0","ResponseDescription":"ok","CustomerMessage":"ok"}"""
                .formatted(checkout)).withFixedDelay(1500)));

        CompletableFuture<ResponseEntity<String>> started = CompletableFuture.supplyAsync(() -> stk(phone, meter.meterNumber(), "116"));
        org.vendinghub.support.Poll.until("the push to reach Daraja", java.time.Duration.ofSeconds(10),
                () -> !ProviderStubs.SERVER.findAll(postRequestedFor(urlEqualTo(PUSH))).isEmpty());
        assertThat(stkCallback(success(checkout, "TCE" + Fixtures.next(), 116, phone)).getStatusCode().value()).isEqualTo(200);
        assertThat(started.get().getStatusCode().is2xxSuccessful()).isTrue();

        JsonNode delivered = awaitPayment(checkout, status("DELIVERED"));
        assertThat(tokensOf(meter.meterNumber())).isEqualTo(1);
        assertThat(delivered.at("/vend/tokens").size()).isEqualTo(1);
    }

    @Test
    void when_no_callback_comes_the_status_query_finds_the_payment_and_it_is_vended() throws Exception {
        MeterView meter = fixture.meter();
        String checkout = checkoutId();
        String phone = phone();
        pushAnswers(checkout);
        stk(phone, meter.meterNumber(), "116");
        ProviderStubs.SERVER.stubFor(post(urlEqualTo(QUERY)).inScenario("query").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(ProviderStubs.json(500, """
                        {"requestId":"r-1","errorCode":"500.001.1001","errorMessage":"The transaction is being processed"}"""))
                .willSetStateTo("done"));
        ProviderStubs.SERVER.stubFor(post(urlEqualTo(QUERY)).inScenario("query").whenScenarioStateIs("done")
                .willReturn(ProviderStubs.json(200, """
                        {"ResponseCode":"0","ResponseDescription":"The service request has been accepted successsfully",
                         "MerchantRequestID":"mr-1","CheckoutRequestID":"%s","ResultCode":"0",
                         "ResultDesc":"The service request is processed successfully."}""".formatted(checkout))));

        mpesa.pollStk(clock.instant().plusSeconds(120)); // still being processed
        assertThat(paymentByReference(checkout).get("status").asText()).isEqualTo("PENDING");
        mpesa.pollStk(clock.instant().plusSeconds(240));

        awaitPayment(checkout, status("DELIVERED"));
        ProviderStubs.SERVER.verify(postRequestedFor(urlEqualTo(QUERY))
                .withRequestBody(matchingJsonPath("$.CheckoutRequestID", equalTo(checkout))));
        assertThat(tokensOf(meter.meterNumber())).isEqualTo(1);
        assertThat(ProviderStubs.smsTo("+" + phone)).hasSize(1);
    }

    @Test
    void a_status_query_that_finds_a_cancelled_push_ends_it_failed_without_a_vend() throws Exception {
        MeterView meter = fixture.meter();
        String checkout = checkoutId();
        pushAnswers(checkout);
        stk(phone(), meter.meterNumber(), "116");
        ProviderStubs.SERVER.stubFor(post(urlEqualTo(QUERY)).willReturn(ProviderStubs.json(200, """
                {"ResponseCode":"0","ResponseDescription":"accepted","MerchantRequestID":"mr-1","CheckoutRequestID":"%s",
                 "ResultCode":"1032","ResultDesc":"Request cancelled by user"}""".formatted(checkout))));

        mpesa.pollStk(clock.instant().plusSeconds(120));

        JsonNode failed = paymentByReference(checkout);
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("resultCode").asText()).isEqualTo("CANCELLED");
        assertThat(vendsOf(meter.meterNumber())).isZero();
    }

    @Test
    void daraja_5xx_is_retried_at_one_layer_and_the_push_then_goes_through() throws Exception {
        MeterView meter = fixture.meter();
        String checkout = checkoutId();
        ProviderStubs.SERVER.stubFor(post(urlEqualTo(PUSH)).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(ProviderStubs.json(503, """
                        {"requestId":"r-2","errorCode":"500.003.02","errorMessage":"System is busy. Please try again in few minutes."}"""))
                .willSetStateTo("ok"));
        ProviderStubs.SERVER.stubFor(post(urlEqualTo(PUSH)).inScenario("busy").whenScenarioStateIs("ok")
                .willReturn(ProviderStubs.json(200, """
                        {"MerchantRequestID":"mr-2","CheckoutRequestID":"%s","ResponseCode":"0","ResponseDescription":"ok","CustomerMessage":"ok"}"""
                        .formatted(checkout))));

        JsonNode started = json.readTree(stk(phone(), meter.meterNumber(), "116").getBody());

        assertThat(started.get("status").asText()).isEqualTo("PENDING");
        ProviderStubs.SERVER.verify(2, postRequestedFor(urlEqualTo(PUSH)));
    }

    @ParameterizedTest(name = "gateway error {1} (HTTP {0}) ends the push FAILED as {2} after {3} call(s)")
    @CsvSource({"400, 400.002.02, MPESA_400.002.02, 1", "500, 500.001.1001, MPESA_500.001.1001, 1",
            "500, 500.003.1001, MPESA_500.003.1001, 3", "404, 404.001.04, MPESA_404.001.04, 1"})
    void gateway_errors_end_the_push_failed_with_the_gateway_code(int http, String errorCode, String expected, int calls)
            throws Exception {
        MeterView meter = fixture.meter();
        ProviderStubs.SERVER.stubFor(post(urlEqualTo(PUSH)).willReturn(ProviderStubs.json(http, """
                {"requestId":"r-3","errorCode":"%s","errorMessage":"Unable to lock subscriber, a transaction is already in process"}"""
                .formatted(errorCode))));

        JsonNode failed = json.readTree(stk(phone(), meter.meterNumber(), "116").getBody());

        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("resultCode").asText()).isEqualTo(expected);
        assertThat(failed.get("resultDesc").asText()).doesNotContain("consumer-secret-1", "passkey-1");
        ProviderStubs.SERVER.verify(calls, postRequestedFor(urlEqualTo(PUSH)));
        assertThat(vendsOf(meter.meterNumber())).isZero();
    }

    @Test
    void an_invalid_token_is_renewed_and_the_push_retried() throws Exception {
        MeterView meter = fixture.meter();
        String checkout = checkoutId();
        ProviderStubs.SERVER.stubFor(post(urlEqualTo(PUSH)).inScenario("token").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(ProviderStubs.json(404, """
                        {"requestId":"r-4","errorCode":"404.001.03","errorMessage":"Invalid Access Token"}"""))
                .willSetStateTo("renewed"));
        ProviderStubs.SERVER.stubFor(post(urlEqualTo(PUSH)).inScenario("token").whenScenarioStateIs("renewed")
                .willReturn(ProviderStubs.json(200, """
                        {"MerchantRequestID":"mr-4","CheckoutRequestID":"%s","ResponseCode":"0","ResponseDescription":"ok","CustomerMessage":"ok"}"""
                        .formatted(checkout))));
        int tokensBefore = ProviderStubs.SERVER.findAll(getRequestedFor(urlPathEqualTo("/oauth/v1/generate"))).size();

        JsonNode started = json.readTree(stk(phone(), meter.meterNumber(), "116").getBody());

        assertThat(started.get("status").asText()).isEqualTo("PENDING");
        assertThat(ProviderStubs.SERVER.findAll(getRequestedFor(urlPathEqualTo("/oauth/v1/generate"))).size()).isEqualTo(tokensBefore + 1);
    }

    @Test
    void a_push_that_times_out_is_not_repeated_and_a_late_success_callback_is_matched_by_phone_and_amount() throws Exception {
        MeterView meter = fixture.meter();
        String checkout = checkoutId();
        String phone = phone();
        ProviderStubs.SERVER.stubFor(post(urlEqualTo(PUSH)).willReturn(ProviderStubs.json(200, """
                {"MerchantRequestID":"mr-5","CheckoutRequestID":"%s","ResponseCode":"0","ResponseDescription":"ok","CustomerMessage":"ok"}"""
                .formatted(checkout)).withFixedDelay(3000)));

        JsonNode started = json.readTree(stk(phone, meter.meterNumber(), "116").getBody());

        assertThat(started.get("status").asText()).isEqualTo("INITIATED");
        assertThat(started.get("resultCode").asText()).isEqualTo("MPESA_TIMEOUT");
        ProviderStubs.SERVER.verify(1, postRequestedFor(urlEqualTo(PUSH)));

        stkCallback(success(checkout, "TCE" + Fixtures.next(), 116, phone));

        JsonNode delivered = awaitPayment(checkout, status("DELIVERED"));
        assertThat(delivered.get("id").asText()).isEqualTo(started.get("id").asText());
        assertThat(tokensOf(meter.meterNumber())).isEqualTo(1);
    }

    @Test
    void a_push_for_a_blocked_meter_is_refused_before_anyone_is_asked_to_pay() throws Exception {
        MeterView meter = fixture.meter();
        meters.block(meter.id(), "tampered");

        ResponseEntity<String> refused = stk(phone(), meter.meterNumber(), "116");

        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(json.readTree(refused.getBody()).get("code").asText()).isEqualTo("BLOCKED_METER");
        ProviderStubs.SERVER.verify(0, postRequestedFor(urlEqualTo(PUSH)));
    }

    @Test
    void starting_a_push_needs_the_vend_permission() {
        ResponseEntity<String> anonymous = http.postForEntity(url("/api/v1/payments/mpesa/stk"),
                new org.springframework.http.HttpEntity<>("{}", jsonHeaders()), String.class);
        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
    }

    private static org.springframework.http.HttpHeaders jsonHeaders() {
        org.springframework.http.HttpHeaders h = new org.springframework.http.HttpHeaders();
        h.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        h.setBasicAuth("nobody", "wrong");
        return h;
    }
}
