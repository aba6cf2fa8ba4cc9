package org.vendinghub.ledger.meter;

/**
 * A meter to register. Its SGC, KRN, key type, base date, DKGA and EA come from the supply group; the tariff
 * index (TI) is the meter's own. {@code iin} may be null: 600727 for 11-digit, 0000 for 13-digit meter numbers.
 */
public record NewMeter(long utilityId, String meterNumber, String iin, long supplyGroupId, String ti, MeterKind kind,
                       Long tariffId, Long customerId) {
}
