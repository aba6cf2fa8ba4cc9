package org.vendinghub.ledger.vendor;

/**
 * Money a vendor paid in (at the bank, in cash, by mobile money) to buy float.
 *
 * @param depositRef caller-chosen id (bank statement line, receipt number): a retry does not credit twice
 * @param channel    where the money arrived: BANK, CASH, MPESA... (the CHANNEL_CLEARING account debited)
 */
public record VendorDeposit(String depositRef, long vendorId, long amountMinor, String channel, String reference) {
}
