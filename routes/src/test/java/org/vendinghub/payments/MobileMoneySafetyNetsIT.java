package org.vendinghub.payments;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.vendinghub.ledger.meter.MeterView;
import org.vendinghub.ledger.testsupport.Fixtures;
import org.vendinghub.sts.meter.MeterResult;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The safety nets of mobile money: a paid payment whose vend was never made is resumed, an open payment with no outcome
 * is given up (and still vended if the money turns up after all), and a vend command the broker delivers twice is one
 * vend. Each case checks the payment, the vend, the tokens on the meter, the SMS and the ledger.
 */
class MobileMoneySafetyNetsIT extends MobileMoneyTest {

    private static final String QUERY = "/mpesa/stkpushquery/v1/query";
    /** Payment ids whose vend command fails once right after the vend, as if the hub stopped before acknowledging it. */
    private static final Set<String> FAIL_ONCE = ConcurrentHashMap.newKeySet();
    /** Payment id -> whether the broker marked the delivery that went through as redelivered. */
    private static final Map<String, Boolean> REDELIVERED = new ConcurrentHashMap<>();

    @Autowired PaymentVending vending;
    @Autowired MpesaPayments mpesa;
    @Autowired MomoPayments momo;
    @Autowired PaymentProperties properties;
    @Autowired CamelContext camel;
    @Autowired Clock clock;

    /** A paybill payment stored PAID with no vend, as the hub leaves it when it stops between PAID and mm.cmd.vend. */
    Payment paidWithoutVend(MeterView meter, String msisdn, Instant paidAt) {
        String transId = MpesaPaybillIT.transId();
        Payment p = new Payment(UUID.randomUUID().toString(), Payment.MPESA, "C2B", transId, transId, null, msisdn,
                meter.meterNumber(), 116_00, "KES", PaymentStatus.PAID, "0", "Paid by paybill 174379", null, "mpesa-c2b",
                paidAt, paidAt, 0);
        store.insert(p);
        jdbc.update("UPDATE mm_payment SET updated_at = ? WHERE id = ?", Timestamp.from(paidAt), p.id());
        return p;
    }

    void assertVendedOnce(MeterView meter, String phone, JsonNode payment) throws Exception {
        assertThat(payment.get("status").asText()).isEqualTo("DELIVERED");
        assertThat(fixture.simulator(meter).enter(payment.at("/vend/tokens/0").asText())).isEqualTo(MeterResult.ACCEPT);
        assertThat(vendsOf(meter.meterNumber())).isEqualTo(1);
        assertThat(tokensOf(meter.meterNumber())).isEqualTo(1);
        assertThat(ProviderStubs.smsTo(phone)).hasSize(1);
        assertThat(postedForVend(payment.at("/vend/id").asText())).isEqualTo(116_00);
    }

    @Test
    void a_paid_payment_that_never_got_its_vend_is_queued_again_by_mm_payment_resume_and_vends_exactly_once() throws Exception {
        MeterView meter = fixture.meter();
        Payment p = paidWithoutVend(meter, "254700000151", clock.instant().minusSeconds(600));

        int resumed = vending.resume();
        vending.resume(); // the timer comes round again before the vend is made: queued twice

        assertThat(resumed).isGreaterThanOrEqualTo(1);
        JsonNode delivered = awaitPayment(p.providerRef(), status("DELIVERED"));
        assertVendedOnce(meter, "+254700000151", delivered);
        assertThat(store.find(p.id()).orElseThrow().vendId()).isEqualTo(delivered.at("/vend/id").asText());
    }

