package org.vendinghub.security;

/**
 * What a user may do. Granted to groups, never to users directly; a user holds the union of its groups'.
 * The names are Spring Security authorities and appear in the API documentation.
 */
public enum Permission {
    VIEW_VENDS,
    VEND,
    ISSUE_ENGINEERING_TOKENS,
    REVERSE_VENDS,
    MANAGE_TARIFFS,
    MANAGE_CUSTOMERS,
    MANAGE_METERS,
    MANAGE_VENDORS,
    REQUEST_ADJUSTMENTS,
    APPROVE_ADJUSTMENTS,
    MANAGE_SUPPLY_GROUPS,
    IMPORT_KEYS,
    VIEW_REPORTS,
    VIEW_AUDIT,
    MANAGE_USERS,
    VIEW_ROUTES,
    MANAGE_ROUTES,
    VIEW_METRICS
}
