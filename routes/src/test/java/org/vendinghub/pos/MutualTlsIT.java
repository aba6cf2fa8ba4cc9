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

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
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
    private static final String XMLVEND_TERMINAL = "POS-0042";
    private static final String XMLVEND_OPERATOR = "HUBOP01";
    private static final String XMLVEND_PASSWORD = "op-password-1";
    private static final String BASE_NS = "http://www.nrs.eskom.co.za/xmlvend/base/2.1/schema";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

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

        assertThat(subject(TILL_7)).as("RFC 2253, as the README says to register it").isEqualTo("CN=till-7,O=Test Vendor");
        assertThat(withCertificate.statusCode()).as(withCertificate.body()).isEqualTo(200);
        assertThat(body(withCertificate).get("terminalId").asText()).isEqualTo(terminalId);
        assertThat(body(withCertificate).get("vendorId").asLong()).isEqualTo(vendorId);
        assertThat(without.statusCode()).isEqualTo(401);
        assertThat(body(without).get("code").asText()).isEqualTo("TERMINAL_CREDENTIALS_REQUIRED");
    }

    @Test
    void a_client_without_a_certificate_still_connects_because_client_auth_is_only_wanted() throws Exception {
        HttpResponse<String> health = get(anonymous(), "/actuator/health", null);

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(body(health).get("status").asText()).isEqualTo("UP");
    }

    @Test
    void a_terminal_with_a_secret_and_a_certificate_needs_both() throws Exception {
        long vendorId = terminals.vendor(0);
        String terminalId = "TLS" + Fixtures.next();
        String secret = terminalAdmin.register(vendorId, terminalId, "Both till", subject(TILL_8), true, null, "test").secret();

        HttpResponse<String> both = get(client(TILL_8), "/api/pos/v1/terminal", basic(terminalId, secret));
        HttpResponse<String> secretOnly = get(anonymous(), "/api/pos/v1/terminal", basic(terminalId, secret));
        HttpResponse<String> anotherCertificate = get(client(TILL_7), "/api/pos/v1/terminal", basic(terminalId, secret));
        HttpResponse<String> certificateOnly = get(client(TILL_8), "/api/pos/v1/terminal", null);

        assertThat(both.statusCode()).as(both.body()).isEqualTo(200);
        assertThat(body(both).get("terminalId").asText()).isEqualTo(terminalId);
        assertThat(secretOnly.statusCode()).isEqualTo(401);
        assertThat(body(secretOnly).get("code").asText()).isEqualTo("CLIENT_CERTIFICATE_REQUIRED");
        assertThat(anotherCertificate.statusCode()).isEqualTo(401);
        assertThat(body(anotherCertificate).get("code").asText()).isEqualTo("CLIENT_CERTIFICATE_REQUIRED");
        assertThat(certificateOnly.statusCode()).isEqualTo(401);
        assertThat(body(certificateOnly).get("code").asText()).isEqualTo("TERMINAL_CREDENTIALS_REQUIRED");
    }

    @Test
    void an_untrusted_certificate_is_not_even_offered_by_a_jdk_client_so_the_request_arrives_without_one() throws Exception {
        long vendorId = terminals.vendor(0);
        terminalAdmin.register(vendorId, "TLS" + Fixtures.next(), "Stranger till", subject(STRANGER), false, null, "test");

        HttpResponse<String> response = get(client(STRANGER), "/api/pos/v1/terminal", null);

        // the hub names the issuers it trusts; the JDK's key manager has no certificate from them, so it sends none
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(body(response).get("code").asText()).isEqualTo("TERMINAL_CREDENTIALS_REQUIRED");
    }

    @Test
    void an_untrusted_certificate_presented_anyway_fails_the_handshake_even_though_client_auth_is_only_wanted() {
        SSLContext tls = keys.context(new KeyManager[]{presentingAlways(STRANGER)}, CLIENT_TRUST);

        Throwable refused = catchThrowable(() -> get(httpClient(tls), "/api/pos/v1/terminal", null));

        // Tomcat checks the certificate against its trust store even under "want", and refuses the handshake
        assertThat(refused).isInstanceOf(IOException.class).hasStackTraceContaining("certificate_unknown");
    }

    @Test
    void an_xmlvend_client_bound_to_the_certificate_is_served_over_the_handshake_and_refused_with_a_fault_without_it() throws Exception {
        String ean = String.format("61%011d", Fixtures.next());
        xmlVendClients.register(ean, terminals.vendor(0), "TLS gateway " + ean, Set.of(), subject(TILL_7));
        xmlVendClients.addTerminal(ean, XMLVEND_TERMINAL);
        xmlVendClients.setOperator(ean, XMLVEND_OPERATOR, XMLVEND_PASSWORD);
        String meterNumber = fixture.meter().meterNumber();

        HttpResponse<String> withCertificate = post(client(TILL_7), "/services/xmlvend", confirmCustomer(ean, meterNumber));
        HttpResponse<String> without = post(anonymous(), "/services/xmlvend", confirmCustomer(ean, meterNumber));

        assertThat(withCertificate.statusCode()).as(withCertificate.body()).isEqualTo(200);
        assertThat(withCertificate.body()).contains("confirmCustomerResp").contains(meterNumber);
        assertThat(without.statusCode()).isEqualTo(500);
        assertThat(faultType(without.body())).isEqualTo("ClientIDAuthorisationEx");
        assertThat(without.body()).contains("TLS client certificate").doesNotContain("at org.").doesNotContain("Exception:");
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

    private HttpResponse<String> post(HttpClient client, String path, String soap) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "text/xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(soap)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The sample confirmCustomerReq for this client and meter, with the operator registered above. */
    private static String confirmCustomer(String ean, String meterNumber) throws IOException {
        String sample = new String(new ClassPathResource("xmlvend21/confirmCustomerReq.xml").getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);
        return sample.replace("6001234500017", ean).replace("01234567897", meterNumber)
                .replace("730014", Long.toString(Fixtures.next())).replace("POS-0042", XMLVEND_TERMINAL)
                .replace("HUBOP01", XMLVEND_OPERATOR).replace("not-a-real-pw", XMLVEND_PASSWORD);
    }

    /** The xsi:type of the XMLVend fault in a SOAP fault's detail, e.g. ClientIDAuthorisationEx. */
    private static String faultType(String soap) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(soap.getBytes(StandardCharsets.UTF_8)));
        Element fault = (Element) document.getElementsByTagNameNS(BASE_NS, "fault").item(0);
        assertThat(fault).as("an XMLVend fault in " + soap).isNotNull();
        String type = fault.getAttributeNS(XSI, "type");
        return type.substring(type.indexOf(':') + 1);
    }

    /**
     * A key manager that presents {@code alias} whatever issuers the server names, as a client outside the JDK may do:
     * the JDK's own withholds a certificate that no issuer the server trusts has signed.
     */
    private static X509ExtendedKeyManager presentingAlways(String alias) {
        X509KeyManager keyManager;
        try {
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keys.load(alias), TlsKeyMaterial.PASSWORD.toCharArray());
            keyManager = (X509KeyManager) factory.getKeyManagers()[0];
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return new X509ExtendedKeyManager() {
            @Override
            public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
                return alias;
            }

            @Override
            public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
                return alias;
            }

            @Override
            public X509Certificate[] getCertificateChain(String name) {
                return keyManager.getCertificateChain(name);
            }

            @Override
            public PrivateKey getPrivateKey(String name) {
                return keyManager.getPrivateKey(name);
            }

            @Override
            public String[] getClientAliases(String keyType, Principal[] issuers) {
                return new String[]{alias};
            }

            @Override
            public String[] getServerAliases(String keyType, Principal[] issuers) {
                return null;
            }

            @Override
            public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
                return null;
            }
        };
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
