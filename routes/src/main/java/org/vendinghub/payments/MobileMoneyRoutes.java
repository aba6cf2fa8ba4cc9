package org.vendinghub.payments;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Mobile-money routes. Provider calls go through {@code mm-*} routes whose error policy (see
 * {@link MobileMoneyErrorPolicies}) is the one retry layer; the connectors' routes never retry.
 * <pre>
 * callback/API ─► MpesaPayments / MomoPayments ─► PAID ─► mm.cmd.vend ─► mm-payment-vend ─► VendService.vend
 * vend.cmd.compensate ─► vend-refund ─► Refunds ─► M-Pesa reversal (after a Transaction Status look-up of the receipt
 *                                              when needed) or MoMo Disbursement refund
 * timers: mm-mpesa-stk-query, mm-momo-poll, mm-refund-retry, mm-payment-resume
 * </pre>
 */
@Component
class MobileMoneyRoutes extends RouteBuilder {

    private final PaymentProperties properties;
    private final Clock clock;

    MobileMoneyRoutes(PaymentProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void configure() {
        from("direct:mm-mpesa-stk-push").routeId("mm-mpesa-stk-push").routeConfigurationId("mm-stk-push")
                .to("direct:mpesa-stk-push").id("call-mpesa-stk-push");
        from("direct:mm-mpesa-stk-status").routeId("mm-mpesa-stk-status").routeConfigurationId("mm-provider-call")
                .to("direct:mpesa-stk-query").id("call-mpesa-stk-query");
        from("direct:mm-mpesa-reversal").routeId("mm-mpesa-reversal").routeConfigurationId("mm-refund-call")
                .to("direct:mpesa-reversal").id("call-mpesa-reversal");
        from("direct:mm-mpesa-transaction-status").routeId("mm-mpesa-transaction-status").routeConfigurationId("mm-refund-call")
                .to("direct:mpesa-transaction-status").id("call-mpesa-transaction-status");
        from("direct:mm-mpesa-c2b-register").routeId("mm-mpesa-c2b-register").routeConfigurationId("mm-provider-call")
                .to("direct:mpesa-c2b-register").id("call-mpesa-c2b-register");
        from("direct:mm-momo-refund").routeId("mm-momo-refund").routeConfigurationId("mm-refund-call")
                .to("direct:momo-refund").id("call-momo-refund");
        from("direct:mm-momo-refund-status").routeId("mm-momo-refund-status").routeConfigurationId("mm-refund-call")
                .to("direct:momo-refund-status").id("call-momo-refund-status");
        from("direct:mm-momo-request-to-pay").routeId("mm-momo-request-to-pay").routeConfigurationId("mm-provider-call")
                .to("direct:momo-request-to-pay").id("call-momo-request-to-pay");
        from("direct:mm-momo-status").routeId("mm-momo-status").routeConfigurationId("mm-provider-call")
                .to("direct:momo-status").id("call-momo-status");

        // a paid payment becomes a vend; a failure rolls back and Artemis redelivers (3x, then DLQ.mm.cmd.vend)
        // not transacted: VendService.vend sends to vend.cmd.submit and waits for the reply, which a JMS transaction held
        // open on this thread would swallow until commit. CLIENT_ACKNOWLEDGE: acknowledged after success, recovered and
        // redelivered by Artemis after a failure.
        from("jms:queue:" + properties.vendQueue() + "?acknowledgementModeName=CLIENT_ACKNOWLEDGE")
                .routeId("mm-payment-vend")
                .removeHeaders("*", "JMS*")
                .bean(PaymentVending.class, "vend(${body})").id("vend-payment");

        // refund commands of the vend flow (persistent, redelivered by Artemis, DLQ.vend.cmd.compensate after 3)
        from("jms:queue:{{hub.vend.compensate-queue}}?transacted=true")
                .routeId("vend-refund")
                .removeHeaders("*", "VendId", "JMS*")
                .bean(Refunds.class, "onCompensate(${body})").id("refund-payment");

        long period = properties.pollPeriod().toMillis();
        String timer = "?period=" + period + "&delay=" + period;
        from("timer:mm-mpesa-stk-query" + timer).routeId("mm-mpesa-stk-query")
                .process(e -> e.getMessage().setBody(clock.instant()))
                .bean(MpesaPayments.class, "pollStk(${body})");
        from("timer:mm-momo-poll" + timer).routeId("mm-momo-poll")
                .process(e -> e.getMessage().setBody(clock.instant()))
                .bean(MomoPayments.class, "poll(${body})");
        from("timer:mm-refund-retry" + timer).routeId("mm-refund-retry")
                .process(e -> e.getMessage().setBody(clock.instant()))
                .bean(Refunds.class, "retryDue(${body})");
        from("timer:mm-payment-resume" + timer).routeId("mm-payment-resume")
                .bean(PaymentVending.class, "resume()");
    }
}
