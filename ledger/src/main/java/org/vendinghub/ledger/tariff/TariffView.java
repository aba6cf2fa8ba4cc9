package org.vendinghub.ledger.tariff;

public record TariffView(long id, long utilityId, String code, String name, String currency) {
}
