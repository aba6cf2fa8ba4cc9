package org.vendinghub.console;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.vendinghub.ledger.vendor.VendorView;
import org.vendinghub.security.UserAdministration;

import java.security.Principal;
import java.util.Objects;

/**
 * Vendor-group users see only their group's vendors. Every console query about vendors asks this first, so the rule
 * holds on the server whatever URL is typed.
 */
@Component
class VendorScope {

    private final UserAdministration users;

    VendorScope(UserAdministration users) {
        this.users = users;
    }

    /** The vendor group the user is confined to, or null when the user sees every vendor. */
    Long groupOf(Principal user) {
        return users.vendorGroupOf(user.getName());
    }

    /** Throws 403 unless the user may see this vendor. */
    VendorView check(Principal user, VendorView vendor) {
        Long group = groupOf(user);
        if (group != null && !Objects.equals(group, vendor.groupId())) {
            throw new AccessDeniedException("vendor " + vendor.id() + " is outside your vendor group");
        }
        return vendor;
    }

    /** Vendor groups, agents and new vendors are for users who see every vendor. */
    void requireUnscoped(Principal user) {
        if (groupOf(user) != null) {
            throw new AccessDeniedException("only users who see every vendor group may do this");
        }
    }
}
