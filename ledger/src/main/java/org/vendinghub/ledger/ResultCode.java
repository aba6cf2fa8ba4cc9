package org.vendinghub.ledger;

/**
 * Why the ledger or a domain service refused a request, in the spirit of TigerBeetle's result codes.
 * The exception class says how to answer (404/409/422); the code says exactly what happened.
 */
public enum ResultCode {
    NOT_FOUND,
    ACCOUNT_NOT_FOUND,
    PENDING_TRANSFER_NOT_FOUND,
    PENDING_TRANSFER_NOT_PENDING,
    PENDING_TRANSFER_ALREADY_POSTED,
    PENDING_TRANSFER_ALREADY_VOIDED,
    PENDING_TRANSFER_EXPIRED,
    EXISTS_WITH_DIFFERENT_CONTENT,
    LINKED_CHAIN_PARTIALLY_EXISTS,
    IDEMPOTENCY_KEY_REUSED_WITH_DIFFERENT_PAYLOAD,
    EXCEEDS_CREDITS,
    EXCEEDS_DEBITS,
    ALREADY_EXISTS,
    INVALID_STATE,
    SAME_USER_CANNOT_APPROVE,
    METER_BLOCKED,
    PURCHASE_TOO_SMALL,
    NO_TARIFF_VALID
}
