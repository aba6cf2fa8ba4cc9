package org.vendinghub.payments;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded broker's settings for the queues mobile money consumes: few redeliveries (crash recovery, not retries),
 * then the message is kept in DLQ.&lt;queue&gt; for an operator. An external Artemis needs the same address-settings.
 */
@Configuration(proxyBeanMethods = false)
class MobileMoneyBroker {

    @Bean
    ArtemisConfigurationCustomizer mobileMoneyAddressSettings(PaymentProperties payments,
                                                              org.vendinghub.vend.VendProperties vend) {
        return configuration -> {
            for (String queue : new String[] {payments.vendQueue(), vend.compensateQueue()}) {
                configuration.addAddressSetting(queue, new AddressSettings()
                        .setMaxDeliveryAttempts(3)
                        .setRedeliveryDelay(1000)
                        .setDeadLetterAddress(SimpleString.of("DLQ." + queue))
                        .setAutoCreateDeadLetterResources(true));
            }
        };
    }
}
