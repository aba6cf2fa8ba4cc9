package org.vendinghub.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Spring Security makes CSRF tokens lazily, so the XSRF-TOKEN cookie would only appear once a server-rendered form
 * asked for it. Hawtio is a single-page app that reads the cookie itself: touch the token on every browser request so
 * the cookie is always there (and renewed after sign-in). Not for a request that brings its own Authorization header:
 * CSRF does not apply to it ({@link SecurityConfiguration}), and API clients keep no cookies, so each of their
 * responses carried a fresh token in a Set-Cookie nobody would read.
 */
class CsrfCookieFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getHeader("Authorization") == null && request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            token.getToken();
        }
        chain.doFilter(request, response);
    }
}
