package org.vendinghub.payments;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.vendinghub.ledger.meter.MeterView;
import org.vendinghub.security.BuiltInGroup;
import org.vendinghub.support.TestUsers;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Registering the paybill's C2B URLs with Daraja: who may, what is sent, and every answer Daraja can give. */
class PaybillRegistrationIT extends MobileMoneyTest {

    private static final String REGISTER = "/mpesa/c2b/v1/registerurl";
    private static final String ENDPOINT = "/api/v1/payments/mpesa/c2b/register-urls";
    /** A secret Daraja accepts in a URL (the tests' usual one contains "mpesa", which Daraja refuses). */
    private static final String CLEAN_SECRET = "cb7f3a91d2e45b08";
    private static final String PASSWORD = "Integration-Password-1";

    @Autowired PasswordEncoder encoder;

    @BeforeEach
    void anIntegrationEngineerAndAPublicHub() {
        TestUsers.ensure(jdbc, encoder, "mm-integrator", PASSWORD, BuiltInGroup.INTEGRATION.groupName());
        TestUsers.ensure(jdbc, encoder, "mm-cashier", PASSWORD, BuiltInGroup.OPERATORS.groupName());
        mpesaSettings.override(mpesaSettings.current().withCallbackBaseUrl("https://hub.example.com")
                .withCredentials("consumer-key-1", "consumer-secret-1", "passkey-1", CLEAN_SECRET));
    }

