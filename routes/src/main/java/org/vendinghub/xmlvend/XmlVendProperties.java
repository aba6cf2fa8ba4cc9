package org.vendinghub.xmlvend;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the XMLVend server ({@code hub.xmlvend.*}), documented in config/application.yml.
 *
 * @param serverId        this server's EAN, sent as serverID in every response
 * @param fbeUnitsTenths  the free basic electricity a meter gets per calendar month (UTC), in tenths of a kWh
 * @param reprintMax      how many earlier sales a reprint returns at most
 */
@ConfigurationProperties("hub.xmlvend")
public record XmlVendProperties(@DefaultValue("6009999000011") String serverId,
                                @DefaultValue("500") long fbeUnitsTenths,
                                @DefaultValue("5") int reprintMax) {
}
