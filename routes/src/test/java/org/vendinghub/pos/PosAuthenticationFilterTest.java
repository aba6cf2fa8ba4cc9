package org.vendinghub.pos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import javax.security.auth.x500.X500Principal;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class PosAuthenticationFilterTest {

    private static final PosTerminalAuthentication.Terminal TERMINAL = new PosTerminalAuthentication.Terminal(7, "POS-0042", 3, null,
            "CN=POS-0042,O=Corner Shop", true, null, "2.5.0", "2.4.1", null, true, null);

    private final PosTerminalAuthentication terminals = mock(PosTerminalAuthentication.class);
    private final PosSessions sessions = mock(PosSessions.class);
    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();
    private final PosAuthenticationFilter filter = new PosAuthenticationFilter(terminals, sessions, json);

    @Test
    void a_terminal_with_its_client_certificate_and_no_basic_header_is_authenticated_by_the_certificate_subject() throws Exception {
        X509Certificate certificate = mock(X509Certificate.class);
        when(certificate.getSubjectX500Principal()).thenReturn(new X500Principal("CN=POS-0042, O=Corner Shop"));
        when(terminals.authenticate(null, null, "CN=POS-0042,O=Corner Shop")).thenReturn(TERMINAL);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/pos/v1/terminal");
        request.setAttribute("jakarta.servlet.request.X509Certificate", new X509Certificate[]{certificate});
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<Authentication> seen = new AtomicReference<>();

        filter.doFilter(request, response, (req, res) -> seen.set(SecurityContextHolder.getContext().getAuthentication()));

        assertThat(seen.get().getPrincipal()).isEqualTo(PosCaller.terminal(7, "POS-0042", 3));
        assertThat(seen.get().getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("POS_TERMINAL");
        assertThat(response.getHeader(PosCaller.WANTED_VERSION_HEADER)).isEqualTo("2.5.0");
        assertThat(SecurityContextHolder.getContext().getAuthentication()).as("cleared after the request").isNull();
    }

    @Test
    void a_valid_cashier_session_adds_the_operator_authority() throws Exception {
        when(terminals.authenticate(eq("POS-0042"), eq("s3cret"), any())).thenReturn(TERMINAL);
        PosCaller jane = new PosCaller(7, "POS-0042", 3, 11L, "jane", "Jane", "hash");
        when(sessions.resolve(PosCaller.terminal(7, "POS-0042", 3), "token-1")).thenReturn(jane);
        MockHttpServletRequest request = basic("POS-0042:s3cret");
        request.addHeader(PosCaller.SESSION_HEADER, "token-1");
        AtomicReference<Authentication> seen = new AtomicReference<>();

        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> seen.set(SecurityContextHolder.getContext().getAuthentication()));

        assertThat(seen.get().getPrincipal()).isEqualTo(jane);
        assertThat(seen.get().getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("POS_TERMINAL", "POS_OPERATOR");
    }

    @Test
    void a_refusal_is_answered_as_a_problem_with_its_code_and_the_request_goes_no_further() throws Exception {
        when(terminals.authenticate(eq("POS-0042"), eq("wrong"), any()))
                .thenThrow(PosRefusedException.unauthorized("BAD_TERMINAL_CREDENTIALS", "terminal POS-0042 is not registered or its secret is wrong"));
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<Boolean> passed = new AtomicReference<>(false);

        filter.doFilter(basic("POS-0042:wrong"), response, (req, res) -> passed.set(true));

        assertThat(passed.get()).isFalse();
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = json.readTree(response.getContentAsString());
        assertThat(problem.get("code").asText()).isEqualTo("BAD_TERMINAL_CREDENTIALS");
        assertThat(problem.get("instance").asText()).isEqualTo("/api/pos/v1/terminal");
        assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Basic realm=\"vending-hub-pos\"");
    }

    @Test
    void a_malformed_basic_header_is_a_401_not_an_error() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/pos/v1/terminal");
        request.addHeader("Authorization", "Basic %%%not-base64");
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, (req, res) -> { });

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(json.readTree(response.getContentAsString()).get("code").asText()).isEqualTo("BAD_TERMINAL_CREDENTIALS");
    }

    private static MockHttpServletRequest basic(String credentials) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/pos/v1/terminal");
        request.addHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        return request;
    }
}
