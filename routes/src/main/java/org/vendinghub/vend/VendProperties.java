package org.vendinghub.vend;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Set;

/**
 * Settings of the vend flow ({@code hub.vend.*}), documented in config/application.yml.
 *
 * @param replyTimeout      how long a channel's request waits for its token before it gets "still working" (202)
 * @param reservationTimeout how long reserved money stays pending; the sweeper voids it after that
 * @param stsZone           the wall clock the meters' TIDs count in
 * @param refundChannels    channels whose provider has already taken the customer's money: a failed vend becomes a refund
 * @param batchMax          the most vends one batch transaction (the receive; reserve and issue together) takes at once
 * @param recoveryAttemptsMax how often vend-recover resubmits a vend that stays unfinished before it leaves it to an operator
 * @param consumerReceiveTimeout how long an idle vend.cmd.submit consumer waits for a command before it asks the broker again
 */
@ConfigurationProperties("hub.vend")
public record VendProperties(
        @DefaultValue("vend.cmd.submit") String submitQueue,
        @DefaultValue("vend.cmd.compensate") String compensateQueue,
        @DefaultValue("token.cmd.deliver") String deliverQueue,
        @DefaultValue("256") int consumers,
        @DefaultValue("15s") Duration replyTimeout,
        @DefaultValue("5m") Duration reservationTimeout,
        @DefaultValue("1000000000") long maxAmountMinor,
        @DefaultValue("UTC") ZoneId stsZone,
        @DefaultValue("30m") Duration reversalWindow,
        @DefaultValue("MPESA,MOMO,AIRTEL,BANK") Set<String> refundChannels,
        @DefaultValue("20s") Duration recoveryPeriod,
        @DefaultValue("5") int deliveryAttemptsMax,
        @DefaultValue("256") int batchMax,
        @DefaultValue("5") int recoveryAttemptsMax,
        @DefaultValue("5s") Duration consumerReceiveTimeout) {
}
