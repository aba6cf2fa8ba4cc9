package org.vendinghub.payments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vendinghub.connectors.momo.MomoSettings;
import org.vendinghub.connectors.mpesa.MpesaSettings;
import org.vendinghub.connectors.sms.SmsGateway;
import org.vendinghub.connectors.sms.SmsProperties;
import org.vendinghub.ledger.meter.MeterService;
import org.vendinghub.ledger.testsupport.LedgerInvariants;
import org.vendinghub.support.HubIntegrationTest;
import org.vendinghub.support.Poll;
import org.vendinghub.support.VendFixture;

import java.time.Duration;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** The hub against WireMock stubs of Daraja, MoMo and the SMS gateway, re-pointed at run time (one hub per JVM). */
abstract class MobileMoneyTest extends HubIntegrationTest {

    static final String MPESA_SECRET = "mpesa-cb-9f2c71d0e4";
    static final String MOMO_SECRET = "momo-cb-31aa8e07b5";
    /** 116.00 KES with 16 % VAT included: 100.00 of energy at 25.00/kWh = 4.0 kWh. */
    static final long UNITS_FOR_116 = 40;

    @Autowired VendFixture fixture;
    @Autowired MeterService meters;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;
    @Autowired MpesaSettings mpesaSettings;
    @Autowired MomoSettings momoSettings;
    @Autowired SmsGateway sms;
    @Autowired SmsProperties smsProperties;
    @Autowired PaymentStore store;
    @Autowired CallbackSources callbackSources;

    @BeforeEach
    void pointTheHubAtTheStubs() {
        ProviderStubs.reset();
        mpesaSettings.override(mpesaSettings.current().withBaseUrl(ProviderStubs.baseUrl())
                .withCredentials("consumer-key-1", "consumer-secret-1", "passkey-1", MPESA_SECRET).withTimeoutMs(2000));
        momoSettings.override(momoSettings.current().with(ProviderStubs.baseUrl(), "sub-key-1", "api-user-1", "api-key-1", "KES",
                "https://hub.example.com", MOMO_SECRET, 2000).withDisbursement("disb-key-1", "disb-user-1", "disb-api-key-1"));
        sms.override(new SmsProperties(ProviderStubs.baseUrl(), "sandbox", "sms-api-key-1", "", 2000));
    }

    @AfterEach
    void pointTheHubBack() {
        mpesaSettings.reset();
        momoSettings.reset();
        sms.reset();
        callbackSources.reset();
        LedgerInvariants.assertHold(jdbc);
    }

    ResponseEntity<String> callback(HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(url(path), method, new HttpEntity<>(body, headers), String.class);
    }

    ResponseEntity<String> postAsAdmin(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return admin().exchange(url(path), HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    JsonNode payment(String id) throws Exception {
        ResponseEntity<String> r = admin().getForEntity(url("/api/v1/payments/" + id), String.class);
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(200);
        return json.readTree(r.getBody());
    }

    JsonNode paymentByReference(String reference) throws Exception {
        ResponseEntity<String> r = admin().getForEntity(url("/api/v1/payments?reference=" + reference), String.class);
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(200);
        return json.readTree(r.getBody());
    }

    /** Waits until the payment (by reference) satisfies {@code condition}; returns it. */
    JsonNode awaitPayment(String reference, Predicate<JsonNode> condition) {
        JsonNode[] last = new JsonNode[1];
        Poll.until("payment " + reference + " to settle", Duration.ofSeconds(30), () -> {
            try {
                last[0] = paymentByReference(reference);
                return condition.test(last[0]);
            } catch (Exception | AssertionError e) {
                return false;
            }
        });
        return last[0];
    }

    static Predicate<JsonNode> status(String s) {
        return p -> s.equals(p.get("status").asText());
    }

    int vendsOf(String meterNumber) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM vend WHERE meter_number = ?", Integer.class, meterNumber);
    }

    int tokensOf(String meterNumber) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM vend_token t JOIN vend v ON v.id = t.vend_id WHERE v.meter_number = ?",
                Integer.class, meterNumber);
    }

    /**
     * The ledger of one vend, read from the transfers: the money its reservation posted (0 when the reservation was voided,
     * or when the vend was refused before anything was reserved), and no reservation left open.
     */
    long postedForVend(String vendId) {
        Long open = jdbc.queryForObject("SELECT COUNT(*) FROM ledger_transfer t JOIN ledger_pending_open o ON o.transfer_id = t.id "
                + "WHERE t.reference = ? AND t.kind = 'PENDING'", Long.class, vendId);
        assertThat(open).as("reservations of vend %s still open", vendId).isZero();
        return jdbc.queryForObject("SELECT COALESCE(SUM(r.amount_minor), 0) FROM ledger_transfer r JOIN ledger_transfer p "
                + "ON p.id = r.pending_id WHERE p.reference = ? AND p.kind = 'PENDING' AND r.kind = 'POST_PENDING'", Long.class, vendId);
    }

    int callbacksStored(String correlation) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM mm_callback WHERE correlation = ?", Integer.class, correlation);
    }
}
