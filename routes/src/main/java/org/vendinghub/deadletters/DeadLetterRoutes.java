package org.vendinghub.deadletters;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** Housekeeping of the dead-letter bookkeeping: failure records past their retention are deleted. */
@Component
class DeadLetterRoutes extends RouteBuilder {

    private final DeadLetterProperties properties;

    DeadLetterRoutes(DeadLetterProperties properties) {
        this.properties = properties;
    }

    @Override
    public void configure() {
        from("timer:dead-letters-failures-prune?delay=60000&period=" + properties.prunePeriod().toMillis())
                .routeId("dead-letters-failures-prune")
                .bean(DeadLetters.class, "forgetOldFailures").id("forget-old-failures");
    }
}
