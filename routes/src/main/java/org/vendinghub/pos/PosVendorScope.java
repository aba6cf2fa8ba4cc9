package org.vendinghub.pos;

import org.springframework.stereotype.Component;
import org.vendinghub.ledger.vendor.VendorService;
import org.vendinghub.ledger.vendor.VendorView;
import org.vendinghub.security.UserAdministration;

import java.security.Principal;
import java.util.Objects;

/**
 * A hub user confined to a vendor group manages only that group's vendors' terminals and cashiers (as in the console's
 * vendor pages): any other vendor answers 403, whatever the user's permissions.
 */
@Component
class PosVendorScope {

    private final UserAdministration users;
    private final VendorService vendors;

    PosVendorScope(UserAdministration users, VendorService vendors) {
        this.users = users;
        this.vendors = vendors;
    }

    VendorView check(Principal user, long vendorId) {
        VendorView vendor = vendors.vendor(vendorId);
        Long group = users.vendorGroupOf(user.getName());
        if (group != null && !Objects.equals(group, vendor.groupId())) {
            throw PosRefusedException.forbidden("OUTSIDE_VENDOR_GROUP", "vendor " + vendorId + " is outside your vendor group");
        }
        return vendor;
    }
}
