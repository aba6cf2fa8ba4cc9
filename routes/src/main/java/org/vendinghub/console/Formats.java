package org.vendinghub.console;

import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How numbers and times look on the pages: {@code ${@fmt.money(1250)}} gives "12.50". */
@Component("fmt")
public class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    public String money(long minor) {
        return String.format("%,.2f", BigDecimal.valueOf(minor, 2));
    }

    /** For input fields: no grouping separators. */
    public String moneyInput(long minor) {
        return BigDecimal.valueOf(minor, 2).toPlainString();
    }

    public String units(long tenths) {
        return BigDecimal.valueOf(tenths, 1).toPlainString();
    }

    public String percent(int bp) {
        return BigDecimal.valueOf(bp, 2).stripTrailingZeros().toPlainString() + " %";
    }

    /** For input fields: basis points as the percentage a user types ("2.5" for 250). */
    public String percentInput(int bp) {
        return BigDecimal.valueOf(bp, 2).stripTrailingZeros().toPlainString();
    }

    public String rate(long ratePerUnitMinorE4) {
        return BigDecimal.valueOf(ratePerUnitMinorE4, 6).stripTrailingZeros().toPlainString();
    }

    public String groupNames(java.util.Set<org.vendinghub.security.UserGroup> groups) {
        return String.join(", ", groups.stream().map(org.vendinghub.security.UserGroup::name).sorted().toList());
    }

    public String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    public String day(Instant at) {
        return at == null ? "" : DAY.format(at);
    }
}
