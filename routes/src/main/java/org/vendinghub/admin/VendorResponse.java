package org.vendinghub.admin;

import io.swagger.v3.oas.annotations.media.Schema;
import org.vendinghub.domain.Money;
import org.vendinghub.ledger.vendor.VendorTerms;
import org.vendinghub.ledger.vendor.VendorView;

/** A vendor with its float: {@code available} = balance - reserved + credit limit. */
@Schema(description = "A vendor and its float balance")
record VendorResponse(long id, long utilityId, String name, Long groupId, Long agentId, VendorTerms terms, int discountBp,
                      int commissionBp, long floatAccountId, Money balance, Money reserved, Money creditLimit, Money available) {

    static VendorResponse of(VendorView v) {
        String c = v.currency();
        return new VendorResponse(v.id(), v.utilityId(), v.name(), v.groupId(), v.agentId(), v.terms(), v.discountBp(),
                v.commissionBp(), v.floatAccountId(), Money.of(v.balanceMinor(), c), Money.of(v.reservedMinor(), c),
                Money.of(v.creditLimitMinor(), c), Money.of(v.availableMinor(), c));
    }
}
