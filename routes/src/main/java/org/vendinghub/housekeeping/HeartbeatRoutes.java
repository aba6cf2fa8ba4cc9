package org.vendinghub.housekeeping;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** Housekeeping that runs on every node from the start: a beat into the database and a round trip through Artemis. */
@Component
class HeartbeatRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:hub-heartbeat?period={{hub.heartbeat.period-ms}}&delay=1000")
                .routeId("hub-heartbeat")
                .bean(Heartbeat.class, "beat").id("record-beat")
                .to("jms:queue:hub.evt.heartbeat?timeToLive=60000").id("to-heartbeat-queue");

        from("jms:queue:hub.evt.heartbeat")
                .routeId("hub-heartbeat-in")
                .bean(Heartbeat.class, "returned(${body})").id("count-beat");
    }
}
