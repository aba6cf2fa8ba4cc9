package org.vendinghub.connectors.sms;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vendinghub.connectors.common.RejectedException;
import org.vendinghub.connectors.common.TransientException;

import java.io.IOException;
import java.net.ServerSocket;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/** The {@code sms-send} route against WireMock playing Africa's Talking. */
class SmsRoutesTest {

    private static final String API_KEY = "atsk_test_0123456789abcdef";
    private static final String MESSAGING = "/version1/messaging";
    private static final SmsMessage TOKEN_SMS = new SmsMessage("+254712345678",
            "Token 1234 5678 9012 3456 7890 for meter 04040404040, 25.5 kWh", "vend-0191b6f2");

    @RegisterExtension
    static WireMockExtension gateway = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private CamelContext camel;

    @AfterEach
    void stopCamel() {
        if (camel != null) {
            camel.stop();
        }
    }

    @Test
    void a_token_sms_is_posted_as_an_africas_talking_form_and_the_receipt_comes_back() {
        gateway.stubFor(post(MESSAGING).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(recipient(101, "Success", "ATXid_7d1c0c5e"))));

        Exchange exchange = send(properties("VENDHUB", 2000), TOKEN_SMS);

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(SmsReceipt.class))
                .isEqualTo(new SmsReceipt("ATXid_7d1c0c5e", "Success", 101, "KES 0.8000"));
        gateway.verify(1, postRequestedFor(urlPathEqualTo(MESSAGING))
                .withHeader("apiKey", equalTo(API_KEY))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withFormParam("username", equalTo("sandbox"))
                .withFormParam("to", equalTo("+254712345678"))
                .withFormParam("message", equalTo(TOKEN_SMS.text()))
                .withFormParam("from", equalTo("VENDHUB")));
        assertThat(gateway.getAllServeEvents().get(0).getRequest().getBodyAsString())
                .contains("to=%2B254712345678");
    }

    @Test
    void without_a_sender_id_the_from_field_is_left_out() {
        gateway.stubFor(post(MESSAGING).willReturn(aResponse().withStatus(201).withBody(recipient(101, "Success", "ATXid_1"))));

        send(properties("", 2000), TOKEN_SMS);

        gateway.verify(1, postRequestedFor(urlPathEqualTo(MESSAGING)).withFormParam("from", absent()));
    }

    @ParameterizedTest(name = "recipient status {0} counts as accepted")
    @ValueSource(ints = {100, 102})
    void processed_and_queued_recipients_count_as_accepted(int statusCode) {
        gateway.stubFor(post(MESSAGING).willReturn(aResponse().withStatus(201).withBody(recipient(statusCode, "Queued", "ATXid_2"))));

        Exchange exchange = send(properties("", 2000), TOKEN_SMS);

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(SmsReceipt.class).statusCode()).isEqualTo(statusCode);
    }

    @Test
    void an_invalid_number_refused_by_the_gateway_is_rejected_with_its_status() {
        gateway.stubFor(post(MESSAGING).willReturn(aResponse().withStatus(201).withBody(recipient(403, "InvalidPhoneNumber", "None"))));

        RejectedException rejected = rejected(send(properties("", 2000), TOKEN_SMS));

        assertThat(rejected.code()).isEqualTo("SMS_403");
        assertThat(rejected.getMessage()).isEqualTo("SMS gateway localhost refused SMS vend-0191b6f2 to +254712345678:"
                + " InvalidPhoneNumber (status 403)");
    }

    @Test
    void insufficient_provider_balance_is_rejected_not_retried() {
        gateway.stubFor(post(MESSAGING).willReturn(aResponse().withStatus(201).withBody(recipient(405, "InsufficientBalance", "None"))));

        assertThat(rejected(send(properties("", 2000), TOKEN_SMS)).code()).isEqualTo("SMS_405");
        gateway.verify(1, postRequestedFor(urlPathEqualTo(MESSAGING)));
    }

    @Test
    void an_answer_with_no_recipient_is_rejected_with_the_gateways_words() {
        gateway.stubFor(post(MESSAGING).willReturn(aResponse().withStatus(201)
                .withBody("{\"SMSMessageData\":{\"Message\":\"InvalidSenderId\",\"Recipients\":[]}}")));

        RejectedException rejected = rejected(send(properties("NOSUCH", 2000), TOKEN_SMS));

        assertThat(rejected.code()).isEqualTo("SMS_NOT_SENT");
        assertThat(rejected.getMessage()).endsWith("sent SMS vend-0191b6f2 to nobody: InvalidSenderId");
    }

    @Test
    void a_bad_api_key_is_rejected_and_the_key_never_appears_in_the_message() {
        gateway.stubFor(post(MESSAGING).willReturn(aResponse().withStatus(401)
                .withBody("The supplied authentication is invalid: " + API_KEY)));

        RejectedException rejected = rejected(send(properties("", 2000), TOKEN_SMS));

        assertThat(rejected.code()).isEqualTo("SMS_HTTP_401");
        assertThat(rejected.getMessage())
                .contains("check HUB_SMS_USERNAME and HUB_SMS_API_KEY")
                .contains("The supplied authentication is invalid: ***")
                .doesNotContain(API_KEY);
    }

    @Test
    void a_malformed_request_is_rejected() {
        gateway.stubFor(post(MESSAGING).willReturn(aResponse().withStatus(400).withBody("Request is missing required form field 'to'")));

        RejectedException rejected = rejected(send(properties("", 2000), TOKEN_SMS));

        assertThat(rejected.code()).isEqualTo("SMS_HTTP_400");
        assertThat(rejected.getMessage()).endsWith("with HTTP 400: Request is missing required form field 'to'");
    }

    @ParameterizedTest(name = "HTTP {0} is transient")
    @ValueSource(ints = {500, 502, 503, 429})
    void server_errors_and_throttling_are_transient(int httpStatus) {
        gateway.stubFor(post(MESSAGING).willReturn(aResponse().withStatus(httpStatus).withBody("try later")));

        TransientException failure = transientFailure(send(properties("", 2000), TOKEN_SMS));

        assertThat(failure.code()).isEqualTo("SMS_HTTP_" + httpStatus);
        assertThat(failure.getMessage()).isEqualTo("SMS gateway localhost answered HTTP " + httpStatus
                + " to SMS vend-0191b6f2: try later");
    }

    @Test
    void an_answer_slower_than_the_timeout_is_transient() {
        gateway.stubFor(post(MESSAGING).willReturn(aResponse().withStatus(201).withFixedDelay(3_000)
                .withBody(recipient(101, "Success", "ATXid_late"))));

        long started = System.nanoTime();
        TransientException failure = transientFailure(send(properties("", 300), TOKEN_SMS));
        long tookMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(failure.code()).isEqualTo("SMS_TIMEOUT");
        assertThat(failure.getMessage()).contains("did not answer within 300 ms").contains("may or may not have been sent");
        assertThat(tookMs).isLessThan(2_500);
    }

    @Test
    void a_refused_connection_is_transient() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SmsProperties nobodyListening = new SmsProperties("http://localhost:" + closedPort, "sandbox", API_KEY, "", 2000);

        TransientException failure = transientFailure(send(nobodyListening, TOKEN_SMS));

        assertThat(failure.code()).isEqualTo("SMS_IO");
        assertThat(failure.getMessage()).startsWith("could not reach SMS gateway localhost for SMS vend-0191b6f2: ConnectException");
    }

    @Test
    void an_answer_that_is_not_an_africas_talking_response_is_transient() {
        gateway.stubFor(post(MESSAGING).willReturn(aResponse().withStatus(200).withBody("<html>proxy login</html>")));

        TransientException failure = transientFailure(send(properties("", 2000), TOKEN_SMS));

        assertThat(failure.code()).isEqualTo("SMS_BAD_RESPONSE");
        assertThat(failure.getMessage()).endsWith(": <html>proxy login</html>");
    }

    @Test
    void without_an_api_key_nothing_is_sent_and_the_sms_is_rejected_as_not_configured() {
        SmsProperties unconfigured = new SmsProperties(gateway.baseUrl(), "sandbox", "", "", 2000);

        RejectedException rejected = rejected(send(unconfigured, TOKEN_SMS));

        assertThat(rejected.code()).isEqualTo("SMS_NOT_CONFIGURED");
        assertThat(rejected.getMessage()).startsWith("no SMS gateway configured: set HUB_SMS_API_KEY");
        assertThat(gateway.getAllServeEvents()).isEmpty();
    }

    @Test
    void the_route_tries_once_and_a_calling_route_retries_it_at_its_own_node() throws Exception {
        gateway.stubFor(post(MESSAGING).willReturn(aResponse().withStatus(503)));
        camel = started(properties("", 2000));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:caller").routeId("caller")
                        .onException(TransientException.class).maximumRedeliveries(2).redeliveryDelay(0).logExhausted(false).end()
                        .to("direct:sms-send");
            }
        });

        Exchange alone = camel.createProducerTemplate().send("direct:sms-send", e -> e.getMessage().setBody(TOKEN_SMS));
        assertThat(alone.getException()).isInstanceOf(TransientException.class);
        gateway.verify(1, postRequestedFor(urlPathEqualTo(MESSAGING)));

        Exchange called = camel.createProducerTemplate().send("direct:caller", e -> e.getMessage().setBody(TOKEN_SMS));
        assertThat(called.getException()).isInstanceOf(TransientException.class);
        gateway.verify(1 + 3, postRequestedFor(urlPathEqualTo(MESSAGING)));
    }

    @Test
    void the_callers_headers_reach_neither_the_gateway_nor_get_lost() {
        gateway.stubFor(post(MESSAGING).willReturn(aResponse().withStatus(201)
                .withHeader("X-Gateway-Node", "at-7").withBody(recipient(101, "Success", "ATXid_3"))));
        camel = started(properties("", 2000));

        Exchange exchange = camel.createProducerTemplate().send("direct:sms-send", e -> {
            e.getMessage().setHeader("VendId", "vend-0191b6f2");
            e.getMessage().setHeader("CamelHttpUri", "http://elsewhere.invalid/steal");
            e.getMessage().setBody(TOKEN_SMS);
        });

        assertThat(exchange.getException()).isNull();
        gateway.verify(1, postRequestedFor(urlPathEqualTo(MESSAGING))
                .withHeader("VendId", absent()).withHeader("CamelHttpUri", absent()));
        assertThat(exchange.getMessage().getHeaders())
                .containsEntry("VendId", "vend-0191b6f2")
                .doesNotContainKeys("CamelHttpUri", "X-Gateway-Node");
    }

    @Test
    void tests_of_the_hub_can_replace_the_gateway_call_by_its_id() throws Exception {
        camel = new DefaultCamelContext();
        camel.addRoutes(new SmsRoutes(new SmsGateway(properties("", 2000))));
        AdviceWith.adviceWith(camel, "sms-send", route -> route.weaveById("to-sms-gateway").replace().to("mock:sms"));
        camel.start();
        MockEndpoint sms = camel.getEndpoint("mock:sms", MockEndpoint.class);
        sms.expectedBodiesReceived(TOKEN_SMS);

        camel.createProducerTemplate().sendBody("direct:sms-send", TOKEN_SMS);

        sms.assertIsSatisfied();
        assertThat(gateway.getAllServeEvents()).isEmpty();
    }

    private Exchange send(SmsProperties properties, SmsMessage sms) {
        camel = started(properties);
        return camel.createProducerTemplate().send("direct:sms-send", e -> e.getMessage().setBody(sms));
    }

    private static CamelContext started(SmsProperties properties) {
        CamelContext context = new DefaultCamelContext();
        try {
            context.addRoutes(new SmsRoutes(new SmsGateway(properties)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        context.start();
        return context;
    }

    private static SmsProperties properties(String senderId, int timeoutMs) {
        return new SmsProperties(gateway.baseUrl(), "sandbox", API_KEY, senderId, timeoutMs);
    }

    private static String recipient(int statusCode, String status, String messageId) {
        return """
                {"SMSMessageData":{"Message":"Sent to 1/1 Total Cost: KES 0.8000","Recipients":[
                  {"statusCode":%d,"number":"+254712345678","status":"%s","cost":"KES 0.8000","messageId":"%s","messageParts":1}
                ]}}""".formatted(statusCode, status, messageId);
    }

    private static RejectedException rejected(Exchange exchange) {
        assertThat(exchange.getException()).isInstanceOf(RejectedException.class);
        return (RejectedException) exchange.getException();
    }

    private static TransientException transientFailure(Exchange exchange) {
        assertThat(exchange.getException()).isInstanceOf(TransientException.class);
        return (TransientException) exchange.getException();
    }
}
