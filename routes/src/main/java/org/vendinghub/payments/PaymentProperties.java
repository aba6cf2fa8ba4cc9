package org.vendinghub.payments;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The safety nets of mobile money ({@code hub.payments.*}), documented in config/application.yml.
 *
 * @param pollPeriod         how often the pollers run (STK query, MoMo status, refund retries, stuck payments)
 * @param stkQueryAfter      an STK payment with no callback this long is asked about with an STK status query
 * @param momoPollAfter      a MoMo payment with no final status this long is asked about with GET status
 * @param giveUpAfter        an open payment still without an outcome this long is FAILED (NO_RESULT)
 * @param refundRetryAfter   wait before a refund that failed transiently (or got no result) is tried again
 * @param refundAttemptsMax  refund attempts before it is left FAILED for an operator
 * @param trustedProxies     comma-separated addresses or CIDR blocks of the hub's own reverse proxies: only a callback
 *                           that comes through one of them has its X-Forwarded-For read for the source allow-lists
 */
@ConfigurationProperties("hub.payments")
public record PaymentProperties(
        @DefaultValue("60s") Duration pollPeriod,
        @DefaultValue("60s") Duration stkQueryAfter,
        @DefaultValue("30s") Duration momoPollAfter,
        @DefaultValue("2h") Duration giveUpAfter,
        @DefaultValue("5m") Duration refundRetryAfter,
        @DefaultValue("10") int refundAttemptsMax,
        @DefaultValue("mm.cmd.vend") String vendQueue,
        @DefaultValue("") String trustedProxies) {
}
