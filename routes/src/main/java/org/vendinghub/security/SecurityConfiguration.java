package org.vendinghub.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.metrics.export.prometheus.PrometheusScrapeEndpoint;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.Set;

/**
 * Everything needs a signed-in user except health, the login page and static assets. API clients use HTTP
 * Basic; browsers get the login form. Permissions are checked on the server per URL here and per method with
 * {@code @PreAuthorize} in the controllers.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(ConsoleSecurityProperties.class)
class SecurityConfiguration {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Bean
    SecurityFilterChain hubSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
                        .requestMatchers("/login", "/error", "/favicon.ico", "/webjars/**", "/css/**", "/js/**").permitAll()
                        // Mobile-money providers cannot sign in: their callbacks carry a path secret and an optional IP
                        // allow-list, checked by org.vendinghub.payments.MobileMoneyCallbacks (wrong secret: 404)
                        .requestMatchers("/callbacks/mpesa/*/**", "/callbacks/paybill/*/**", "/callbacks/momo/*/**").permitAll()
                        .requestMatchers(EndpointRequest.to(PrometheusScrapeEndpoint.class)).hasAuthority(Permission.VIEW_METRICS.name())
                        .requestMatchers("/actuator/hawtio/**", "/actuator/jolokia/**").hasAuthority(Permission.VIEW_ROUTES.name())
                        .anyRequest().authenticated())
                // browsers (page loads and htmx requests) go to the login page, saying when their session expired and
                // coming back to the console page they were on; API clients keep getting the Basic challenge
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(SignInRedirects.entryPoint(), SignInRedirects.htmxRequest())
                        .defaultAuthenticationEntryPointFor(SignInRedirects.entryPoint(), SignInRedirects.pageRequest()))
                .httpBasic(basic -> basic.realmName("vending-hub"))
                // our own login page (org.vendinghub.console.LoginController); fields username, password, _csrf, next
                .formLogin(form -> form.loginPage("/login").permitAll()
                        .successHandler(SignInRedirects.successHandler()).failureHandler(SignInRedirects.failureHandler()))
                // without its session cookie a signed-out browser is not told later that its session "expired"
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").deleteCookies("JSESSIONID"))
                .csrf(csrf -> csrf
                        // Hawtio's Jolokia client sends the token back from the XSRF-TOKEN cookie as X-XSRF-TOKEN
                        .csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(browserStateChange()))
                .addFilterAfter(new CsrfCookieFilter(), BasicAuthenticationFilter.class);
        return http.build();
    }

    /**
     * CSRF protects cookie sessions. A request that brings its own Authorization header cannot be forged by
     * another site (browsers never add that header cross-site without a CORS pre-flight we do not allow).
     */
    private static RequestMatcher browserStateChange() {
        return (HttpServletRequest request) -> !SAFE_METHODS.contains(request.getMethod())
                && request.getHeader("Authorization") == null
                && !request.getRequestURI().startsWith("/callbacks/"); // provider callbacks: no session, no cookie
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder(); // bcrypt, upgradable per hash
    }
}
