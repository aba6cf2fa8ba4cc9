package org.vendinghub.payments;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpMethod;
import org.vendinghub.ledger.meter.MeterView;
import org.vendinghub.ledger.testsupport.Fixtures;
import org.vendinghub.support.Poll;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * MoMo refunds through the Disbursement product. Each case pays a request-to-pay for a meter that is blocked after the
 * payer was asked (so its vend ends VOIDED BLOCKED_METER), then follows the refund to its end: payment and vend state,
 * the refund row, the calls MoMo received, no token, no SMS, and nothing posted in the ledger for the vend.
 */
@ExtendWith(OutputCaptureExtension.class)
class MomoRefundIT extends MobileMoneyTest {

    private static final String REFUND = "/disbursement/v1_0/refund";

    @Autowired Refunds refunds;
    @Autowired Clock clock;

    /** A request-to-pay approved by the payer after its meter was blocked: it becomes PAID, its vend VOIDED, a refund is made. */
    JsonNode paidForABlockedMeter(MeterView meter, String msisdn) throws Exception {
        MomoPaymentsIT.accepts();
        JsonNode pending = json.readTree(postAsAdmin("/api/v1/payments/momo",
                "{\"msisdn\":\"" + msisdn + "\",\"meterNumber\":\"" + meter.meterNumber() + "\",\"amount\":116}").getBody());
        assertThat(pending.get("status").asText()).isEqualTo("PENDING");
        meters.block(meter.id(), "tampered");
        String paid = MomoPaymentsIT.successful(pending.get("id").asText(), "116");
        MomoPaymentsIT.statusIs(paid);
        callback(HttpMethod.PUT, "/callbacks/momo/" + MOMO_SECRET + "/requesttopay", paid);
        return awaitPayment(pending.get("reference").asText(), p -> p.hasNonNull("refund")
                && (p.at("/refund/attempts").asInt() > 0 || !"QUEUED".equals(p.at("/refund/status").asText())));
    }

    static void refundStatusIs(String body) {
        ProviderStubs.SERVER.stubFor(get(urlPathMatching(REFUND + "/.+")).willReturn(ProviderStubs.json(200, body)));
    }

    static String refundStatus(String refundId, String status, String extra) {
        return """
                {"amount":"116","currency":"KES","financialTransactionId":"%s","externalId":"%s",
                 "payee":{"partyIdType":"MSISDN","partyId":"46733123499"},"payerMessage":"Refund","payeeNote":"Refund",
                 "status":"%s"%s}""".formatted("RF" + Fixtures.next(), refundId, status, extra);
    }

    /** MoMo's status says the refund FAILED with {@code reason}, and MoMo calls back about it; returns that status. */
    String momoSaysFailed(String refundId, String reason) throws Exception {
        String failed = refundStatus(refundId, "FAILED", ",\"reason\":{\"code\":\"" + reason + "\",\"message\":\"x\"}");
        refundStatusIs(failed);
        callback(HttpMethod.PUT, "/callbacks/momo/" + MOMO_SECRET + "/refund/" + refundId, failed);
        return failed;
    }

    /** The X-Reference-Id of every refund request MoMo received for the payment {@code paymentReference} (other tests' aside). */
    List<String> refundReferences(JsonNode payment) {
        return ProviderStubs.SERVER.findAll(postRequestedFor(urlEqualTo(REFUND))
                        .withRequestBody(containing(payment.get("reference").asText())))
                .stream().map(r -> r.getHeader("X-Reference-Id")).toList();
    }

    void assertNothingVendedOrTexted(MeterView meter, String msisdn, JsonNode payment) {
        assertThat(payment.at("/vend/status").asText()).isEqualTo("VOIDED");
        assertThat(payment.at("/vend/failureCode").asText()).isEqualTo("BLOCKED_METER");
        assertThat(tokensOf(meter.meterNumber())).isZero();
        assertThat(vendsOf(meter.meterNumber())).isEqualTo(1);
        assertThat(ProviderStubs.smsTo("+" + msisdn)).isEmpty();
        assertThat(postedForVend(payment.at("/vend/id").asText())).isZero();
    }

