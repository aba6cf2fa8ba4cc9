package org.vendinghub.payments;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpMethod;
import org.vendinghub.ledger.meter.MeterView;
import org.vendinghub.ledger.testsupport.Fixtures;

import java.time.Clock;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class MpesaRefundIT extends MobileMoneyTest {

    private static final String REVERSAL = "/mpesa/reversal/v1/request";
    private static final String QUERY = "/mpesa/stkpushquery/v1/query";
    private static final String TRANSACTION_STATUS = "/mpesa/transactionstatus/v1/query";

    @Autowired Refunds refunds;
    @Autowired MpesaPayments mpesa;
    @Autowired Clock clock;

    /**
     * An STK push whose payer approved after the meter was blocked, and whose success only the status query found (no
     * callback, so no receipt): PAID, its vend VOIDED, its refund looking the receipt up with Transaction Status.
     */
    JsonNode settledByQueryForABlockedMeter(MeterView meter, String checkout, String phone) throws Exception {
        mpesaSettings.override(mpesaSettings.current().withTimeoutMs(10_000)); // this push must not time out on a busy machine
        MpesaStkPushIT.pushAnswers(checkout);
        JsonNode pending = json.readTree(postAsAdmin("/api/v1/payments/mpesa/stk",
                "{\"phone\":\"+" + phone + "\",\"meterNumber\":\"" + meter.meterNumber() + "\",\"amount\":116}").getBody());
        assertThat(pending.get("status").asText()).isEqualTo("PENDING");
        meters.block(meter.id(), "tampered");
        ProviderStubs.SERVER.stubFor(post(urlEqualTo(QUERY)).willReturn(ProviderStubs.json(200, """
                {"ResponseCode":"0","ResponseDescription":"The service request has been accepted successsfully",
                 "MerchantRequestID":"mr-%s","CheckoutRequestID":"%s","ResultCode":"0",
                 "ResultDesc":"The service request is processed successfully."}""".formatted(checkout, checkout))));
        ProviderStubs.SERVER.stubFor(post(urlEqualTo(TRANSACTION_STATUS)).willReturn(okJson("""
                {"OriginatorConversationID":"oc-ts-1","ConversationID":"AG_ts_1","ResponseCode":"0",
                 "ResponseDescription":"Accept the service request successfully."}""")));

        mpesa.pollStk(clock.instant().plusSeconds(120));

        return awaitPayment(checkout, p -> p.hasNonNull("refund") && !"QUEUED".equals(p.at("/refund/status").asText()));
    }

    static String statusResult(String code, String desc, String receipt, String amount) {
        return """
                {"Result":{"ResultType":0,"ResultCode":%s,"ResultDesc":"%s","OriginatorConversationID":"oc-ts-1",
                 "ConversationID":"AG_ts_1","TransactionID":"%s","ResultParameters":{"ResultParameter":[
                 {"Key":"DebitPartyName","Value":"254700000140 - JANE"},{"Key":"CreditPartyName","Value":"174379 - Demo Power"},
                 {"Key":"OriginatorConversationID","Value":"oc-ts-1"},{"Key":"InitiatedTime","Value":20250314101533},
                 {"Key":"ReasonType","Value":"Pay Bill Online"},{"Key":"TransactionStatus","Value":"Completed"},
                 {"Key":"FinalisedTime","Value":20250314101533},{"Key":"Amount","Value":%s},
                 {"Key":"ReceiptNo","Value":"%s"}]},
                 "ReferenceData":{"ReferenceItem":{"Key":"Occasion","Value":"x"}}}}""".formatted(code, desc, receipt, amount, receipt);
    }

    @Test
    void an_stk_payment_settled_by_the_status_query_gets_its_receipt_from_transaction_status_and_is_then_reversed() throws Exception {
        MeterView meter = fixture.meter();
        String checkout = MpesaStkPushIT.checkoutId();
        String phone = MpesaStkPushIT.phone();
        ProviderStubs.SERVER.stubFor(post(urlEqualTo(REVERSAL)).willReturn(okJson("""
                {"OriginatorConversationID":"oc-r-1","ConversationID":"AG_r_1","ResponseCode":"0","ResponseDescription":"Accepted"}""")));

        JsonNode lookup = settledByQueryForABlockedMeter(meter, checkout, phone);

        assertThat(lookup.get("status").asText()).isEqualTo("REFUNDING");
        assertThat(lookup.get("receipt").isNull()).isTrue();
        assertThat(lookup.at("/refund/status").asText()).isEqualTo("LOOKUP");
        assertThat(lookup.at("/vend/status").asText()).isEqualTo("VOIDED");
        String refundId = lookup.at("/refund/id").asText();
        JsonNode asked = json.readTree(ProviderStubs.SERVER.findAll(postRequestedFor(urlEqualTo(TRANSACTION_STATUS))
                .withRequestBody(containing(checkout))).get(0).getBodyAsString());
        assertThat(asked.get("CommandID").asText()).isEqualTo("TransactionStatusQuery");
        assertThat(asked.get("OriginalConversationID").asText()).isEqualTo(checkout);
        assertThat(asked.has("TransactionID")).isFalse();
        assertThat(asked.get("PartyA").asText()).isEqualTo("174379");
        assertThat(asked.get("IdentifierType").asText()).isEqualTo("4");
        assertThat(asked.get("ResultURL").asText()).endsWith("/callbacks/mpesa/" + MPESA_SECRET + "/status/" + refundId);
        assertThat(asked.get("QueueTimeOutURL").asText()).endsWith("/callbacks/mpesa/" + MPESA_SECRET + "/status-timeout/" + refundId);
        ProviderStubs.SERVER.verify(0, postRequestedFor(urlEqualTo(REVERSAL)).withRequestBody(containing(refundId)));

        String receipt = "TCS" + Fixtures.next();
        String found = statusResult("0", "The service request is processed successfully.", receipt, "116.00");
        assertThat(callback(HttpMethod.POST, "/callbacks/mpesa/" + MPESA_SECRET + "/status/" + refundId, found).getStatusCode().value())
                .isEqualTo(200);
        callback(HttpMethod.POST, "/callbacks/mpesa/" + MPESA_SECRET + "/status/" + refundId, found); // twice: no second reversal

        JsonNode requested = paymentByReference(checkout);
        assertThat(requested.get("receipt").asText()).isEqualTo(receipt);
        assertThat(requested.at("/refund/status").asText()).isEqualTo("REQUESTED");
        ProviderStubs.SERVER.verify(1, postRequestedFor(urlEqualTo(REVERSAL)).withRequestBody(equalToJson(
                "{\"TransactionID\":\"" + receipt + "\",\"Amount\":116,\"CommandID\":\"TransactionReversal\"}", true, true)));
        callback(HttpMethod.POST, "/callbacks/mpesa/" + MPESA_SECRET + "/reversal/" + refundId, """
                {"Result":{"ResultType":0,"ResultCode":0,"ResultDesc":"The service request is processed successfully.",
                 "OriginatorConversationID":"oc-r-1","ConversationID":"AG_r_1","TransactionID":"TCR9"}}""");

        JsonNode refunded = paymentByReference(checkout);
        assertThat(refunded.get("status").asText()).isEqualTo("REFUNDED");
        assertThat(refunded.at("/refund/receipt").asText()).isEqualTo("TCR9");
        assertThat(refunded.at("/vend/refundStatus").asText()).isEqualTo("REFUNDED");
        assertThat(tokensOf(meter.meterNumber())).isZero();
        assertThat(ProviderStubs.smsTo("+" + phone)).isEmpty();
        assertThat(postedForVend(refunded.at("/vend/id").asText())).isZero();
        ProviderStubs.SERVER.verify(1, postRequestedFor(urlEqualTo(REVERSAL)).withRequestBody(containing(refundId)));
    }

    @Test
    void when_transaction_status_cannot_give_the_receipt_the_refund_is_left_failed_no_receipt_for_an_operator() throws Exception {
        MeterView meter = fixture.meter();
        String checkout = MpesaStkPushIT.checkoutId();
        String phone = MpesaStkPushIT.phone();
        JsonNode lookup = settledByQueryForABlockedMeter(meter, checkout, phone);
        String refundId = lookup.at("/refund/id").asText();

        callback(HttpMethod.POST, "/callbacks/mpesa/" + MPESA_SECRET + "/status/" + refundId, """
                {"Result":{"ResultType":0,"ResultCode":2001,"ResultDesc":"The initiator information is invalid.",
                 "OriginatorConversationID":"oc-ts-1","ConversationID":"AG_ts_1","TransactionID":"X"}}""");

        JsonNode left = paymentByReference(checkout);
        assertThat(left.get("status").asText()).isEqualTo("REFUND_FAILED");
        assertThat(left.at("/refund/status").asText()).isEqualTo("FAILED");
        assertThat(left.at("/refund/resultCode").asText()).isEqualTo("NO_RECEIPT");
        assertThat(left.at("/refund/resultDesc").asText()).contains(checkout, "org portal");
        assertThat(left.at("/vend/refundStatus").asText()).isEqualTo("FAILED");
        assertThat(left.get("amountMinor").asLong()).isEqualTo(116_00);
        ProviderStubs.SERVER.verify(0, postRequestedFor(urlEqualTo(REVERSAL)).withRequestBody(containing(refundId)));
        assertThat(tokensOf(meter.meterNumber())).isZero();
        assertThat(ProviderStubs.smsTo("+" + phone)).isEmpty();
    }

    @Test
    void a_late_stk_callback_brings_the_receipt_and_the_refund_reverses_it_without_a_look_up() throws Exception {
        MeterView meter = fixture.meter();
        String checkout = MpesaStkPushIT.checkoutId();
        String phone = MpesaStkPushIT.phone();
        ProviderStubs.SERVER.stubFor(post(urlEqualTo(REVERSAL)).willReturn(okJson("""
                {"OriginatorConversationID":"oc-r-2","ConversationID":"AG_r_2","ResponseCode":"0","ResponseDescription":"Accepted"}""")));
        JsonNode lookup = settledByQueryForABlockedMeter(meter, checkout, phone);
        String receipt = "TCL" + Fixtures.next();

        callback(HttpMethod.POST, "/callbacks/mpesa/" + MPESA_SECRET + "/stk", MpesaStkPushIT.success(checkout, receipt, 116, phone));
        refunds.retryDue(clock.instant().plusSeconds(600));

        JsonNode requested = paymentByReference(checkout);
        assertThat(requested.get("receipt").asText()).isEqualTo(receipt);
        assertThat(requested.at("/refund/status").asText()).isEqualTo("REQUESTED");
        ProviderStubs.SERVER.verify(1, postRequestedFor(urlEqualTo(REVERSAL))
                .withRequestBody(equalToJson("{\"TransactionID\":\"" + receipt + "\"}", true, true)));
        ProviderStubs.SERVER.verify(1, postRequestedFor(urlEqualTo(TRANSACTION_STATUS)).withRequestBody(containing(checkout)));
        assertThat(lookup.at("/refund/id").asText()).isEqualTo(requested.at("/refund/id").asText());
        assertThat(tokensOf(meter.meterNumber())).isZero();
    }

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
        ProviderStubs.SERVER.verify(2, postRequestedFor(urlEqualTo(REVERSAL)).withRequestBody(containing(refundId)));
        assertThat(tokensOf(meter.meterNumber())).isZero();
        assertThat(ProviderStubs.smsTo("+254700000131")).isEmpty();
    }

    @Test
    void a_reversal_given_up_after_its_last_attempt_that_m_pesa_reports_done_later_ends_refunded_with_an_alert(CapturedOutput output)
            throws Exception {
        MeterView meter = fixture.meter();
        meters.block(meter.id(), "tampered");
        String transId = MpesaPaybillIT.transId();
        ProviderStubs.SERVER.stubFor(post(urlEqualTo(REVERSAL)).withRequestBody(containing(transId))
                .willReturn(ProviderStubs.json(503, "{\"requestId\":\"r\",\"errorCode\":\"500.003.02\",\"errorMessage\":\"System is busy\"}")));

        callback(HttpMethod.POST, "/callbacks/mpesa/" + MPESA_SECRET + "/c2b/confirmation",
                MpesaPaybillIT.c2b(transId, meter.meterNumber(), "116.00", "254700000132"));
        JsonNode queued = awaitPayment(transId, status("REFUNDING"));
        String refundId = jdbc.queryForObject("SELECT id FROM mm_refund WHERE payment_id = ?", String.class, queued.get("id").asText());
        org.vendinghub.support.Poll.until("the first attempt", java.time.Duration.ofSeconds(20), () ->
                jdbc.queryForObject("SELECT attempts FROM mm_refund WHERE id = ?", Integer.class, refundId) > 0);
        for (int round = 0; round < 20 && !"FAILED".equals(refundStatusOf(refundId)); round++) {
            refunds.retryDue(clock.instant().plusSeconds(600));
        }
        assertThat(paymentByReference(transId).get("status").asText()).isEqualTo("REFUND_FAILED");
        assertThat(paymentByReference(transId).at("/vend/refundStatus").asText()).isEqualTo("FAILED");

        String late = """
                {"Result":{"ResultType":0,"ResultCode":0,"ResultDesc":"The service request is processed successfully.",
                 "OriginatorConversationID":"oc-late","ConversationID":"AG_late","TransactionID":"TLATE1"}}""";
        callback(HttpMethod.POST, "/callbacks/mpesa/" + MPESA_SECRET + "/reversal/" + refundId, late);
        callback(HttpMethod.POST, "/callbacks/mpesa/" + MPESA_SECRET + "/reversal/" + refundId, late); // twice: recorded once

        JsonNode refunded = paymentByReference(transId);
        assertThat(refunded.get("status").asText()).isEqualTo("REFUNDED");
        assertThat(refunded.at("/refund/status").asText()).isEqualTo("REFUNDED");
        assertThat(refunded.at("/refund/receipt").asText()).isEqualTo("TLATE1");
        assertThat(refunded.at("/vend/refundStatus").asText()).isEqualTo("REFUNDED");
        assertThat(tokensOf(meter.meterNumber())).isZero();
        assertThat(postedForVend(refunded.at("/vend/id").asText())).isZero();
        org.vendinghub.support.Poll.until("the operator's alert", java.time.Duration.ofSeconds(5),
                () -> output.getAll().contains("ALERT refund " + refundId + " of payment"));
        assertThat(output.getAll()).containsOnlyOnce("reports it done (TLATE1)");

        refunds.retryDue(clock.instant().plusSeconds(600)); // a refunded refund is never attempted again
        assertThat(jdbc.queryForObject("SELECT status FROM mm_refund WHERE id = ?", String.class, refundId)).isEqualTo("REFUNDED");
    }

    private String refundStatusOf(String refundId) {
        return jdbc.queryForObject("SELECT status FROM mm_refund WHERE id = ?", String.class, refundId);
    }
}
