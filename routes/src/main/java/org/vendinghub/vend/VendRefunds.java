package org.vendinghub.vend;

import org.springframework.stereotype.Component;
import org.vendinghub.domain.VendId;

/**
 * The refund status of a failed vend whose money a provider holds, for the channel that owns the refund (mobile money):
 * the vend flow sets REQUIRED; the channel moves it to REQUESTED, then REFUNDED or FAILED.
 */
@Component
public class VendRefunds {

    private final VendStore store;

    VendRefunds(VendStore store) {
        this.store = store;
    }

    /** Records where the vend's refund is: REQUESTED, REFUNDED or FAILED. */
    public void recordRefund(VendId id, String status) {
        if (!java.util.Set.of("REQUIRED", "REQUESTED", "REFUNDED", "FAILED").contains(status)) {
            throw new IllegalArgumentException("not a refund status: " + status);
        }
        store.markRefund(id, status);
    }
}