    @Test
    void a_paid_payment_whose_vend_was_voided_is_refunded_through_disbursement_and_settled_by_the_callback() throws Exception {
        MeterView meter = fixture.meter();
        String msisdn = MomoPaymentsIT.msisdn();
        String apiUser = "disb-user-" + Fixtures.next(); // a user of its own: its token is fetched here, not cached from before
        momoSettings.override(momoSettings.current().withDisbursement("disb-key-1", apiUser, "disb-api-key-1"));
        ProviderStubs.SERVER.stubFor(post(urlEqualTo(REFUND)).willReturn(ProviderStubs.json(202, "")));

        JsonNode requested = paidForABlockedMeter(meter, msisdn);

        assertThat(requested.get("status").asText()).isEqualTo("REFUNDING");
        assertThat(requested.at("/refund/status").asText()).isEqualTo("REQUESTED");
        assertThat(requested.at("/vend/refundStatus").asText()).isEqualTo("REQUESTED");
        String refundId = requested.at("/refund/id").asText();
        ProviderStubs.SERVER.verify(1, postRequestedFor(urlEqualTo(REFUND))
                .withHeader("X-Reference-Id", equalTo(refundId))
                .withHeader("Authorization", equalTo("Bearer momo-disbursement-token"))
                .withHeader("Ocp-Apim-Subscription-Key", equalTo("disb-key-1"))
                .withHeader("X-Target-Environment", equalTo("sandbox"))
                .withHeader("X-Callback-Url", equalTo("https://hub.example.com/callbacks/momo/" + MOMO_SECRET + "/refund/" + refundId))
                .withRequestBody(equalToJson("{\"amount\":\"116\",\"currency\":\"KES\",\"externalId\":\"" + refundId + "\","
                        + "\"referenceIdToRefund\":\"" + requested.get("reference").asText() + "\"}", true, true)));
        LoggedRequest token = ProviderStubs.SERVER.findAll(postRequestedFor(urlEqualTo("/disbursement/token/"))).get(0);
        assertThat(token.getHeader("Authorization")).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString((apiUser + ":disb-api-key-1").getBytes(StandardCharsets.UTF_8)));
        assertThat(token.getHeader("Ocp-Apim-Subscription-Key")).isEqualTo("disb-key-1");

        String result = refundStatus(refundId, "SUCCESSFUL", "");
        refundStatusIs(result);
        assertThat(callback(HttpMethod.PUT, "/callbacks/momo/" + MOMO_SECRET + "/refund/" + refundId, result).getStatusCode().value())
                .isEqualTo(200);
        assertThat(callback(HttpMethod.POST, "/callbacks/momo/" + MOMO_SECRET + "/refund/" + refundId, result).getStatusCode().value())
                .isEqualTo(200);

