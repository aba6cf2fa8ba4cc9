package org.vendinghub.ledger.tariff;

/** A tariff to create; its currency is the utility's. Prices come with {@link NewTariffVersion}. */
public record NewTariff(long utilityId, String code, String name) {
}
