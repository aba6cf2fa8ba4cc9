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

import java.time.Clock;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

class MomoPaymentsIT extends MobileMoneyTest {

    private static final String RTP = "/collection/v1_0/requesttopay";

    @Autowired MomoPayments momo;
    @Autowired Clock clock;

    static String msisdn() {
        return "4673" + String.format("%07d", Fixtures.next() % 10_000_000);
    }

    ResponseEntity<String> requestToPay(String msisdn, String meterNumber, String amount) {
        return postAsAdmin("/api/v1/payments/momo",
                "{\"msisdn\":\"" + msisdn + "\",\"meterNumber\":\"" + meterNumber + "\",\"amount\":" + amount + "}");
    }

    static void accepts() {
        ProviderStubs.SERVER.stubFor(post(urlEqualTo(RTP)).willReturn(ProviderStubs.json(202, "")));
    }

    static void statusIs(String body) {
        ProviderStubs.SERVER.stubFor(get(urlPathMatching(RTP + "/.+")).willReturn(ProviderStubs.json(200, body)));
    }

    static String successful(String externalId, String amount) {
        return """
                {"amount":"%s","currency":"KES","financialTransactionId":"%d","externalId":"%s",
                 "payer":{"partyIdType":"MSISDN","partyId":"46733123499"},"status":"SUCCESSFUL"}"""
                .formatted(amount, Fixtures.next(), externalId);
    }

    static String failed(String externalId, String reason) {
        return """
                {"amount":"116","currency":"KES","externalId":"%s","payer":{"partyIdType":"MSISDN","partyId":"46733123450"},
                 "status":"FAILED","reason":%s}""".formatted(externalId, reason);
    }

    @Test
    void a_request_to_pay_is_vended_once_and_texted_when_its_callback_comes_twice_by_put_and_post() throws Exception {
        MeterView meter = fixture.meter();
        String msisdn = msisdn();
        accepts();

        ResponseEntity<String> started = requestToPay(msisdn, meter.meterNumber(), "116");

        assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(202);
        JsonNode pending = json.readTree(started.getBody());
        assertThat(pending.get("status").asText()).isEqualTo("PENDING");
        String referenceId = pending.get("reference").asText();
        ProviderStubs.SERVER.verify(postRequestedFor(urlEqualTo(RTP)).withHeader("X-Reference-Id", equalTo(referenceId))
                .withHeader("Ocp-Apim-Subscription-Key", equalTo("sub-key-1")).withHeader("Authorization", equalTo("Bearer momo-token"))
                .withHeader("X-Callback-Url", equalTo("https://hub.example.com/callbacks/momo/" + MOMO_SECRET + "/requesttopay")));
        String callback = successful(pending.get("id").asText(), "116");
        statusIs(callback);

        assertThat(callback(HttpMethod.PUT, "/callbacks/momo/" + MOMO_SECRET + "/requesttopay", callback).getStatusCode().value())
                .isEqualTo(200);
        assertThat(callback(HttpMethod.POST, "/callbacks/momo/" + MOMO_SECRET + "/requesttopay", callback).getStatusCode().value())
                .isEqualTo(200);

        JsonNode delivered = awaitPayment(referenceId, status("DELIVERED"));
        assertThat(fixture.simulator(meter).enter(delivered.at("/vend/tokens/0").asText())).isEqualTo(MeterResult.ACCEPT);
        assertThat(delivered.at("/vend/unitsTenths").asLong()).isEqualTo(UNITS_FOR_116);
        assertThat(tokensOf(meter.meterNumber())).isEqualTo(1);
        assertThat(ProviderStubs.smsTo("+" + msisdn)).hasSize(1);
    }

    @ParameterizedTest(name = "MoMo reason {0} ends the payment FAILED as {1}")
    @CsvSource(delimiter = '|', value = {
            "\"NOT_ENOUGH_FUNDS\"|INSUFFICIENT_FUNDS", "\"PAYER_NOT_FOUND\"|PAYER_NOT_FOUND", "\"APPROVAL_REJECTED\"|CANCELLED",
            "\"EXPIRED\"|EXPIRED", "\"TRANSACTION_CANCELED\"|CANCELLED", "\"PAYER_LIMIT_REACHED\"|LIMIT_EXCEEDED",
            "\"NOT_ALLOWED\"|NOT_ALLOWED", "\"PAYEE_NOT_ALLOWED_TO_RECEIVE\"|NOT_ALLOWED", "\"INVALID_CURRENCY\"|CONFIGURATION",
            "\"INTERNAL_PROCESSING_ERROR\"|PROVIDER_ERROR", "\"SERVICE_UNAVAILABLE\"|PROVIDER_ERROR",
            "\"COULD_NOT_PERFORM_TRANSACTION\"|PROVIDER_ERROR", "{\"code\":\"NOT_ENOUGH_FUNDS\",\"message\":\"x\"}|INSUFFICIENT_FUNDS"})
    void every_failure_reason_ends_the_payment_failed_with_a_clear_code_and_no_vend(String reason, String expected) throws Exception {
        MeterView meter = fixture.meter();
        String msisdn = msisdn();
        accepts();
        JsonNode pending = json.readTree(requestToPay(msisdn, meter.meterNumber(), "116").getBody());
        statusIs(failed(pending.get("id").asText(), reason));

        callback(HttpMethod.PUT, "/callbacks/momo/" + MOMO_SECRET + "/requesttopay", failed(pending.get("id").asText(), reason));

        JsonNode payment = payment(pending.get("id").asText());
        assertThat(payment.get("status").asText()).isEqualTo("FAILED");
        assertThat(payment.get("resultCode").asText()).isEqualTo(expected);
        assertThat(vendsOf(meter.meterNumber())).isZero();
        assertThat(ProviderStubs.smsTo("+" + msisdn)).isEmpty();
    }

