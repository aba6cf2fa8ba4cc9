package org.vendinghub.pos;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.List;
import java.util.Map;

/** A POS terminal talking to the hub: its credentials on every call, and its cashier's session once signed in. */
final class PosClient {

    private final TestRestTemplate http;
    private final String base;
    private final String terminalId;
    private final String secret;
    private String session;
    private String appVersion;

    PosClient(TestRestTemplate http, String base, String terminalId, String secret) {
        this.http = http;
        this.base = base;
        this.terminalId = terminalId;
        this.secret = secret;
    }

    static PosClient of(TestRestTemplate http, String base, PosTestTerminals.Terminal t) {
        return new PosClient(http, base, t.terminalId(), t.secret());
    }

    /** Signs the terminal's cashier in with the right PIN; fails unless the hub answers a session. */
    PosClient signedIn(String cashier) {
        ResponseEntity<JsonNode> r = signIn(cashier, PosTestTerminals.PIN);
        if (r.getStatusCode().value() != 201) {
            throw new IllegalStateException(cashier + " could not sign in on " + terminalId + ": " + r.getBody());
        }
        session = r.getBody().get("sessionToken").asText();
        return this;
    }

    ResponseEntity<JsonNode> signIn(String cashier, String pin) {
        return post("/api/pos/v1/sessions", Map.of("cashier", cashier, "pin", pin));
    }

    PosClient withSession(String token) {
        session = token;
        return this;
    }

    PosClient reporting(String version) {
        appVersion = version;
        return this;
    }

    String session() {
        return session;
    }

    ResponseEntity<JsonNode> get(String path) {
        return http.exchange(base + path, HttpMethod.GET, new HttpEntity<>(headers()), JsonNode.class);
    }

    ResponseEntity<JsonNode> post(String path, Object body) {
        return http.exchange(base + path, HttpMethod.POST, new HttpEntity<>(body, headers()), JsonNode.class);
    }

    ResponseEntity<JsonNode> delete(String path) {
        return http.exchange(base + path, HttpMethod.DELETE, new HttpEntity<>(headers()), JsonNode.class);
    }

    /** A printable answer (receipt, report) as bytes, whatever its content type. */
    ResponseEntity<byte[]> bytes(String path) {
        HttpHeaders headers = headers();
        headers.setAccept(List.of(MediaType.ALL));
        return http.exchange(base + path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
    }

    ResponseEntity<JsonNode> vend(String clientRef, String meterNumber, long amountMinor) {
        return post("/api/pos/v1/vends", Map.of("clientRef", clientRef, "meterNumber", meterNumber,
                "amount", Map.of("amountMinor", amountMinor, "currency", "KES")));
    }

    private HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(terminalId, secret);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        if (session != null) {
            headers.set(PosCaller.SESSION_HEADER, session);
        }
        if (appVersion != null) {
            headers.set(PosCaller.APP_VERSION_HEADER, appVersion);
        }
        return headers;
    }
}
