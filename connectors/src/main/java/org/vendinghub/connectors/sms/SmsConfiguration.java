package org.vendinghub.connectors.sms;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Binds {@code hub.sms.*} and builds the one {@link SmsGateway} the {@code sms-send} route calls. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SmsProperties.class)
public class SmsConfiguration {

    @Bean
    public SmsGateway smsGateway(SmsProperties properties) {
        return new SmsGateway(properties);
    }
}
