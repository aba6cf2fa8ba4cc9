package org.vendinghub.ledger.tariff;

/** A fixed periodic fee, VAT-exclusive. {@code code} is stable across tariff versions (charged once per period). */
public record TariffFee(String code, String name, long amountMinor) {
}
