package org.vendinghub.pos;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * The POS terminal API has its own security filter chain: terminals and their cashiers are not hub users, and a hub
 * user's credentials do not open it. Stateless (no cookies, so no CSRF), one filter that authenticates the terminal
 * and the cashier's session, and {@code @PreAuthorize} on every handler (POS_TERMINAL or POS_OPERATOR).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PosProperties.class)
class PosSecurityConfiguration {

    static final String PATH = "/api/pos/**";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 21)
    SecurityFilterChain posSecurity(HttpSecurity http, PosTerminalAuthentication terminals, PosSessions sessions, ObjectMapper json)
            throws Exception {
        http.securityMatcher(PATH)
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .csrf(csrf -> csrf.disable()) // no cookies or sessions: every request brings its own credentials
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .addFilterAt(new PosAuthenticationFilter(terminals, sessions, json), BasicAuthenticationFilter.class);
        return http.build();
    }
}
