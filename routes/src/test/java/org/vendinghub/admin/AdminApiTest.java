package org.vendinghub.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.vendinghub.domain.MeterNumber;
import org.vendinghub.ledger.utility.NewUtility;
import org.vendinghub.ledger.utility.UtilityService;
import org.vendinghub.support.HubIntegrationTest;
import org.vendinghub.support.TestUsers;

/**
 * Helpers of the administration API tests: JSON calls as a user, unique names and numbers (the database is shared by
 * every test class of the JVM), and the problem-detail assertions. Adds no annotation: the shared context stays one.
 */
abstract class AdminApiTest extends HubIntegrationTest {

    static final String PASSWORD = "Admin-Api-Test-Password-1";
    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected PasswordEncoder encoder;
    @Autowired
    protected UtilityService utilities;

    /** A user of one built-in group, created once. */
    protected TestRestTemplate as(String group) {
        String username = "admin-api-" + group;
        TestUsers.ensure(jdbc, encoder, username, PASSWORD, group);
        return http.withBasicAuth(username, PASSWORD);
    }

    protected static String unique(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet() + "-" + ThreadLocalRandom.current().nextInt(1000);
    }

    /** A random 11-digit meter number with a correct Luhn check digit. */
    protected static String meterNumber() {
        String payload = String.format("%010d", ThreadLocalRandom.current().nextLong(1_000_000_000L, 10_000_000_000L));
        return payload + MeterNumber.luhnCheckDigit(payload);
    }

    protected static String sgc() {
        return String.format("%06d", ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
    }

    /** A utility in KES with 16 % VAT (made through the service: quicker, and tested through the API in UtilityApiIT). */
    protected long utility() {
        return utilities.createUtility(new NewUtility(unique("Utility"), "KES", 1600, null, null)).id();
    }

    protected ResponseEntity<JsonNode> call(TestRestTemplate client, HttpMethod method, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> response = client.exchange(url(path), method, new HttpEntity<>(json, headers), String.class);
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders()).body(parse(response.getBody()));
    }

    protected ResponseEntity<JsonNode> post(TestRestTemplate client, String path, String json) {
        return call(client, HttpMethod.POST, path, json);
    }

    protected ResponseEntity<JsonNode> put(TestRestTemplate client, String path, String json) {
        return call(client, HttpMethod.PUT, path, json);
    }

    protected ResponseEntity<JsonNode> get(TestRestTemplate client, String path) {
        ResponseEntity<String> response = client.getForEntity(url(path), String.class);
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders()).body(parse(response.getBody()));
    }

    /** POST that must succeed with 200 or 201; returns the body. */
    protected JsonNode created(String path, String json) {
        ResponseEntity<JsonNode> response = post(admin(), path, json);
        assertThat(response.getStatusCode().is2xxSuccessful()).as("POST %s answered %s: %s", path, response.getStatusCode(),
                response.getBody()).isTrue();
        return response.getBody();
    }

    protected JsonNode ok(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode().value()).as("answer %s", response.getBody()).isEqualTo(200);
        return response.getBody();
    }

    /** The answer is an RFC 7807 problem with this status that blames exactly this field with this message. */
    protected static void assertFieldProblem(ResponseEntity<JsonNode> response, int status, String field, String message) {
        assertProblem(response, status);
        JsonNode errors = response.getBody().get("errors");
        assertThat(errors).as("errors of %s", response.getBody()).hasSize(1);
        assertThat(errors.get(0).path("field").isNull() ? null : errors.get(0).path("field").asText()).isEqualTo(field);
        assertThat(errors.get(0).get("message").asText()).isEqualTo(message);
        assertThat(response.getBody().get("detail").asText()).isEqualTo(field == null ? message : field + ": " + message);
    }

    protected static void assertProblem(ResponseEntity<JsonNode> response, int status) {
        assertThat(response.getStatusCode().value()).as("answer %s", response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isNotNull();
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as("content type %s", response.getHeaders().getContentType()).isTrue();
        assertThat(response.getBody().get("status").asInt()).isEqualTo(status);
        assertThat(response.getBody().has("title")).isTrue();
        assertThat(response.getBody().has("instance")).isTrue();
    }

    /** A DKGA04/EA11 supply group (KRN 1, key type 2, base date 2014) through the API; returns its JSON. */
    protected JsonNode supplyGroup(long utilityId, String sgc) {
        return created("/api/v1/supply-groups", """
                {"utilityId": %d, "name": "%s", "sgc": "%s", "krn": 1, "keyType": 2, "baseDate": 2014, "dkga": "04", "ea": "11"}
                """.formatted(utilityId, unique("SG"), sgc));
    }

    protected JsonNode meter(long utilityId, long supplyGroupId, String meterNumber) {
        return created("/api/v1/meters", """
                {"utilityId": %d, "meterNumber": "%s", "supplyGroupId": %d, "ti": "01", "kind": "THICK"}
                """.formatted(utilityId, meterNumber, supplyGroupId));
    }

    /** A vendor on COMMISSION terms (2 %) with no credit limit. */
    protected JsonNode vendor(long utilityId) {
        return created("/api/v1/vendors", """
                {"utilityId": %d, "name": "%s", "terms": "COMMISSION", "discountBp": 0, "commissionBp": 200}
                """.formatted(utilityId, unique("Vendor")));
    }

    /** Double entry holds after the API's operations: per currency, all debits equal all credits, posted and pending. */
    protected void assertDebitsEqualCredits() {
        java.util.List<String> unbalanced = jdbc.queryForList("SELECT currency FROM ledger_account GROUP BY currency"
                + " HAVING SUM(debits_posted) <> SUM(credits_posted) OR SUM(debits_pending) <> SUM(credits_pending)", String.class);
        assertThat(unbalanced).as("currencies whose debits and credits differ").isEmpty();
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
