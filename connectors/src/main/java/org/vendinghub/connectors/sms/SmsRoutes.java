package org.vendinghub.connectors.sms;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code direct:sms-send}: body {@link SmsMessage} in, {@link SmsReceipt} out; fails with
 * {@code RejectedException} or {@code TransientException}. No retries and no handling here: the calling
 * route's error policy owns both, at its own {@code to("direct:sms-send")} node.
 */
@Component
public class SmsRoutes extends RouteBuilder {

    private final SmsGateway gateway;

    public SmsRoutes(SmsGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public void configure() {
        from("direct:sms-send")
                .routeId("sms-send")
                .errorHandler(noErrorHandler())
                .removeHeaders("CamelHttp*")
                .bean(gateway, "send").id("to-sms-gateway");
    }
}