        JsonNode refunded = payment(requested.get("id").asText());
        assertThat(refunded.get("status").asText()).isEqualTo("REFUNDED");
        assertThat(refunded.at("/refund/status").asText()).isEqualTo("REFUNDED");
        assertThat(refunded.at("/refund/receipt").asText()).isEqualTo(json.readTree(result).get("financialTransactionId").asText());
        assertThat(refunded.at("/vend/refundStatus").asText()).isEqualTo("REFUNDED");
        assertNothingVendedOrTexted(meter, msisdn, refunded);
        assertThat(refundReferences(refunded)).containsExactly(refundId);
        ProviderStubs.SERVER.verify(1, getRequestedFor(urlEqualTo(REFUND + "/" + refundId))); // the duplicate callback asks nothing
        assertThat(callbacksStored(refundId)).isEqualTo(2);
    }

    @Test
    void when_no_refund_callback_comes_polling_settles_the_refund() throws Exception {
        MeterView meter = fixture.meter();
        String msisdn = MomoPaymentsIT.msisdn();
        ProviderStubs.SERVER.stubFor(post(urlEqualTo(REFUND)).willReturn(ProviderStubs.json(202, "")));
        JsonNode requested = paidForABlockedMeter(meter, msisdn);
        String refundId = requested.at("/refund/id").asText();
        refundStatusIs(refundStatus(refundId, "PENDING", ""));

        refunds.retryDue(clock.instant().plusSeconds(600));

        assertThat(payment(requested.get("id").asText()).at("/refund/status").asText()).isEqualTo("REQUESTED");
        refundStatusIs(refundStatus(refundId, "SUCCESSFUL", ""));
        refunds.retryDue(clock.instant().plusSeconds(1200));

        JsonNode refunded = payment(requested.get("id").asText());
        assertThat(refunded.get("status").asText()).isEqualTo("REFUNDED");
        assertThat(refunded.at("/vend/refundStatus").asText()).isEqualTo("REFUNDED");
        assertNothingVendedOrTexted(meter, msisdn, refunded);
        assertThat(refundReferences(refunded)).containsExactly(refundId);
        ProviderStubs.SERVER.verify(2, getRequestedFor(urlEqualTo(REFUND + "/" + refundId))
                .withHeader("Ocp-Apim-Subscription-Key", equalTo("disb-key-1")));
    }

    @Test
    void a_refused_status_read_does_not_end_a_refund_momo_accepted_the_next_read_settles_it() throws Exception {
        MeterView meter = fixture.meter();
        String msisdn = MomoPaymentsIT.msisdn();
        ProviderStubs.SERVER.stubFor(post(urlEqualTo(REFUND)).willReturn(ProviderStubs.json(202, "")));
        JsonNode requested = paidForABlockedMeter(meter, msisdn);
        String refundId = requested.at("/refund/id").asText();
        ProviderStubs.SERVER.stubFor(get(urlPathMatching(REFUND + "/.+"))
                .willReturn(ProviderStubs.json(403, "{\"code\":\"NOT_ALLOWED\",\"message\":\"Authorization failed.\"}")));

        refunds.retryDue(clock.instant().plusSeconds(600));

        JsonNode stillOpen = payment(requested.get("id").asText());
        assertThat(stillOpen.at("/refund/status").asText()).isEqualTo("REQUESTED");
        assertThat(stillOpen.get("status").asText()).isEqualTo("REFUNDING");
        refundStatusIs(refundStatus(refundId, "SUCCESSFUL", ""));
        refunds.retryDue(clock.instant().plusSeconds(1200));

        JsonNode refunded = payment(requested.get("id").asText());
        assertThat(refunded.get("status").asText()).isEqualTo("REFUNDED");
        assertThat(refundReferences(refunded)).containsExactly(refundId);
    }

    @Test
    void a_refund_that_meets_a_5xx_is_sent_again_later_with_the_same_reference_and_then_settles() throws Exception {
        MeterView meter = fixture.meter();
        String msisdn = MomoPaymentsIT.msisdn();
        ProviderStubs.SERVER.stubFor(post(urlEqualTo(REFUND)).inScenario("refund").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(ProviderStubs.json(500, "{\"code\":\"INTERNAL_PROCESSING_ERROR\",\"message\":\"boom\"}"))
                .willSetStateTo("up"));
        ProviderStubs.SERVER.stubFor(post(urlEqualTo(REFUND)).inScenario("refund").whenScenarioStateIs("up")
                .willReturn(ProviderStubs.json(202, "")));

        JsonNode queued = paidForABlockedMeter(meter, msisdn);

        assertThat(queued.at("/refund/status").asText()).isEqualTo("QUEUED");
        assertThat(queued.at("/refund/resultCode").asText()).isEqualTo("MOMO_INTERNAL_PROCESSING_ERROR");
        assertThat(queued.get("status").asText()).isEqualTo("REFUNDING");
        String refundId = queued.at("/refund/id").asText();
        refunds.retryDue(clock.instant().plusSeconds(600));
        assertThat(payment(queued.get("id").asText()).at("/refund/status").asText()).isEqualTo("REQUESTED");
        refundStatusIs(refundStatus(refundId, "SUCCESSFUL", ""));
        refunds.retryDue(clock.instant().plusSeconds(1200));

        JsonNode refunded = payment(queued.get("id").asText());
        assertThat(refunded.get("status").asText()).isEqualTo("REFUNDED");
        assertThat(refunded.at("/vend/refundStatus").asText()).isEqualTo("REFUNDED");
        assertThat(refundReferences(refunded)).containsExactly(refundId, refundId);
        assertNothingVendedOrTexted(meter, msisdn, refunded);
    }

    @Test
    void a_refund_that_timed_out_is_sent_again_and_the_409_that_follows_means_momo_already_has_it() throws Exception {
        MeterView meter = fixture.meter();
        String msisdn = MomoPaymentsIT.msisdn();
        momoSettings.override(momoSettings.current().with(ProviderStubs.baseUrl(), "sub-key-1", "api-user-1", "api-key-1", "KES",
                "https://hub.example.com", MOMO_SECRET, 800));
        ProviderStubs.SERVER.stubFor(post(urlEqualTo(REFUND)).inScenario("slow").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(ProviderStubs.json(202, "").withFixedDelay(2000)).willSetStateTo("got-it"));
        ProviderStubs.SERVER.stubFor(post(urlEqualTo(REFUND)).inScenario("slow").whenScenarioStateIs("got-it")
                .willReturn(ProviderStubs.json(409, "{\"code\":\"RESOURCE_ALREADY_EXIST\",\"message\":\"Duplicated reference id. Creation of resource failed.\"}")));

        JsonNode queued = paidForABlockedMeter(meter, msisdn);

        assertThat(queued.at("/refund/status").asText()).isEqualTo("QUEUED");
        assertThat(queued.at("/refund/resultCode").asText()).isEqualTo("MOMO_TIMEOUT");
        String refundId = queued.at("/refund/id").asText();
        refundStatusIs(refundStatus(refundId, "SUCCESSFUL", ""));
        refunds.retryDue(clock.instant().plusSeconds(600));

        JsonNode refunded = payment(queued.get("id").asText());
        assertThat(refunded.get("status").asText()).isEqualTo("REFUNDED");
        assertThat(refunded.at("/refund/status").asText()).isEqualTo("REFUNDED");
        assertThat(refundReferences(refunded)).containsExactly(refundId, refundId);
        ProviderStubs.SERVER.verify(1, getRequestedFor(urlEqualTo(REFUND + "/" + refundId)));
        assertNothingVendedOrTexted(meter, msisdn, refunded);
    }

    @Test
    void a_refund_momo_reports_failed_ends_refund_failed_with_an_alert_and_keeps_everything_an_operator_needs(CapturedOutput output)
            throws Exception {
        MeterView meter = fixture.meter();
        String msisdn = MomoPaymentsIT.msisdn();
        ProviderStubs.SERVER.stubFor(post(urlEqualTo(REFUND)).willReturn(ProviderStubs.json(202, "")));
        JsonNode requested = paidForABlockedMeter(meter, msisdn);
        String refundId = requested.at("/refund/id").asText();

        momoSaysFailed(refundId, "NOT_ENOUGH_FUNDS");
        refunds.retryDue(clock.instant().plusSeconds(600)); // a final refund is not attempted again

        JsonNode left = payment(requested.get("id").asText());
        assertThat(left.get("status").asText()).isEqualTo("REFUND_FAILED");
        assertThat(left.at("/refund/status").asText()).isEqualTo("FAILED");
        assertThat(left.at("/refund/resultCode").asText()).isEqualTo("MOMO_NOT_ENOUGH_FUNDS");
        assertThat(left.at("/vend/refundStatus").asText()).isEqualTo("FAILED");
        // nothing lost: the payment keeps what was paid, by whom and under which reference; the refund its own reference
        assertThat(left.get("amountMinor").asLong()).isEqualTo(116_00);
        assertThat(left.get("msisdn").asText()).isEqualTo(msisdn);
        assertThat(left.get("reference").asText()).isEqualTo(requested.get("reference").asText());
        assertThat(left.get("receipt").asText()).isNotBlank();
        assertThat(callbacksStored(refundId)).isEqualTo(1);
        assertThat(refundReferences(left)).containsExactly(refundId);
        ProviderStubs.SERVER.verify(1, getRequestedFor(urlEqualTo(REFUND + "/" + refundId)));
        Poll.until("the operator's alert", Duration.ofSeconds(5), () -> output.getAll().contains("ALERT refund " + refundId));
        assertThat(output.getAll()).doesNotContain("disb-api-key-1", "disb-key-1", "api-key-1", MOMO_SECRET);
        assertNothingVendedOrTexted(meter, msisdn, left);
    }

    @Test
    void a_refund_given_up_as_failed_that_momo_pays_out_after_all_ends_refunded_with_an_alert(CapturedOutput output) throws Exception {
        MeterView meter = fixture.meter();
        String msisdn = MomoPaymentsIT.msisdn();
        ProviderStubs.SERVER.stubFor(post(urlEqualTo(REFUND)).willReturn(ProviderStubs.json(202, "")));
        JsonNode requested = paidForABlockedMeter(meter, msisdn);
        String refundId = requested.at("/refund/id").asText();
        String failed = momoSaysFailed(refundId, "INTERNAL_PROCESSING_ERROR");
        assertThat(payment(requested.get("id").asText()).at("/refund/status").asText()).isEqualTo("FAILED");

        callback(HttpMethod.PUT, "/callbacks/momo/" + MOMO_SECRET + "/refund/" + refundId, failed); // MoMo still says FAILED
        assertThat(payment(requested.get("id").asText()).at("/refund/status").asText()).isEqualTo("FAILED");

        String paidOut = refundStatus(refundId, "SUCCESSFUL", "");
        refundStatusIs(paidOut);
        callback(HttpMethod.PUT, "/callbacks/momo/" + MOMO_SECRET + "/refund/" + refundId, paidOut);
        callback(HttpMethod.PUT, "/callbacks/momo/" + MOMO_SECRET + "/refund/" + refundId, paidOut); // twice: asks nothing more

        JsonNode refunded = payment(requested.get("id").asText());
        assertThat(refunded.get("status").asText()).isEqualTo("REFUNDED");
        assertThat(refunded.at("/refund/status").asText()).isEqualTo("REFUNDED");
        assertThat(refunded.at("/refund/receipt").asText()).isEqualTo(json.readTree(paidOut).get("financialTransactionId").asText());
        assertThat(refunded.at("/vend/refundStatus").asText()).isEqualTo("REFUNDED");
        ProviderStubs.SERVER.verify(3, getRequestedFor(urlEqualTo(REFUND + "/" + refundId)));
        assertThat(refundReferences(refunded)).containsExactly(refundId); // read, never sent again
        Poll.until("the operator's alert", Duration.ofSeconds(5), () -> output.getAll().contains("was given up as FAILED"));
        assertThat(output.getAll()).containsOnlyOnce("was given up as FAILED (MOMO_INTERNAL_PROCESSING_ERROR), but MOMO reports it done");
        assertNothingVendedOrTexted(meter, msisdn, refunded);
    }

    @Test
    void without_disbursement_credentials_nothing_is_sent_and_the_refund_is_left_failed_for_an_operator() throws Exception {
        MeterView meter = fixture.meter();
        String msisdn = MomoPaymentsIT.msisdn();
        momoSettings.override(momoSettings.current().withDisbursement("", "", ""));

        JsonNode left = paidForABlockedMeter(meter, msisdn);

        assertThat(left.get("status").asText()).isEqualTo("REFUND_FAILED");
        assertThat(left.at("/refund/resultCode").asText()).isEqualTo("MOMO_DISBURSEMENT_NOT_CONFIGURED");
        assertThat(left.at("/refund/resultDesc").asText()).contains("HUB_MOMO_DISBURSEMENT_API_KEY");
        assertThat(refundReferences(left)).isEmpty();
        assertNothingVendedOrTexted(meter, msisdn, left);
    }
}
