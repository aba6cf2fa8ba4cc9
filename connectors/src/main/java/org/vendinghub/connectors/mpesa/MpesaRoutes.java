package org.vendinghub.connectors.mpesa;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Daraja behind {@code direct:} endpoints, bodies from {@link MpesaRecords}:
 * {@code direct:mpesa-stk-push} (StkPush → StkPushAck), {@code direct:mpesa-stk-query} (StkQuery → StkQueryResult),
 * {@code direct:mpesa-reversal} (Reversal → ReversalAck), {@code direct:mpesa-transaction-status}
 * (TransactionStatusQuery → TransactionStatusAck), {@code direct:mpesa-c2b-register} (C2bUrls → C2bRegistration). Each call is made once with no error handler: the calling
 * route's policy retries {@code TransientException}s at its own node (retry at exactly one layer).
 */
@Component
public class MpesaRoutes extends RouteBuilder {

    private final DarajaClient daraja;

    public MpesaRoutes(DarajaClient daraja) {
        this.daraja = daraja;
    }

    @Override
    public void configure() {
        from("direct:mpesa-stk-push").routeId("mpesa-stk-push").errorHandler(noErrorHandler())
                .bean(daraja, "stkPush").id("to-daraja");
        from("direct:mpesa-stk-query").routeId("mpesa-stk-query").errorHandler(noErrorHandler())
                .bean(daraja, "stkQuery").id("to-daraja-query");
        from("direct:mpesa-reversal").routeId("mpesa-reversal").errorHandler(noErrorHandler())
                .bean(daraja, "reversal").id("to-daraja-reversal");
        from("direct:mpesa-transaction-status").routeId("mpesa-transaction-status").errorHandler(noErrorHandler())
                .bean(daraja, "transactionStatus").id("to-daraja-transaction-status");
        from("direct:mpesa-c2b-register").routeId("mpesa-c2b-register").errorHandler(noErrorHandler())
                .bean(daraja, "registerC2bUrls").id("to-daraja-c2b-register");
    }
}
