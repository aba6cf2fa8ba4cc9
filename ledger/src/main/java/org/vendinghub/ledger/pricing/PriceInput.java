package org.vendinghub.ledger.pricing;

import org.vendinghub.ledger.tariff.TariffFee;
import org.vendinghub.ledger.tariff.TariffVersionView;

import java.util.List;

/**
 * Everything a price depends on, loaded by {@link PricingService} or built by hand in tests.
 *
 * @param monthToDateTenths units the meter bought so far this month: decides the block the purchase starts in
 * @param feesDue fees of the period not yet charged to this meter
 * @param debts the customer's open debts, oldest first
 */
public record PriceInput(TariffVersionView tariff, long monthToDateTenths, List<TariffFee> feesDue, List<DebtShare> debts) {

    public PriceInput {
        feesDue = List.copyOf(feesDue);
        debts = List.copyOf(debts);
    }
}
