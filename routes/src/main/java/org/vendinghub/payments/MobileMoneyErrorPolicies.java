package org.vendinghub.payments;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;
import org.vendinghub.connectors.common.TransientException;

/**
 * The one retry layer of provider calls (STYLE §2.3b):
 * <ul>
 * <li>{@code mm-provider-call}: status reads, MoMo request-to-pay (its X-Reference-Id makes a repeat safe) and the C2B
 * URL registration are retried at the failing node on any {@link TransientException}.</li>
 * <li>{@code mm-stk-push}: an STK push has no idempotency key, so a timeout (Daraja may have sent the prompt) is never
 * retried; connection failures and 5xx are.</li>
 * <li>{@code mm-refund-call}: every refund call (M-Pesa reversal and Transaction Status, MoMo refund and its status) is
 * not retried here: {@code mm-refund-retry} retries refunds later, from the database, with the same references.</li>
 * </ul>
 */
@Component
class MobileMoneyErrorPolicies extends RouteConfigurationBuilder {

    @Override
    public void configuration() {
        routeConfiguration("mm-provider-call")
                .onException(TransientException.class)
                .maximumRedeliveries(2).redeliveryDelay(300).useExponentialBackOff().maximumRedeliveryDelay(5000)
                .retryAttemptedLogLevel(LoggingLevel.WARN);

        routeConfiguration("mm-stk-push")
                .onException(TransientException.class)
                .onWhen(MobileMoneyErrorPolicies::safeToRepeat)
                .maximumRedeliveries(2).redeliveryDelay(300).useExponentialBackOff().maximumRedeliveryDelay(5000)
                .retryAttemptedLogLevel(LoggingLevel.WARN);

        routeConfiguration("mm-refund-call").errorHandler(noErrorHandler());
    }

    private static boolean safeToRepeat(Exchange exchange) {
        TransientException e = exchange.getException(TransientException.class);
        return e != null && !"MPESA_TIMEOUT".equals(e.code());
    }
}
