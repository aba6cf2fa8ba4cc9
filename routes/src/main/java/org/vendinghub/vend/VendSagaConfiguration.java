package org.vendinghub.vend;

import org.apache.camel.saga.InMemorySagaService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The saga EIP's coordinator. In-memory is enough: the ledger is the durable state machine (a pending transfer that
 * nobody resolves expires and is swept), and the recovery route resumes vends a crash left behind.
 */
@Configuration(proxyBeanMethods = false)
class VendSagaConfiguration {

    @Bean
    InMemorySagaService sagaService() {
        return new InMemorySagaService();
    }
}
