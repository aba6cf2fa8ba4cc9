package org.vendinghub.connectors.mpesa;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** Binds {@code hub.mpesa.*} and builds the one {@link DarajaClient} the M-Pesa routes call. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MpesaProperties.class)
public class MpesaConfiguration {

    @Bean
    public DarajaClient darajaClient(MpesaSettings settings, org.springframework.beans.factory.ObjectProvider<Clock> clock) {
        return new DarajaClient(settings, clock.getIfAvailable(Clock::systemUTC));
    }
}
