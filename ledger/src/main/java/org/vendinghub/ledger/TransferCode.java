package org.vendinghub.ledger;

/** Why money moved; stored with every transfer so that a statement explains itself. */
public enum TransferCode {
    VEND_RESERVE,
    VEND_ENERGY,
    VEND_TAX,
    VEND_FIXED_FEE,
    VEND_DEBT_RECOVERY,
    VENDOR_COMMISSION,
    AGENT_COMMISSION,
    VENDOR_DEPOSIT,
    VENDOR_DISCOUNT_BONUS,
    VENDOR_TRANSFER,
    MANUAL_ADJUSTMENT,
    DEBT_TAKE_ON,
    DEBT_WRITE_OFF,
    WALLET_TOP_UP,
    WALLET_CONSUMPTION,
    SETTLEMENT,
    VEND_REVERSAL,
    OTHER
}
