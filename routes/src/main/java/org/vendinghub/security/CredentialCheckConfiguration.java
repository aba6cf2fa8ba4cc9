package org.vendinghub.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Duration;

/** How passwords are checked: bcrypt against MariaDB (Spring's DAO provider), behind a short cache of successes. */
@Configuration(proxyBeanMethods = false)
class CredentialCheckConfiguration {

    @Bean
    AuthenticationProvider hubAuthenticationProvider(UserDetailsService users, PasswordEncoder encoder,
                                                     @Value("${hub.security.credential-cache-ttl:60s}") Duration ttl) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(encoder);
        dao.setUserDetailsService(users);
        return new VerifiedCredentialsCache(dao, ttl);
    }
}
