package org.vendinghub.vend;

import org.apache.camel.ExchangePattern;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;
import org.vendinghub.connectors.common.RejectedException;
import org.vendinghub.connectors.common.TransientException;

/**
 * Delivery of issued tokens (forward only) and the timers that make sure nothing is left behind: unfinished vends are
 * resumed, failed deliveries retried, expired reservations voided.
 */
@Component
class VendSafetyNetRoutes extends RouteBuilder {

    private final VendProperties vend;

    VendSafetyNetRoutes(VendProperties vend) {
        this.vend = vend;
    }

    @Override
    public void configure() {
        // transacted: a command that fails unexpectedly (a bug, the database away) is rolled back and delivered again by the
        // broker, then kept in DLQ.token.cmd.deliver; without it the command was acknowledged and gone
        from("jms:queue:{{hub.vend.deliver-queue}}?transacted=true&concurrentConsumers=2")
                .routeId("token-deliver").routeConfigurationId("vend-delivery")
                .setHeader(VendHeaders.VEND_ID, body())
                .bean(TokenDelivery.class, "sms").id("compose-sms")
                .filter(body().isNotNull())
                    .to("direct:sms-send").id("to-sms")
                .end()
                .setBody(header(VendHeaders.VEND_ID))
                .bean(TokenDelivery.class, "email").id("compose-email")
                .filter(body().isNotNull())
                    .to("direct:email-send").id("to-email")
                .end()
                .bean(TokenDelivery.class, "sent").id("record-delivery");

        from("timer:vend-recover?delay=5000&period=" + vend.recoveryPeriod().toMillis())
                .routeId("vend-recover")
                .bean(VendHousekeeping.class, "unfinished")
                .split(body())
                    .setHeader(VendHeaders.VEND_ID, simple("${body.id}"))
                    .process(e -> e.getMessage().setHeader(VendHeaders.GROUP,
                            VendHeaders.groupOf(e.getMessage().getBody(VendHousekeeping.VendRef.class).meterNumber())))
                    .setBody(header(VendHeaders.VEND_ID))
                    .to(ExchangePattern.InOnly, "jms:queue:{{hub.vend.submit-queue}}").id("to-vend-queue-again")
                    .bean(VendHousekeeping.class, "resubmitted").id("count-resubmission")
                .end();

        from("timer:token-deliver-retry?delay=5000&period=" + vend.recoveryPeriod().toMillis())
                .routeId("token-deliver-retry")
                .bean(VendHousekeeping.class, "deliveriesDue")
                .split(body())
                    .to(ExchangePattern.InOnly, "jms:queue:{{hub.vend.deliver-queue}}").id("to-token-deliver-again")
                .end();

        from("timer:ledger-pending-expire?delay=5000&period=" + vend.recoveryPeriod().toMillis())
                .routeId("ledger-pending-expire")
                .bean(VendHousekeeping.class, "expireReservations").id("expire-reservations");
    }

    /**
     * Delivery retries a transient gateway fault (timeout, 5xx, 429) at this node, the one layer that retries remote
     * calls: 3 more tries, 0.5 s, 1 s, 2 s apart. When they run out the delivery is FAILED and the token-deliver-retry
     * timer starts another round later (up to hub.vend.delivery-attempts-max rounds). A refusal (4xx, invalid number,
     * no gateway configured) is REJECTED at once and never retried.
     */
    @Component
    static class DeliveryErrorPolicy extends RouteConfigurationBuilder {
        @Override
        public void configuration() {
            routeConfiguration("vend-delivery")
                    .onException(TransientException.class)
                        .maximumRedeliveries(3).redeliveryDelay(500).useExponentialBackOff().maximumRedeliveryDelay(5000)
                        .handled(true)
                        .bean(TokenDelivery.class, "failed").id("record-delivery-failure")
                    .end()
                    .onException(RejectedException.class)
                        .handled(true)
                        .bean(TokenDelivery.class, "refused").id("record-delivery-refusal")
                    .end();
        }
    }
}