    @Test
    void an_stk_push_with_no_outcome_after_give_up_after_ends_failed_no_result_with_no_vend_and_no_sms() throws Exception {
        MeterView meter = fixture.meter();
        String checkout = MpesaStkPushIT.checkoutId();
        String phone = MpesaStkPushIT.phone();
        MpesaStkPushIT.pushAnswers(checkout);
        postAsAdmin("/api/v1/payments/mpesa/stk", "{\"phone\":\"+" + phone + "\",\"meterNumber\":\"" + meter.meterNumber()
                + "\",\"amount\":116}");
        ProviderStubs.SERVER.stubFor(post(urlEqualTo(QUERY)).willReturn(ProviderStubs.json(500, """
                {"requestId":"r-9","errorCode":"500.001.1001","errorMessage":"The transaction is being processed"}""")));

        mpesa.pollStk(clock.instant().plus(properties.giveUpAfter()).plusSeconds(60));

        JsonNode failed = paymentByReference(checkout);
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("resultCode").asText()).isEqualTo("NO_RESULT");
        assertThat(failed.get("vend").isNull()).isTrue();
        ProviderStubs.SERVER.verify(postRequestedFor(urlEqualTo(QUERY)));
        assertThat(vendsOf(meter.meterNumber())).isZero();
        assertThat(ProviderStubs.smsTo("+" + phone)).isEmpty();
    }

    @Test
    void a_momo_request_with_no_outcome_after_give_up_after_ends_failed_no_result_with_no_vend_and_no_sms() throws Exception {
        MeterView meter = fixture.meter();
        String msisdn = MomoPaymentsIT.msisdn();
        MomoPaymentsIT.accepts();
        JsonNode pending = json.readTree(postAsAdmin("/api/v1/payments/momo",
                "{\"msisdn\":\"" + msisdn + "\",\"meterNumber\":\"" + meter.meterNumber() + "\",\"amount\":116}").getBody());
        MomoPaymentsIT.statusIs("{\"amount\":\"116\",\"currency\":\"KES\",\"externalId\":\"" + pending.get("id").asText()
                + "\",\"status\":\"PENDING\"}");

        momo.poll(clock.instant().plus(properties.giveUpAfter()).plusSeconds(60));

        JsonNode failed = payment(pending.get("id").asText());
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("resultCode").asText()).isEqualTo("NO_RESULT");
        assertThat(vendsOf(meter.meterNumber())).isZero();
        assertThat(ProviderStubs.smsTo("+" + msisdn)).isEmpty();
    }

    @Test
    void a_success_callback_that_comes_after_the_hub_gave_up_still_vends_once_because_money_received_is_never_dropped()
            throws Exception {
        MeterView meter = fixture.meter();
        String checkout = MpesaStkPushIT.checkoutId();
        String phone = MpesaStkPushIT.phone();
        MpesaStkPushIT.pushAnswers(checkout);
        postAsAdmin("/api/v1/payments/mpesa/stk", "{\"phone\":\"+" + phone + "\",\"meterNumber\":\"" + meter.meterNumber()
                + "\",\"amount\":116}");
        ProviderStubs.SERVER.stubFor(post(urlEqualTo(QUERY)).willReturn(ProviderStubs.json(500, """
                {"requestId":"r-9","errorCode":"500.001.1001","errorMessage":"The transaction is being processed"}""")));
        mpesa.pollStk(clock.instant().plus(properties.giveUpAfter()).plusSeconds(60));
        assertThat(paymentByReference(checkout).get("resultCode").asText()).isEqualTo("NO_RESULT");
        String receipt = "TCG" + Fixtures.next();

        callback(HttpMethod.POST, "/callbacks/mpesa/" + MPESA_SECRET + "/stk", MpesaStkPushIT.success(checkout, receipt, 116, phone));
        callback(HttpMethod.POST, "/callbacks/mpesa/" + MPESA_SECRET + "/stk", MpesaStkPushIT.success(checkout, receipt, 116, phone));

        JsonNode delivered = awaitPayment(checkout, status("DELIVERED"));
        assertThat(delivered.get("receipt").asText()).isEqualTo(receipt);
        assertVendedOnce(meter, "+" + phone, delivered);
    }

    @Test
    void a_vend_command_the_broker_delivers_again_after_a_failure_yields_one_vend_one_token_and_one_sms() throws Exception {
        failOnceAfterTheVend();
        MeterView meter = fixture.meter();
        Payment p = paidWithoutVend(meter, "254700000153", clock.instant());
        FAIL_ONCE.add(p.id());

        vending.enqueue(p.id());

        JsonNode delivered = awaitPayment(p.providerRef(), status("DELIVERED"));
        org.vendinghub.support.Poll.until("the redelivery to be processed", java.time.Duration.ofSeconds(20),
                () -> REDELIVERED.containsKey(p.id()));
        assertThat(FAIL_ONCE).doesNotContain(p.id());
        assertThat(REDELIVERED.get(p.id())).as("the broker's JMSRedelivered flag on the second delivery").isTrue();
        assertVendedOnce(meter, "+254700000153", delivered);
    }

    /**
     * Weaves into {@code mm-payment-vend}, right after the vend, a step that fails the first delivery of the payments in
     * {@link #FAIL_ONCE}: the vend is made but the message is not acknowledged, so Artemis delivers it again. Other
     * payments pass through untouched. Woven once per test JVM (the hub is shared).
     */
    private void failOnceAfterTheVend() throws Exception {
        if (camel.getProcessor("test-fail-once-after-vend") != null) {
            return;
        }
        AdviceWith.adviceWith(camel, "mm-payment-vend", route -> route.weaveById("vend-payment").after()
                .process(exchange -> {
                    String paymentId = exchange.getMessage().getBody(String.class);
                    if (FAIL_ONCE.remove(paymentId)) {
                        throw new IllegalStateException("test: the hub stops before acknowledging the vend command of " + paymentId);
                    }
                    REDELIVERED.put(paymentId, Boolean.TRUE.equals(exchange.getMessage().getHeader("JMSRedelivered", Boolean.class)));
                }).id("test-fail-once-after-vend"));
    }
}
