package org.vendinghub.connectors.email;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Binds {@code hub.email.*} and builds the one {@link SmtpMailer} the {@code email-send} route calls. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmailProperties.class)
public class EmailConfiguration {

    @Bean
    public SmtpMailer smtpMailer(EmailProperties properties) {
        return new SmtpMailer(properties);
    }
}
