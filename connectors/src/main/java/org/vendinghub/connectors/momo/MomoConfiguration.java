package org.vendinghub.connectors.momo;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** Binds {@code hub.momo.*} and builds the MoMo clients: Collections and Disbursement, over one {@link MomoGateway}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MomoProperties.class)
public class MomoConfiguration {

    @Bean
    public MomoGateway momoGateway(MomoSettings settings, ObjectProvider<Clock> clock) {
        return new MomoGateway(settings, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    public MomoClient momoClient(MomoGateway gateway) {
        return new MomoClient(gateway);
    }

    @Bean
    public MomoDisbursementClient momoDisbursementClient(MomoGateway gateway) {
        return new MomoDisbursementClient(gateway);
    }
}
