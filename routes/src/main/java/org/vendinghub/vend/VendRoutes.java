package org.vendinghub.vend;

import org.apache.camel.ExchangePattern;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.SagaPropagation;
import org.springframework.stereotype.Component;

/**
 * One vend, end to end (ARCHITECTURE §2). Routes only route: every step is a method of {@link VendSteps}.
 * <pre>
 * edge ─► direct:vend-submit ─► vend.cmd.submit (grouped by meter) ─► vend-submit-in ─► vend-orchestrate (saga)
 *                                                       reserve ─► issue (tokens + posted money), one transaction
 *                                                      failure ─► vend-compensate (void; refund command if captured)
 *                                                      then vend-after ─► vend-reply (wakes the waiting channel)
 * </pre>
 */
@Component
class VendRoutes extends RouteBuilder {

    private final VendReplies replies;
    private final VendProperties vend;

    VendRoutes(VendReplies replies, VendProperties vend) {
        this.replies = replies;
        this.vend = vend;
    }

    @Override
    public void configure() {
        from("direct:vend-submit")
                .routeId("vend-submit")
                .process(e -> e.getMessage().setHeader(VendHeaders.GROUP,
                        VendHeaders.groupOf(e.getMessage().getHeader(VendHeaders.METER_NO, String.class)))).id("group-by-meter")
                // a vend command never expires: the channel may stop waiting, but the vend it accepted is still made
                .to(ExchangePattern.InOnly, "jms:queue:{{hub.vend.submit-queue}}?disableTimeToLive=true").id("to-vend-queue");

        // an idle consumer's receive that times out is a round trip to the broker (about 0.45 ms of CPU here): with 256
        // consumers, Spring's 1 s default kept an idle hub at 14-18 % of a core (5-9 % with 5 s)
        from("jms:queue:{{hub.vend.submit-queue}}?transacted=true&concurrentConsumers={{hub.vend.consumers}}"
                + "&cacheLevelName=CACHE_CONSUMER&receiveTimeout=" + vend.consumerReceiveTimeout().toMillis())
                .routeId("vend-submit-in").routeConfigurationId("vend-edge")
                .removeHeaders("*", VendHeaders.VEND_ID, VendHeaders.METER_NO, VendHeaders.GROUP, VendHeaders.REPLY_TO, "JMS*")
                // every step resumes by the vend's state, so a redelivered vend (settled or not) runs the saga again safely
                .to("direct:vend-orchestrate").id("to-vend-orchestrate")
                .to("direct:vend-after").id("to-vend-after");

        from("direct:vend-orchestrate")
                .routeId("vend-orchestrate").routeConfigurationId("vend-saga")
                .saga().propagation(SagaPropagation.REQUIRES_NEW)
                    .option(VendHeaders.VEND_ID, header(VendHeaders.VEND_ID))
                    .compensation("direct:vend-compensate")
                    .bean(VendSteps.class, "reserveAndIssue").id("reserve-and-issue")
                .end();

        from("direct:vend-compensate")
                .routeId("vend-compensate")
                .bean(VendSteps.class, "compensate").id("ledger-release");

        // after the saga, whatever its outcome: a refund command if a provider holds the money, delivery if issued,
        // and the reply (the vend id) for the waiting channel
        from("direct:vend-after")
                .routeId("vend-after")
                .setBody(header(VendHeaders.VEND_ID))
                .bean(VendSteps.class, "settle").id("vend-settle")
                .filter(header(VendHeaders.REFUND_DUE))
                    .to(ExchangePattern.InOnly, "jms:queue:{{hub.vend.compensate-queue}}").id("to-refund-queue")
                .end()
                .filter(header(VendHeaders.DELIVERY_DUE))
                    .to(ExchangePattern.InOnly, "jms:queue:{{hub.vend.deliver-queue}}").id("to-token-deliver")
                .end()
                .setBody(header(VendHeaders.VEND_ID))
                .to("direct:vend-reply").id("to-vend-reply");

        // the waiting channel's node is told: itself in memory, another node on its reply queue (never persistent, and
        // gone when nobody could still be waiting)
        from("direct:vend-reply")
                .routeId("vend-reply")
                .choice()
                    .when(method(VendReplies.class, "isLocal"))
                        .bean(VendReplies.class, "complete").id("reply-local")
                    .when(header(VendHeaders.REPLY_TO).regex("[A-Za-z0-9_.-]{1,100}"))
                        .toD("jms:queue:vend.reply.${header." + VendHeaders.REPLY_TO + "}?exchangePattern=InOnly"
                                + "&deliveryPersistent=false&timeToLive=" + vend.replyTimeout().toMillis()).id("to-reply-queue")
                .end();

        from("jms:queue:" + replies.replyQueue())
                .routeId("vend-reply-in")
                .removeHeaders("*", VendHeaders.VEND_ID)
                .bean(VendReplies.class, "complete").id("reply-remote");
    }
}
