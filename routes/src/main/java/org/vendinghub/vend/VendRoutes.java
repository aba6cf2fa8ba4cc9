package org.vendinghub.vend;

import org.apache.camel.ExchangePattern;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.SagaPropagation;
import org.springframework.stereotype.Component;
import org.vendinghub.housekeeping.NodeIdentity;

/**
 * One vend, end to end (ARCHITECTURE §2). Routes only route: every step is a method of {@link VendSteps}.
 * <pre>
 * edge ─► direct:vend-submit ─► vend.cmd.submit (grouped by meter) ─► vend-submit-in ─► vend-orchestrate (saga)
 *                                                                        reserve ─► issue (tokens + posted money)
 *                                                      failure ─► vend-compensate (void; refund command if captured)
 * </pre>
 */
@Component
class VendRoutes extends RouteBuilder {

    private final VendProperties vend;
    private final String replyQueue;

    VendRoutes(VendProperties vend, NodeIdentity node) {
        this.vend = vend;
        // one exclusive reply queue per node, correlated by message id: far cheaper than a temporary queue per request
        this.replyQueue = "vend.reply." + node.nodeId().replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    @Override
    public void configure() {
        from("direct:vend-submit")
                .routeId("vend-submit")
                .setHeader(VendHeaders.GROUP, header(VendHeaders.METER_NO))
                .to(ExchangePattern.InOut, "jms:queue:{{hub.vend.submit-queue}}"
                        + "?replyTo=" + replyQueue + "&replyToType=Exclusive&requestTimeout=" + vend.replyTimeout().toMillis()
                        // a vend command never expires: the channel stops waiting, but the vend it accepted is still made
                        + "&disableTimeToLive=true").id("to-vend-queue");

        // the reply is not persistent: a reply lost in a crash only makes the channel ask again with its reference
        from("jms:queue:{{hub.vend.submit-queue}}?transacted=true&concurrentConsumers={{hub.vend.consumers}}"
                + "&cacheLevelName=CACHE_CONSUMER&replyToDeliveryPersistent=false")
                .routeId("vend-submit-in").routeConfigurationId("vend-edge")
                .removeHeaders("*", VendHeaders.VEND_ID, VendHeaders.METER_NO, VendHeaders.GROUP, "JMS*")
                // every step resumes by the vend's state, so a redelivered vend (settled or not) runs the saga again safely
                .to("direct:vend-orchestrate").id("to-vend-orchestrate")
                .to("direct:vend-after").id("to-vend-after");

        from("direct:vend-orchestrate")
                .routeId("vend-orchestrate").routeConfigurationId("vend-saga")
                .saga().propagation(SagaPropagation.REQUIRES_NEW)
                    .option(VendHeaders.VEND_ID, header(VendHeaders.VEND_ID))
                    .compensation("direct:vend-compensate")
                    .bean(VendSteps.class, "reserve").id("ledger-reserve")
                    .bean(VendSteps.class, "issue").id("token-issue")
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
                .setBody(header(VendHeaders.VEND_ID));
    }
}