    @Test
    void when_no_callback_comes_polling_finds_the_payment_and_it_is_vended() throws Exception {
        MeterView meter = fixture.meter();
        accepts();
        JsonNode pending = json.readTree(requestToPay(msisdn(), meter.meterNumber(), "116").getBody());
        statusIs(successful(pending.get("id").asText(), "116"));

        momo.poll(clock.instant().plusSeconds(60));

        awaitPayment(pending.get("reference").asText(), status("DELIVERED"));
        assertThat(tokensOf(meter.meterNumber())).isEqualTo(1);
    }

    @Test
    void a_callback_that_lies_about_success_changes_nothing_because_momo_itself_is_asked() throws Exception {
        MeterView meter = fixture.meter();
        accepts();
        JsonNode pending = json.readTree(requestToPay(msisdn(), meter.meterNumber(), "116").getBody());
        statusIs("{\"amount\":\"116\",\"currency\":\"KES\",\"externalId\":\"" + pending.get("id").asText() + "\",\"status\":\"PENDING\"}");

        callback(HttpMethod.POST, "/callbacks/momo/" + MOMO_SECRET + "/requesttopay", successful(pending.get("id").asText(), "116"));

        assertThat(payment(pending.get("id").asText()).get("status").asText()).isEqualTo("PENDING");
        assertThat(vendsOf(meter.meterNumber())).isZero();
    }

    @Test
    void a_5xx_is_retried_with_the_same_reference_and_the_409_that_follows_means_momo_already_has_it() throws Exception {
        MeterView meter = fixture.meter();
        ProviderStubs.SERVER.stubFor(post(urlEqualTo(RTP)).inScenario("rtp").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(ProviderStubs.json(500, "{\"code\":\"INTERNAL_PROCESSING_ERROR\",\"message\":\"boom\"}")).willSetStateTo("again"));
        ProviderStubs.SERVER.stubFor(post(urlEqualTo(RTP)).inScenario("rtp").whenScenarioStateIs("again")
                .willReturn(ProviderStubs.json(409, "{\"code\":\"RESOURCE_ALREADY_EXIST\",\"message\":\"Duplicated reference id. Creation of resource failed.\"}")));
        ProviderStubs.SERVER.stubFor(get(urlPathMatching(RTP + "/.+")).willReturn(ProviderStubs.json(200,
                "{\"amount\":\"116\",\"currency\":\"KES\",\"status\":\"PENDING\"}")));

        JsonNode pending = json.readTree(requestToPay(msisdn(), meter.meterNumber(), "116").getBody());

        assertThat(pending.get("status").asText()).isEqualTo("PENDING");
        List<String> references = ProviderStubs.SERVER.findAll(postRequestedFor(urlEqualTo(RTP))).stream()
                .map(r -> r.getHeader("X-Reference-Id")).toList();
        assertThat(references).hasSize(2).containsOnly(pending.get("reference").asText());
    }

    @Test
    void a_request_to_pay_that_times_out_stays_initiated_and_polling_settles_it_without_a_new_reference() throws Exception {
        MeterView meter = fixture.meter();
        momoSettings.override(momoSettings.current().with(ProviderStubs.baseUrl(), "sub-key-1", "api-user-1", "api-key-1", "KES",
                "https://hub.example.com", MOMO_SECRET, 500));
        ProviderStubs.SERVER.stubFor(post(urlEqualTo(RTP)).willReturn(ProviderStubs.json(202, "").withFixedDelay(1500)));

        JsonNode started = json.readTree(requestToPay(msisdn(), meter.meterNumber(), "116").getBody());

        assertThat(started.get("status").asText()).isEqualTo("INITIATED");
        assertThat(started.get("resultCode").asText()).isEqualTo("MOMO_TIMEOUT");
        statusIs(successful(started.get("id").asText(), "116"));
        momoSettings.override(momoSettings.current().with(ProviderStubs.baseUrl(), "sub-key-1", "api-user-1", "api-key-1", "KES",
                "https://hub.example.com", MOMO_SECRET, 2000));
        momo.poll(clock.instant().plusSeconds(60));

        awaitPayment(started.get("reference").asText(), status("DELIVERED"));
        assertThat(tokensOf(meter.meterNumber())).isEqualTo(1);
        assertThat(ProviderStubs.SERVER.findAll(postRequestedFor(urlEqualTo(RTP))).stream().map(r -> r.getHeader("X-Reference-Id")))
                .containsOnly(started.get("reference").asText());
    }

    @Test
    void a_request_momo_refuses_with_4xx_ends_failed_at_once() throws Exception {
        MeterView meter = fixture.meter();
        ProviderStubs.SERVER.stubFor(post(urlEqualTo(RTP)).willReturn(ProviderStubs.json(400,
                "{\"code\":\"INVALID_CURRENCY\",\"message\":\"Currency not supported.\"}")));

        ResponseEntity<String> r = requestToPay(msisdn(), meter.meterNumber(), "116");

        assertThat(r.getStatusCode().value()).isEqualTo(200);
        JsonNode failed = json.readTree(r.getBody());
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("resultCode").asText()).isEqualTo("MOMO_INVALID_CURRENCY");
        ProviderStubs.SERVER.verify(1, postRequestedFor(urlEqualTo(RTP)).withHeader("X-Reference-Id", matching("[0-9a-f-]{36}")));
        assertThat(vendsOf(meter.meterNumber())).isZero();
    }
}
