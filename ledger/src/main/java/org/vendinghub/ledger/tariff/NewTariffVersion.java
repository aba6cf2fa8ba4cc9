package org.vendinghub.ledger.tariff;

import java.time.Instant;
import java.util.List;

/**
 * Prices valid from {@code validFrom} (inclusive) until the next version starts or {@code validTo} (exclusive, may
 * be null). One block from 0 is a single-rate tariff; several blocks are inclining blocks; fees may be combined with
 * either. {@code taxRateBp}: VAT in basis points, null for the utility's rate.
 */
public record NewTariffVersion(Instant validFrom, Instant validTo, Integer taxRateBp, List<TariffBlock> blocks,
                               List<TariffFee> fees) {
}
