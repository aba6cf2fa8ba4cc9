package org.vendinghub.security;

import java.util.EnumSet;
import java.util.Set;

import static org.vendinghub.security.Permission.*;

/** The groups every hub has from its first start, for the usual roles in a utility's vending office. */
public enum BuiltInGroup {
    ADMINISTRATORS("administrators", "Everything, including users and permissions", EnumSet.allOf(Permission.class)),
    OPERATORS("operators", "Cash office: vend, reprint, look after customers and meters",
            EnumSet.of(VIEW_VENDS, VEND, REVERSE_VENDS, ISSUE_ENGINEERING_TOKENS, MANAGE_CUSTOMERS, MANAGE_METERS)),
    FINANCE("finance", "Vendors, deposits, adjustments and reports",
            EnumSet.of(VIEW_VENDS, MANAGE_VENDORS, REQUEST_ADJUSTMENTS, APPROVE_ADJUSTMENTS, MANAGE_TARIFFS, VIEW_REPORTS)),
    KEY_CUSTODIANS("key-custodians", "Supply groups and vending-key import", EnumSet.of(MANAGE_SUPPLY_GROUPS, IMPORT_KEYS, VIEW_AUDIT)),
    VENDOR_SUPERVISORS("vendor-supervisors", "Their vendor group's vendors, terminals, sales and balances",
            EnumSet.of(VIEW_VENDS, MANAGE_VENDORS, VIEW_REPORTS)),
    INTEGRATION("integration", "Integration engineers: routes in Hawtio, dead letters, metrics",
            EnumSet.of(VIEW_ROUTES, MANAGE_ROUTES, VIEW_METRICS, VIEW_VENDS)),
    READ_ONLY("read-only", "Look, never touch", EnumSet.of(VIEW_VENDS, VIEW_REPORTS));

    private final String groupName;
    private final String description;
    private final Set<Permission> permissions;

    BuiltInGroup(String groupName, String description, Set<Permission> permissions) {
        this.groupName = groupName;
        this.description = description;
        this.permissions = permissions;
    }

    public String groupName() {
        return groupName;
    }

    public String description() {
        return description;
    }

    public Set<Permission> permissions() {
        return EnumSet.copyOf(permissions);
    }
}
