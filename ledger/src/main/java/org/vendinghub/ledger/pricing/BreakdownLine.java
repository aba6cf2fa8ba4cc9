package org.vendinghub.ledger.pricing;

/**
 * One line of a vend's price, kept with the vend and printed on the receipt.
 *
 * @param reference the fee code (FIXED_FEE), the debt id (DEBT_RECOVERY), the block number from 1 (ENERGY), or null
 * @param unitsTenths ENERGY only: the units bought in this block
 * @param ratePerUnitMinorE4 ENERGY: the block's rate; TAX: the tax rate in basis points; otherwise 0
 */
public record BreakdownLine(LineKind kind, String label, String reference, long amountMinor, long unitsTenths,
                            long ratePerUnitMinorE4) {
}
