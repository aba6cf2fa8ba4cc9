package org.vendinghub.console;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of the console's dashboard ({@code hub.console.dashboard.*}), documented in config/application.yml.
 *
 * @param lowFloatMinor      a vendor whose available float is below this (minor units of its currency) is listed as low,
 *                           unless the vendor has a level of its own (set on the vendor's edit page)
 * @param stuckAfter         a vend still RECEIVED or RESERVED, or a delivery still PENDING or FAILED, this long after it
 *                           started needs attention
 * @param periodDays         the period shown when none is chosen: the last this many days, today included
 * @param periodDaysMax      the longest period one may choose
 */
@ConfigurationProperties("hub.console.dashboard")
public record DashboardProperties(
        @DefaultValue("100000") long lowFloatMinor,
        @DefaultValue("1m") Duration stuckAfter,
        @DefaultValue("30") int periodDays,
        @DefaultValue("366") int periodDaysMax) {

    public DashboardProperties {
        if (lowFloatMinor < 0) {
            throw new IllegalArgumentException("hub.console.dashboard.low-float-minor must not be negative, was " + lowFloatMinor);
        }
        if (periodDays < 1 || periodDaysMax < periodDays) {
            throw new IllegalArgumentException("hub.console.dashboard.period-days must be 1 to period-days-max (" + periodDaysMax
                    + "), was " + periodDays);
        }
    }
}