    ResponseEntity<String> register(TestRestTemplate as, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return as.exchange(url(ENDPOINT), HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    TestRestTemplate integrator() {
        return http.withBasicAuth("mm-integrator", PASSWORD);
    }

    @Test
    void an_integration_engineer_registers_the_paybill_urls_built_from_the_callback_base_url_and_secret() throws Exception {
        ProviderStubs.SERVER.stubFor(post(urlEqualTo(REGISTER)).willReturn(ProviderStubs.json(200,
                "{\"OriginatorCoversationID\":\"7619-37765134-1\",\"ResponseCode\":\"0\",\"ResponseDescription\":\"success\"}")));

        ResponseEntity<String> r = register(integrator(), "{\"responseType\":\"Cancelled\"}");

        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(200);
        JsonNode answer = json.readTree(r.getBody());
        assertThat(answer.get("outcome").asText()).isEqualTo("REGISTERED");
        assertThat(answer.get("confirmationUrl").asText()).isEqualTo("https://hub.example.com/callbacks/paybill/***/confirmation");
        assertThat(answer.get("validationUrl").asText()).isEqualTo("https://hub.example.com/callbacks/paybill/***/validation");
        assertThat(r.getBody()).doesNotContain(CLEAN_SECRET);
        ProviderStubs.SERVER.verify(1, postRequestedFor(urlEqualTo(REGISTER))
                .withHeader("Authorization", equalTo("Bearer daraja-token"))
                .withRequestBody(equalToJson("""
                        {"ShortCode":"174379","ResponseType":"Cancelled",
                         "ConfirmationURL":"https://hub.example.com/callbacks/paybill/%s/confirmation",
                         "ValidationURL":"https://hub.example.com/callbacks/paybill/%s/validation"}"""
                        .formatted(CLEAN_SECRET, CLEAN_SECRET))));
        assertThat(jdbc.queryForObject("SELECT detail FROM audit_event WHERE actor = 'mm-integrator' AND action = "
                + "'MPESA_C2B_URLS_REGISTERED' ORDER BY id DESC LIMIT 1", String.class))
                .startsWith("REGISTERED, Cancelled").doesNotContain(CLEAN_SECRET);
    }

    @Test
    void the_registered_urls_answer_as_the_paybill_callbacks_do() throws Exception {
        MeterView meter = fixture.meter();
        String transId = MpesaPaybillIT.transId();

        ResponseEntity<String> validation = callback(HttpMethod.POST, "/callbacks/paybill/" + CLEAN_SECRET + "/validation",
                MpesaPaybillIT.c2b(transId, meter.meterNumber(), "116.00", "254700000161"));
        ResponseEntity<String> confirmation = callback(HttpMethod.POST, "/callbacks/paybill/" + CLEAN_SECRET + "/confirmation",
                MpesaPaybillIT.c2b(transId, meter.meterNumber(), "116.00", "254700000161"));
        ResponseEntity<String> guessed = callback(HttpMethod.POST, "/callbacks/paybill/guess/confirmation",
                MpesaPaybillIT.c2b(MpesaPaybillIT.transId(), meter.meterNumber(), "116.00", "254700000161"));

        assertThat(json.readTree(validation.getBody()).get("ResultCode").asText()).isEqualTo("0");
        assertThat(json.readTree(confirmation.getBody()).get("ResultCode").asText()).isEqualTo("0");
        assertThat(guessed.getStatusCode().value()).isEqualTo(404);
        awaitPayment(transId, status("DELIVERED"));
        assertThat(tokensOf(meter.meterNumber())).isEqualTo(1);
        assertThat(ProviderStubs.smsTo("+254700000161")).hasSize(1);
    }

    @Test
    void urls_daraja_already_has_are_a_clear_answer_not_an_error() throws Exception {
        ProviderStubs.SERVER.stubFor(post(urlEqualTo(REGISTER)).willReturn(ProviderStubs.json(500,
                "{\"requestId\":\"r-1\",\"errorCode\":\"500.003.1001\",\"errorMessage\":\"Urls are already registered\"}")));

        ResponseEntity<String> r = register(admin(), "{}");

        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(200);
        JsonNode answer = json.readTree(r.getBody());
        assertThat(answer.get("outcome").asText()).isEqualTo("ALREADY_REGISTERED");
        assertThat(answer.get("responseType").asText()).isEqualTo("Completed");
        ProviderStubs.SERVER.verify(1, postRequestedFor(urlEqualTo(REGISTER))); // an answer, so not retried
    }

    @Test
    void a_refusal_by_daraja_is_a_bad_gateway_problem_with_daraja_s_code() throws Exception {
        ProviderStubs.SERVER.stubFor(post(urlEqualTo(REGISTER)).willReturn(ProviderStubs.json(400,
                "{\"requestId\":\"r-2\",\"errorCode\":\"400.002.02\",\"errorMessage\":\"Bad Request - Invalid ValidationURL\"}")));

        ResponseEntity<String> r = register(integrator(), "{\"responseType\":\"Completed\"}");

        assertThat(r.getStatusCode().value()).isEqualTo(502);
        assertThat(r.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json.readTree(r.getBody()).get("code").asText()).isEqualTo("MPESA_400.002.02");
        assertThat(r.getBody()).doesNotContain(CLEAN_SECRET, "consumer-secret-1");
    }

    @Test
    void settings_daraja_would_refuse_are_caught_before_daraja_is_asked() throws Exception {
        mpesaSettings.override(mpesaSettings.current().withCredentials("consumer-key-1", "consumer-secret-1", "passkey-1", MPESA_SECRET));
        ResponseEntity<String> forbiddenWord = register(integrator(), "{}");
        mpesaSettings.override(mpesaSettings.current().withCallbackBaseUrl("http://hub.example.com")
                .withCredentials("consumer-key-1", "consumer-secret-1", "passkey-1", CLEAN_SECRET));
        ResponseEntity<String> notHttps = register(integrator(), "{}");
        ResponseEntity<String> badType = register(integrator(), "{\"responseType\":\"completed\"}");

        assertThat(forbiddenWord.getStatusCode().value()).isEqualTo(422);
        assertThat(json.readTree(forbiddenWord.getBody()).get("code").asText()).isEqualTo("BAD_CALLBACK_URL");
        assertThat(forbiddenWord.getBody()).contains("'mpesa'").doesNotContain(MPESA_SECRET);
        assertThat(notHttps.getStatusCode().value()).isEqualTo(422);
        assertThat(json.readTree(notHttps.getBody()).get("code").asText()).isEqualTo("CALLBACK_NOT_CONFIGURED");
        assertThat(badType.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(badType.getBody()).at("/errors/0/field").asText()).isEqualTo("responseType");
        ProviderStubs.SERVER.verify(0, postRequestedFor(urlEqualTo(REGISTER)));
    }

    @Test
    void registering_needs_the_manage_routes_permission() {
        ResponseEntity<String> cashier = register(http.withBasicAuth("mm-cashier", PASSWORD), "{}");
        ResponseEntity<String> anonymous = register(http, "{}");

        assertThat(cashier.getStatusCode().value()).isEqualTo(403);
        assertThat(anonymous.getStatusCode().value()).as("no user (CSRF answers first for a POST)").isIn(401, 403);
        ProviderStubs.SERVER.verify(0, postRequestedFor(urlEqualTo(REGISTER)));
    }
}
