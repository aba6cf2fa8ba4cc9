package org.vendinghub.ledger;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Moments in DATETIME columns, written and read by plain JDBC the way Hibernate does it here
 * ({@code hibernate.jdbc.time_zone=UTC}): as the UTC wall clock, whatever the JVM's time zone.
 */
public final class SqlTimes {

    private SqlTimes() {
    }

    public static LocalDateTime utc(Instant at) {
        return at == null ? null : LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    public static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }
}
