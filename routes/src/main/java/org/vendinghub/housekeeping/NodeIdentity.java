package org.vendinghub.housekeeping;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.vendinghub.platform.HubProperties;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** This node's name: hub.node-id, or host name and port, so that two nodes on one machine differ. */
@Component
public class NodeIdentity {

    private final String nodeId;

    NodeIdentity(HubProperties hub, Environment env) {
        this.nodeId = hub.nodeId().isBlank() ? hostName() + ":" + env.getProperty("server.port", "8080") : hub.nodeId();
    }

    public String nodeId() {
        return nodeId;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
