package org.vendinghub.deadletters;

import jakarta.jms.JMSException;
import org.apache.camel.Exchange;
import org.apache.camel.component.jms.JmsEndpoint;
import org.apache.camel.component.jms.JmsMessage;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Writes down every failed delivery of a JMS message to a hub route (the exchange failed, so the broker will deliver
 * it again or dead-letter it): when the message first and last failed and why. Artemis keeps none of this, and an
 * operator deciding whether to replay or discard a dead letter needs it. Only failed JMS exchanges cost anything here.
 */
@Component
class FailedDeliveryRecorder extends EventNotifierSupport {

    private static final Logger log = LoggerFactory.getLogger(FailedDeliveryRecorder.class);

    private final MessageFailures failures;
    private final Clock clock;

    FailedDeliveryRecorder(MessageFailures failures, Clock clock) {
        this.failures = failures;
        this.clock = clock;
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeCompletedEvent(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreExchangeSentEvents(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.ExchangeFailedEvent failed && failed.getExchange().getFromEndpoint() instanceof JmsEndpoint;
    }

    @Override
    public void notify(CamelEvent event) {
        Exchange exchange = ((CamelEvent.ExchangeFailedEvent) event).getExchange();
        String messageId = messageId(exchange);
        if (messageId == null) {
            return;
        }
        String queue = ((JmsEndpoint) exchange.getFromEndpoint()).getDestinationName();
        try {
            failures.record(messageId, queue, clock.instant(), describe(exchange.getException()));
        } catch (RuntimeException e) { // never let the bookkeeping change what happens to the message
            log.warn("could not record the failed delivery of message {} from {}: {}", messageId, queue, e.getMessage());
        }
    }

    private static String messageId(Exchange exchange) {
        JmsMessage in = exchange.getIn(JmsMessage.class);
        if (in != null && in.getJmsMessage() != null) {
            try {
                return in.getJmsMessage().getJMSMessageID();
            } catch (JMSException e) {
                return null;
            }
        }
        return exchange.getIn().getHeader("JMSMessageID", String.class);
    }

    /** The exception's class and message; a wrapper without a message of its own is described by its cause. */
    static String describe(Throwable failure) {
        Throwable shown = failure;
        while (shown != null && shown.getMessage() == null && shown.getCause() != null) {
            shown = shown.getCause();
        }
        if (shown == null) {
            return "unknown failure";
        }
        return shown.getClass().getSimpleName() + (shown.getMessage() == null ? "" : ": " + shown.getMessage());
    }
}
