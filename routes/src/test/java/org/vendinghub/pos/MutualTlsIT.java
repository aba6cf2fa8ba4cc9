package org.vendinghub.pos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.vendinghub.VendingHubApplication;
import org.vendinghub.ledger.testsupport.Fixtures;
import org.vendinghub.support.TestDirectories;
import org.vendinghub.support.TlsKeyMaterial;
import org.vendinghub.support.VendFixture;
import org.vendinghub.xmlvend.XmlVendClients;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Client certificates through a real TLS handshake with Tomcat (HTTPS, {@code server.ssl.client-auth=want}), not a
 * request attribute set by hand. The hub runs in a context of its own (the other ITs share one over plain HTTP), so
 * every TLS test belongs in this class. The key material is made by keytool when the context starts.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(classes = VendingHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "hub.data-dir=" + MutualTlsIT.DATA_DIR,
                "hub.bootstrap.admin-password=Test-Admin-Password-1"})
class MutualTlsIT {

    static final String DATA_DIR = "target/test-hub-data-tls";
    private static final String SERVER = "server";
    private static final String SERVER_TRUST = "server-trust";
    private static final String CLIENT_TRUST = "client-trust";
    /** Trusted by the hub; the certificate-only terminal and the XMLVend client are bound to it. */
    private static final String TILL_7 = "till-7";
    /** Trusted by the hub; bound to the terminal that also has a secret. */
    private static final String TILL_8 = "till-8";
    /** Not in the hub's trust store. */
    private static final String STRANGER = "stranger";

    private static TlsKeyMaterial keys;

    static {
        TestDirectories.wipe(Path.of(DATA_DIR));
    }

    @DynamicPropertySource
    static void https(DynamicPropertyRegistry registry) {
        keys = new TlsKeyMaterial(TestDirectories.fresh("test-tls-keys"));
        keys.keyPair(SERVER, "CN=localhost", "SAN=dns:localhost,ip:127.0.0.1");
        keys.keyPair(TILL_7, "CN=till-7,O=Test Vendor");
        keys.keyPair(TILL_8, "CN=till-8,O=Test Vendor");
        keys.keyPair(STRANGER, "CN=till-9,O=Unknown Vendor");
        keys.trustStore(SERVER_TRUST, TILL_7, TILL_8);
        keys.trustStore(CLIENT_TRUST, SERVER);
        registry.add("server.ssl.enabled", () -> "true");
        registry.add("server.ssl.key-store", () -> "file:" + keys.keyStore(SERVER).toAbsolutePath());
        registry.add("server.ssl.key-store-password", () -> TlsKeyMaterial.PASSWORD);
        registry.add("server.ssl.key-store-type", () -> TlsKeyMaterial.TYPE);
        registry.add("server.ssl.trust-store", () -> "file:" + keys.keyStore(SERVER_TRUST).toAbsolutePath());
        registry.add("server.ssl.trust-store-password", () -> TlsKeyMaterial.PASSWORD);
        registry.add("server.ssl.trust-store-type", () -> TlsKeyMaterial.TYPE);
        registry.add("server.ssl.client-auth", () -> "want");
    }

    @LocalServerPort
    int port;
    @Autowired
    PosTestTerminals terminals;
    @Autowired
    PosTerminals terminalAdmin;
    @Autowired
    XmlVendClients xmlVendClients;
    @Autowired
    VendFixture fixture;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void a_terminal_registered_with_the_certificate_subject_is_known_by_the_handshake_alone_and_refused_without_it() throws Exception {
        long vendorId = terminals.vendor(0);
        String terminalId = "TLS" + Fixtures.next();
        terminalAdmin.register(vendorId, terminalId, "Certificate till", subject(TILL_7), false, null, "test");

        HttpResponse<String> withCertificate = get(client(TILL_7), "/api/pos/v1/terminal", null);
        HttpResponse<String> without = get(anonymous(), "/api/pos/v1/terminal", null);

        assertThat(withCertificate.statusCode()).as(withCertificate.body()).isEqualTo(200);
        assertThat(body(withCertificate).get("terminalId").asText()).isEqualTo(terminalId);
        assertThat(body(withCertificate).get("vendorId").asLong()).isEqualTo(vendorId);
        assertThat(without.statusCode()).isEqualTo(401);
        assertThat(body(without).get("code").asText()).isEqualTo("TERMINAL_CREDENTIALS_REQUIRED");
    }

    @Test
    void a_terminal_with_a_secret_and_a_certificate_needs_both() throws Exception {
        long vendorId = terminals.vendor(0);
        String terminalId = "TLS" + Fixtures.next();
        String secret = terminalAdmin.register(vendorId, terminalId, "Both till", subject(TILL_8), true, null, "test").secret();

        HttpResponse<String> both = get(client(TILL_8), "/api/pos/v1/terminal", basic(terminalId, secret));
        HttpResponse<String> secretOnly = get(anonymous(), "/api/pos/v1/terminal", basic(terminalId, secret));
        HttpResponse<String> anotherCertificate = get(client(TILL_7), "/api/pos/v1/terminal", basic(terminalId, secret));

        assertThat(both.statusCode()).as(both.body()).isEqualTo(200);
        assertThat(body(both).get("terminalId").asText()).isEqualTo(terminalId);
        assertThat(secretOnly.statusCode()).isEqualTo(401);
        assertThat(body(secretOnly).get("code").asText()).isEqualTo("CLIENT_CERTIFICATE_REQUIRED");
        assertThat(anotherCertificate.statusCode()).isEqualTo(401);
        assertThat(body(anotherCertificate).get("code").asText()).isEqualTo("CLIENT_CERTIFICATE_REQUIRED");
    }

    private String subject(String alias) {
        return keys.certificate(alias).getSubjectX500Principal().getName();
    }

    private HttpClient client(String alias) {
        return httpClient(keys.clientContext(alias, CLIENT_TRUST));
    }

    private HttpClient anonymous() {
        return httpClient(keys.anonymousContext(CLIENT_TRUST));
    }

    private static HttpClient httpClient(SSLContext tls) {
        return HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(30)).build();
    }

    private HttpResponse<String> get(HttpClient client, String path, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", "application/json, application/problem+json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("https://localhost:" + port + path);
    }

    private static String basic(String user, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode body(HttpResponse<String> response) throws IOException {
        return json.readTree(response.body());
    }
}
