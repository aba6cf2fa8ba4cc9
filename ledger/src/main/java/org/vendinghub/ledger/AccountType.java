package org.vendinghub.ledger;

/**
 * The chart of accounts (ARCHITECTURE §3). Each type fixes the balance rule of its accounts: an account that
 * holds someone's prepaid money may not be overdrawn (debits must not exceed credits), a receivable may not be
 * over-collected (credits must not exceed debits).
 */
public enum AccountType {
    /** A vendor's prepaid float (owner "vendor:ID"): credit-normal, may go down to minus its credit limit. */
    VENDOR_FLOAT(Rule.DEBITS_MUST_NOT_EXCEED_CREDITS),
    /** A thin-meter customer's wallet kept by the hub (owner "customer:ID"). */
    CUSTOMER_WALLET(Rule.DEBITS_MUST_NOT_EXCEED_CREDITS),
    /** Money a payment channel holds for the utility until settlement (owner = channel: MPESA, MOMO, BANK, CASH). */
    CHANNEL_CLEARING(Rule.NONE),
    /** Money of vends between reservation and split: should be zero posted once every vend is resolved. */
    VEND_CLEARING(Rule.NONE),
    ENERGY_REVENUE(Rule.NONE),
    FIXED_FEE_REVENUE(Rule.NONE),
    TAX_PAYABLE(Rule.NONE),
    /** One per debt (owner "debt:ID"): debited when the debt is taken on, credited by recoveries; never over-collected. */
    DEBT_RECEIVABLE(Rule.CREDITS_MUST_NOT_EXCEED_DEBITS),
    /** The other side of a debt taken on (arrears brought in from billing) and of write-offs. */
    DEBT_TAKE_ON(Rule.NONE),
    /** What the utility owes a vendor (owner "vendor:ID") or an agent (owner "agent:ID") in commission. */
    COMMISSION_PAYABLE(Rule.DEBITS_MUST_NOT_EXCEED_CREDITS),
    COMMISSION_EXPENSE(Rule.NONE),
    /** The extra float a vendor gets for buying in bulk at a discount. */
    VENDOR_DISCOUNT_EXPENSE(Rule.NONE),
    /** The other side of approved manual adjustments. */
    ADJUSTMENT(Rule.NONE);

    /** Which side of the account may not outgrow the other. */
    public enum Rule { NONE, DEBITS_MUST_NOT_EXCEED_CREDITS, CREDITS_MUST_NOT_EXCEED_DEBITS }

    private final Rule rule;

    AccountType(Rule rule) {
        this.rule = rule;
    }

    public Rule rule() {
        return rule;
    }
}
