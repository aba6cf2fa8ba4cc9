package org.vendinghub.ledger.tariff;

/**
 * One inclining block: from {@code fromUnitsTenths} of month-to-date units (inclusive) up to the next block's start.
 *
 * @param ratePerUnitMinorE4 price of one kWh (or m³) in minor units × 10⁴, VAT-exclusive: 164.35 cents a kWh is
 *                           1_643_500. Four decimals of a cent are enough for every published tariff we know.
 */
public record TariffBlock(long fromUnitsTenths, long ratePerUnitMinorE4) {
}
