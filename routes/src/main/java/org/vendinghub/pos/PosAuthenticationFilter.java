package org.vendinghub.pos;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;

/**
 * Authenticates every request under /api/pos: first the terminal (HTTP Basic terminalId:secret and/or its TLS client
 * certificate), then, when the request carries {@value PosCaller#SESSION_HEADER}, the cashier's session on that
 * terminal. A refusal is answered here as an RFC 7807 problem with a code (401 credentials, 403 disabled). Hub users'
 * credentials mean nothing here: they are checked as terminal credentials and fail.
 */
class PosAuthenticationFilter extends OncePerRequestFilter {

    private final PosTerminalAuthentication terminals;
    private final PosSessions sessions;
    private final ObjectMapper json;

    PosAuthenticationFilter(PosTerminalAuthentication terminals, PosSessions sessions, ObjectMapper json) {
        this.terminals = terminals;
        this.sessions = sessions;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        PosCaller caller;
        try {
            String[] basic = basic(request.getHeader(HttpHeaders.AUTHORIZATION));
            PosTerminalAuthentication.Terminal t = terminals.authenticate(basic == null ? null : basic[0], basic == null ? null : basic[1],
                    tlsSubject(request));
            terminals.seen(t, request.getHeader(PosCaller.APP_VERSION_HEADER));
            if (t.wantedAppVersion() != null) {
                response.setHeader(PosCaller.WANTED_VERSION_HEADER, t.wantedAppVersion());
            }
            caller = PosCaller.terminal(t.pk(), t.terminalId(), t.vendorId());
            String session = request.getHeader(PosCaller.SESSION_HEADER);
            if (session != null && !session.isBlank()) {
                caller = sessions.resolve(caller, session.trim());
            }
        } catch (PosRefusedException e) {
            refuse(request, response, e);
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(caller, null, caller.signedIn()
                ? AuthorityUtils.createAuthorityList(PosCaller.TERMINAL, PosCaller.OPERATOR)
                : AuthorityUtils.createAuthorityList(PosCaller.TERMINAL)));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** {@code [id, secret]} of an HTTP Basic header, null without one; a malformed header is refused. */
    static String[] basic(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw PosRefusedException.unauthorized("BAD_TERMINAL_CREDENTIALS", "the Authorization header is not valid HTTP Basic");
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            throw PosRefusedException.unauthorized("BAD_TERMINAL_CREDENTIALS", "HTTP Basic must carry terminalId:secret");
        }
        return new String[]{decoded.substring(0, colon), decoded.substring(colon + 1)};
    }

    private static String tlsSubject(HttpServletRequest request) {
        Object certs = request.getAttribute("jakarta.servlet.request.X509Certificate");
        return certs instanceof X509Certificate[] chain && chain.length > 0 ? chain[0].getSubjectX500Principal().getName() : null;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, PosRefusedException e) throws IOException {
        response.setStatus(e.status().value());
        if (e.status() == HttpStatus.UNAUTHORIZED) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"vending-hub-pos\"");
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), PosProblems.of(e.status(), e.code(), e.getMessage(), request.getRequestURI()));
    }
}
