package org.vendinghub.payments;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.vendinghub.ledger.meter.MeterView;

import java.time.Clock;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class MpesaRefundIT extends MobileMoneyTest {

    private static final String REVERSAL = "/mpesa/reversal/v1/request";

    @Autowired Refunds refunds;
    @Autowired Clock clock;

    @Test
    void a_reversal_that_meets_a_5xx_is_retried_later_and_a_final_refusal_leaves_it_failed_for_an_operator() throws Exception {
        MeterView meter = fixture.meter();
        meters.block(meter.id(), "tampered");
        String transId = MpesaPaybillIT.transId();
        ProviderStubs.SERVER.stubFor(post(urlEqualTo(REVERSAL)).inScenario("rev").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(ProviderStubs.json(503, "{\"requestId\":\"r\",\"errorCode\":\"500.003.02\",\"errorMessage\":\"System is busy\"}"))
                .willSetStateTo("up"));
        ProviderStubs.SERVER.stubFor(post(urlEqualTo(REVERSAL)).inScenario("rev").whenScenarioStateIs("up").willReturn(okJson("""
                {"OriginatorConversationID":"oc-9","ConversationID":"AG_9","ResponseCode":"0","ResponseDescription":"Accepted"}""")));

        callback(HttpMethod.POST, "/callbacks/mpesa/" + MPESA_SECRET + "/c2b/confirmation",
                MpesaPaybillIT.c2b(transId, meter.meterNumber(), "116.00", "254700000131"));

        JsonNode queued = awaitPayment(transId, status("REFUNDING"));
        String refundId = jdbc.queryForObject("SELECT id FROM mm_refund WHERE payment_id = ?", String.class, queued.get("id").asText());
        org.vendinghub.support.Poll.until("the first attempt", java.time.Duration.ofSeconds(20), () ->
                "MPESA_500.003.02".equals(jdbc.queryForObject("SELECT result_code FROM mm_refund WHERE id = ?", String.class, refundId)));
        assertThat(jdbc.queryForObject("SELECT status FROM mm_refund WHERE id = ?", String.class, refundId)).isEqualTo("QUEUED");

        refunds.retryDue(clock.instant().plusSeconds(600));

        assertThat(jdbc.queryForObject("SELECT status FROM mm_refund WHERE id = ?", String.class, refundId)).isEqualTo("REQUESTED");
        assertThat(paymentByReference(transId).at("/vend/refundStatus").asText()).isEqualTo("REQUESTED");
        callback(HttpMethod.POST, "/callbacks/mpesa/" + MPESA_SECRET + "/reversal/" + refundId, """
                {"Result":{"ResultType":0,"ResultCode":"R000002","ResultDesc":"The OriginalTransactionID is invalid.",
                 "OriginatorConversationID":"oc-9","ConversationID":"AG_9","TransactionID":"X"}}""");

        JsonNode failed = paymentByReference(transId);
        assertThat(failed.get("status").asText()).isEqualTo("REFUND_FAILED");
        assertThat(failed.at("/vend/refundStatus").asText()).isEqualTo("FAILED");
        ProviderStubs.SERVER.verify(2, postRequestedFor(urlEqualTo(REVERSAL)));
        assertThat(tokensOf(meter.meterNumber())).isZero();
        assertThat(ProviderStubs.smsTo("+254700000131")).isEmpty();
    }
}
