package org.vendinghub.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Duration;

/** How passwords are checked: bcrypt against MariaDB (Spring's DAO provider), behind a short cache of successes. */
@Configuration(proxyBeanMethods = false)
class CredentialCheckConfiguration {

    /**
     * The hub's one AuthenticationManager, made here rather than lazily by Spring Security on the first request: its
     * lazy one is built by whichever requests arrive first, and several at once (a client retrying against a hub that
     * is starting) could leave it broken with a NullPointerException for every later login. Events still go to the
     * publisher, so failed sign-ins count towards the lock-out.
     */
    @Bean
    AuthenticationManager authenticationManager(AuthenticationProvider hubAuthenticationProvider, AuthenticationEventPublisher events) {
        ProviderManager manager = new ProviderManager(hubAuthenticationProvider);
        manager.setAuthenticationEventPublisher(events);
        return manager;
    }

    @Bean
    AuthenticationProvider hubAuthenticationProvider(UserDetailsService users, PasswordEncoder encoder,
                                                     @Value("${hub.security.credential-cache-ttl:60s}") Duration ttl) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(encoder);
        dao.setUserDetailsService(users);
        return new VerifiedCredentialsCache(dao, ttl);
    }
}
