package org.vendinghub.vend;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.vendinghub.ledger.meter.MeterView;

/**
 * What the vend check shows about a meter besides its price, in one read: its utility, customer and tariff names and
 * whether a key change is due. As four service calls these were four JPA reads, a quarter of the check's statements.
 */
@Repository
class VendCheckFacts {

    /** The meter's utility, its customer (null fields when it has none), its tariff's name (or null), a key change due. */
    record Facts(String utilityName, String currency, String customerName, String customerAddress, String accountNumber,
                 String tariffName, boolean keyChangeDue) {
    }

    private static final String SQL = """
            SELECT u.name, u.currency, c.name, c.address, c.account_number, t.name,
                   EXISTS (SELECT 1 FROM meter_key_change k WHERE k.meter_id = ? AND k.status = 'DUE')
            FROM utility u
            LEFT JOIN customer c ON c.id = ?
            LEFT JOIN tariff t ON t.id = ?
            WHERE u.id = ?""";

    private final JdbcTemplate jdbc;

    VendCheckFacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Facts of(MeterView meter) {
        return jdbc.queryForObject(SQL, (rs, row) -> new Facts(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getBoolean(7)), meter.id(), meter.customerId(), meter.tariffId(), meter.utilityId());
    }
}
