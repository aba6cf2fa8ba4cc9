package org.vendinghub.payments;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * ONE WireMock per test JVM playing Daraja, MoMo and the SMS gateway (their paths do not overlap). The hub shares one
 * Spring context, so tests re-point its provider settings at {@link #baseUrl()} at run time instead of by properties.
 */
final class ProviderStubs {

    static final WireMockServer SERVER = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    static {
        SERVER.start();
        Runtime.getRuntime().addShutdownHook(new Thread(SERVER::stop));
    }

    private ProviderStubs() {
    }

    static String baseUrl() {
        return "http://localhost:" + SERVER.port();
    }

    /** Fresh stubs: Daraja and MoMo tokens (Collections and Disbursement), and an SMS gateway that accepts everything. */
    static void reset() {
        SERVER.resetAll();
        SERVER.stubFor(get(urlPathEqualTo("/oauth/v1/generate"))
                .willReturn(okJson("{\"access_token\":\"daraja-token\",\"expires_in\":\"3599\"}")));
        SERVER.stubFor(post(urlEqualTo("/collection/token/"))
                .willReturn(okJson("{\"access_token\":\"momo-token\",\"token_type\":\"access_token\",\"expires_in\":3600}")));
        SERVER.stubFor(post(urlEqualTo("/disbursement/token/"))
                .willReturn(okJson("{\"access_token\":\"momo-disbursement-token\",\"token_type\":\"access_token\",\"expires_in\":3600}")));
        SERVER.stubFor(post(urlEqualTo("/version1/messaging")).willReturn(okJson("""
                {"SMSMessageData":{"Message":"Sent to 1/1 Total Cost: KES 0.8000","Recipients":[{"statusCode":101,
                "number":"+254700000123","status":"Success","cost":"KES 0.8000","messageId":"ATXid_1","messageParts":1}]}}""")));
    }

    /** The SMS the hub asked the gateway to send to {@code phone}. */
    static List<LoggedRequest> smsTo(String phone) {
        return SERVER.findAll(postRequestedFor(urlEqualTo("/version1/messaging"))
                .withRequestBody(containing("to=" + java.net.URLEncoder.encode(phone, java.nio.charset.StandardCharsets.UTF_8))));
    }

    static int count(String method, String path) {
        return SERVER.findAll(new com.github.tomakehurst.wiremock.matching.RequestPatternBuilder(
                com.github.tomakehurst.wiremock.http.RequestMethod.fromString(method), urlPathEqualTo(path))).size();
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    static WireMock client() {
        return new WireMock(SERVER.port());
    }
}
