package org.vendinghub.vend;

import org.vendinghub.domain.StsParameters;

/**
 * What a cashier confirms before taking money: whose meter it is, whether it can vend now (and if not, why), the
 * smallest and largest amount, and what would be deducted first (fixed fees due this period, open debt).
 */
public record VendCheck(String meterNumber, boolean canVend, String reasonCode, String reason, String customerName,
                        String customerAddress, String accountNumber, String utilityName, String currency,
                        long minAmountMinor, long maxAmountMinor, long feesDueMinor, long debtOutstandingMinor,
                        int debtRecoveryBp, boolean keyChangeDue, String tariffName, StsParameters sts) {
}
