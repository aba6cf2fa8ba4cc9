package org.vendinghub.pos;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.time.ZoneId;

/**
 * Settings of the POS terminal API ({@code hub.pos.*}), documented in config/application.yml.
 *
 * @param sessionIdleTimeout a cashier's session ends after this long without a request
 * @param sessionMax         and at the latest this long after sign-in
 * @param lockoutMaxFailures wrong PINs in a row that lock a cashier
 * @param lockoutDuration    how long the lock lasts (a manager can unlock sooner)
 * @param abandonedAfter     a vend request that never reached the vend flow stops holding up its shift's close
 * @param receiptZone        the time zone of times printed on receipts and shift reports
 * @param receiptFooter      the last line of every receipt
 */
@ConfigurationProperties("hub.pos")
public record PosProperties(@DefaultValue("30m") Duration sessionIdleTimeout,
                            @DefaultValue("12h") Duration sessionMax,
                            @DefaultValue("5") int lockoutMaxFailures,
                            @DefaultValue("15m") Duration lockoutDuration,
                            @DefaultValue("2m") Duration abandonedAfter,
                            @DefaultValue("UTC") ZoneId receiptZone,
                            @DefaultValue("") String receiptFooter) {
}
