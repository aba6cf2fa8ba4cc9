package org.vendinghub.payments;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/** Calls the provider routes (which own the retries) and hands back the connector's own exception. */
@Component
class ProviderCalls {

    private final ProducerTemplate producer;

    ProviderCalls(ProducerTemplate producer) {
        this.producer = producer;
    }

    <T> T call(String endpoint, Object body, Class<T> answer) {
        try {
            return producer.requestBody(endpoint, body, answer);
        } catch (CamelExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    void send(String endpoint, Object body) {
        producer.sendBody(endpoint, body);
    }
}
