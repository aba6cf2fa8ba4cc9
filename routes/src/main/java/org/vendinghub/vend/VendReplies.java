package org.vendinghub.vend;

import org.apache.camel.Header;
import org.springframework.stereotype.Component;
import org.vendinghub.housekeeping.NodeIdentity;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The answer to a channel waiting for its vend. The command goes to vend.cmd.submit with the name of the node whose
 * channel waits ({@link VendHeaders#REPLY_TO}); whichever node's consumer finishes the vend tells that node: in memory
 * when it is itself (the common case, and no broker round trip), else with a non-persistent message on the waiting
 * node's own queue vend.reply.&lt;node&gt;. A reply lost in a crash only makes the channel ask again with its reference.
 */
@Component
public class VendReplies {

    private final String node;
    private final Map<String, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();

    VendReplies(NodeIdentity identity) {
        this.node = queueSafe(identity.nodeId());
    }

    /** This node's name as it travels in {@link VendHeaders#REPLY_TO} and names its reply queue. */
    public String node() {
        return node;
    }

    /** The queue other nodes answer this node's channels on. */
    public String replyQueue() {
        return "vend.reply." + node;
    }

    /** Registers a wait for the vend, before its command is sent (a fast consumer may finish first). */
    CompletableFuture<Void> expect(String vendId) {
        return waiting.computeIfAbsent(vendId, id -> new CompletableFuture<>());
    }

    /** Waits for the vend to be finished; false when the wait is over first (the channel gets "still working"). */
    boolean await(String vendId, CompletableFuture<Void> done, Duration timeout) {
        try {
            done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return true; // never completed exceptionally; the vend's row says how it ended
        } finally {
            waiting.remove(vendId, done);
        }
    }

    /** True when the channel waiting for this vend is on this node. */
    public boolean isLocal(@Header(VendHeaders.REPLY_TO) String replyTo) {
        return node.equals(replyTo);
    }

    /** Wakes the channel waiting on this node for the vend, if any still is (a redelivery finds nobody). */
    public void complete(@Header(VendHeaders.VEND_ID) String vendId) {
        CompletableFuture<Void> done = waiting.remove(vendId);
        if (done != null) {
            done.complete(null);
        }
    }

    /** A node name fit for a queue name and a JMS property: letters, digits, dot, dash and underscore. */
    static String queueSafe(String name) {
        return name.replaceAll("[^A-Za-z0-9_.-]", "_");
    }
}
