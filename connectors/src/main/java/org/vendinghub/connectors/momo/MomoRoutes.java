package org.vendinghub.connectors.momo;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * MoMo behind {@code direct:} endpoints, bodies from {@link MomoRecords}. Collections:
 * {@code direct:momo-request-to-pay} (RequestToPay → RequestToPayAck), {@code direct:momo-status}
 * (StatusQuery → PaymentStatus). Disbursement: {@code direct:momo-refund} (Refund → RefundAck),
 * {@code direct:momo-refund-status} (RefundStatusQuery → RefundStatus). One call each, no error handler: the caller's
 * policy owns retries.
 */
@Component
public class MomoRoutes extends RouteBuilder {

    private final MomoClient momo;
    private final MomoDisbursementClient disbursement;

    public MomoRoutes(MomoClient momo, MomoDisbursementClient disbursement) {
        this.momo = momo;
        this.disbursement = disbursement;
    }

    @Override
    public void configure() {
        from("direct:momo-request-to-pay").routeId("momo-request-to-pay").errorHandler(noErrorHandler())
                .bean(momo, "requestToPay").id("to-momo");
        from("direct:momo-status").routeId("momo-status").errorHandler(noErrorHandler())
                .bean(momo, "status").id("to-momo-status");
        from("direct:momo-refund").routeId("momo-refund").errorHandler(noErrorHandler())
                .bean(disbursement, "refund").id("to-momo-refund");
        from("direct:momo-refund-status").routeId("momo-refund-status").errorHandler(noErrorHandler())
                .bean(disbursement, "refundStatus").id("to-momo-refund-status");
    }
}
