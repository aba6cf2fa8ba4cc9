package org.vendinghub.vend;

import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;

/**
 * Error policy of the vend routes, in one place (STYLE §2.3a).
 * <ul>
 * <li>{@code vend-edge}: the JMS consumer. A refusal is an answer: it is recorded and replied, never retried. Anything
 * else is a bug or a crash: it propagates, the JMS transaction rolls back and Artemis redelivers (a few times, then
 * DLQ.vend.cmd.submit keeps the original message). No Camel redelivery on top: retries at one layer only.</li>
 * <li>{@code vend-saga}: no error handler at all inside the saga, so that a failure compensates and then reaches the
 * edge's policy unchanged (an error handler in the sub-route would mark the failure handled for the caller).</li>
 * </ul>
 */
@Component
class VendErrorPolicies extends RouteConfigurationBuilder {

    @Override
    public void configuration() {
        routeConfiguration("vend-edge")
                .onException(VendRejectedException.class)
                .handled(true)
                .maximumRedeliveries(0)
                .bean(VendSteps.class, "rejected(${header.VendId}, ${exception})").id("record-rejection")
                .to("direct:vend-after").id("to-vend-after-rejection");

        routeConfiguration("vend-saga").errorHandler(noErrorHandler());
    }
}
