package org.vendinghub.connectors.momo;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * MoMo Collections behind {@code direct:} endpoints, bodies from {@link MomoRecords}:
 * {@code direct:momo-request-to-pay} (RequestToPay → RequestToPayAck) and {@code direct:momo-status}
 * (StatusQuery → PaymentStatus). One call each, no error handler: the caller's policy owns retries.
 */
@Component
public class MomoRoutes extends RouteBuilder {

    private final MomoClient momo;

    public MomoRoutes(MomoClient momo) {
        this.momo = momo;
    }

    @Override
    public void configure() {
        from("direct:momo-request-to-pay").routeId("momo-request-to-pay").errorHandler(noErrorHandler())
                .bean(momo, "requestToPay").id("to-momo");
        from("direct:momo-status").routeId("momo-status").errorHandler(noErrorHandler())
                .bean(momo, "status").id("to-momo-status");
    }
}
