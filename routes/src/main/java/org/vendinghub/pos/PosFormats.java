package org.vendinghub.pos;

import org.vendinghub.domain.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How amounts, units and times read on POS slips: "KES 116.00", "4.0 kWh", "2026-03-14 10:15". */
final class PosFormats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private PosFormats() {
    }

    /** Minor units in the currency's own number of decimals (2 for KES, 0 for UGX). */
    static String amount(long minor, String currency) {
        return BigDecimal.valueOf(minor, Money.fractionDigits(currency)).toPlainString();
    }

    static String money(long minor, String currency) {
        return currency + " " + amount(minor, currency);
    }

    static String units(long tenths) {
        return BigDecimal.valueOf(tenths, 1).toPlainString() + " kWh";
    }

    static String time(Instant at, ZoneId zone) {
        return at == null ? "" : TIME.withZone(zone).format(at) + (zone.getId().equals("UTC") || zone.getId().equals("Z") ? " UTC" : "");
    }

}
