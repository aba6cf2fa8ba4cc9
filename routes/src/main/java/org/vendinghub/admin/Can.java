package org.vendinghub.admin;

/**
 * The {@code @PreAuthorize} expressions of the administration API, one place to read who may do what. Writes need the
 * resource's MANAGE_ permission; reads need it too, or VIEW_REPORTS (the read-only group), so a viewer never changes
 * anything.
 */
final class Can {

    static final String READ_SUPPLY_GROUPS = "hasAnyAuthority('MANAGE_SUPPLY_GROUPS', 'IMPORT_KEYS', 'MANAGE_METERS', 'VIEW_REPORTS')";
    static final String MANAGE_SUPPLY_GROUPS = "hasAuthority('MANAGE_SUPPLY_GROUPS')";
    static final String IMPORT_KEYS = "hasAuthority('IMPORT_KEYS')";

    static final String READ_TARIFFS = "hasAnyAuthority('MANAGE_TARIFFS', 'MANAGE_METERS', 'VIEW_REPORTS')";
    static final String MANAGE_TARIFFS = "hasAuthority('MANAGE_TARIFFS')";

    static final String READ_CUSTOMERS = "hasAnyAuthority('MANAGE_CUSTOMERS', 'MANAGE_METERS', 'VIEW_REPORTS')";
    static final String MANAGE_CUSTOMERS = "hasAuthority('MANAGE_CUSTOMERS')";

    static final String READ_METERS = "hasAnyAuthority('MANAGE_METERS', 'MANAGE_CUSTOMERS', 'VIEW_REPORTS')";
    static final String MANAGE_METERS = "hasAuthority('MANAGE_METERS')";

    /** Debts are taken on by customer care; writing one off is a financial decision. */
    static final String READ_DEBTS = "hasAnyAuthority('MANAGE_CUSTOMERS', 'APPROVE_ADJUSTMENTS', 'VIEW_REPORTS')";
    static final String MANAGE_DEBTS = "hasAuthority('MANAGE_CUSTOMERS')";
    static final String WRITE_OFF_DEBTS = "hasAuthority('APPROVE_ADJUSTMENTS')";

    static final String READ_VENDORS = "hasAnyAuthority('MANAGE_VENDORS', 'REQUEST_ADJUSTMENTS', 'APPROVE_ADJUSTMENTS', 'VIEW_REPORTS')";
    static final String MANAGE_VENDORS = "hasAuthority('MANAGE_VENDORS')";
    static final String REQUEST_ADJUSTMENTS = "hasAuthority('REQUEST_ADJUSTMENTS')";
    static final String APPROVE_ADJUSTMENTS = "hasAuthority('APPROVE_ADJUSTMENTS')";

    static final String READ_ACCOUNTS = "hasAnyAuthority('VIEW_REPORTS', 'APPROVE_ADJUSTMENTS')";

    private Can() {
    }
}
