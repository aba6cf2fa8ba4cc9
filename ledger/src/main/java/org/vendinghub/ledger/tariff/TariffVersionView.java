package org.vendinghub.ledger.tariff;

import java.time.Instant;
import java.util.List;

/** The prices of a tariff for a period: what pricing needs, and nothing else. Blocks are sorted by start. */
public record TariffVersionView(long id, long tariffId, String currency, Instant validFrom, Instant validTo, int taxRateBp,
                                List<TariffBlock> blocks, List<TariffFee> fees) {

    public TariffVersionView {
        blocks = List.copyOf(blocks);
        fees = List.copyOf(fees);
    }
}
