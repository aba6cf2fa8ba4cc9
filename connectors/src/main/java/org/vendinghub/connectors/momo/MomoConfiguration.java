package org.vendinghub.connectors.momo;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** Binds {@code hub.momo.*} and builds the one {@link MomoClient}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MomoProperties.class)
public class MomoConfiguration {

    @Bean
    public MomoClient momoClient(MomoSettings settings, ObjectProvider<Clock> clock) {
        return new MomoClient(settings, clock.getIfAvailable(Clock::systemUTC));
    }
}
