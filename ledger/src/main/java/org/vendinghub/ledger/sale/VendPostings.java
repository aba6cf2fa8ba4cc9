package org.vendinghub.ledger.sale;

import org.vendinghub.domain.VendId;
import org.vendinghub.ledger.AccountType;
import org.vendinghub.ledger.NewTransfer;
import org.vendinghub.ledger.TransferCode;
import org.vendinghub.ledger.pricing.BreakdownLine;
import org.vendinghub.ledger.pricing.LineKind;
import org.vendinghub.ledger.pricing.PriceBreakdown;
import org.vendinghub.ledger.vendor.SaleCommission;

import java.util.ArrayList;
import java.util.List;

/**
 * The transfers that split one vend's posted money, the same whether a vend is committed alone ({@link VendMoneyService})
 * or in a batch ({@link VendMoneyBatch}): VEND_CLEARING to energy revenue, tax, fixed fees and debts, line by line, then
 * the commissions of a vendor sale. Ids derive from the vend id, so a retry names the same transfers.
 */
final class VendPostings {

    private static final long BP = 10_000;

    /** Where the money goes: account ids by type, debt and commission owner (created on first use where needed). */
    interface Accounts {
        long system(AccountType type, String currency);

        long debtReceivable(String debtId, String currency);

        long commissionPayable(String ownerRef, String currency);
    }

    private VendPostings() {
    }

    static List<NewTransfer> splits(VendId vendId, long clearingAccountId, PriceBreakdown price, Accounts accounts) {
        String c = price.currency();
        String ref = vendId.toString();
        List<NewTransfer> chain = new ArrayList<>();
        int n = 0;
        for (BreakdownLine line : price.lines()) {
            n++;
            if (line.amountMinor() == 0) {
                continue;
            }
            long to = switch (line.kind()) {
                case FIXED_FEE -> accounts.system(AccountType.FIXED_FEE_REVENUE, c);
                case DEBT_RECOVERY -> accounts.debtReceivable(line.reference(), c);
                case TAX -> accounts.system(AccountType.TAX_PAYABLE, c);
                case ENERGY -> accounts.system(AccountType.ENERGY_REVENUE, c);
            };
            chain.add(NewTransfer.posted(VendTransferIds.split(vendId, "line" + n), clearingAccountId, to, line.amountMinor(),
                    codeOf(line.kind()), ref));
        }
        return chain;
    }

    /**
     * Commissions of a vendor sale, on the tendered amount, rounded DOWN to the minor unit (a payable never exceeds its
     * rate): the vendor's own on COMMISSION terms, and its agent's. Booked COMMISSION_EXPENSE -> COMMISSION_PAYABLE.
     */
    static List<NewTransfer> commissions(String vendRef, SaleCommission terms, long tenderedMinor, String currency,
                                         Accounts accounts) {
        List<NewTransfer> out = new ArrayList<>();
        long vendorShare = Math.multiplyExact(tenderedMinor, terms.vendorBp()) / BP;
        long agentShare = terms.agentId() == null ? 0 : Math.multiplyExact(tenderedMinor, terms.agentBp()) / BP;
        if (vendorShare == 0 && agentShare == 0) {
            return out;
        }
        long expense = accounts.system(AccountType.COMMISSION_EXPENSE, currency);
        if (vendorShare > 0) {
            out.add(NewTransfer.posted("vend:" + vendRef + ":vcomm", expense,
                    accounts.commissionPayable("vendor:" + terms.vendorId(), currency), vendorShare, TransferCode.VENDOR_COMMISSION, vendRef));
        }
        if (agentShare > 0) {
            out.add(NewTransfer.posted("vend:" + vendRef + ":acomm", expense,
                    accounts.commissionPayable("agent:" + terms.agentId(), currency), agentShare, TransferCode.AGENT_COMMISSION, vendRef));
        }
        return out;
    }

    /** The vendor whose float paid, from the payer account's owner reference ("vendor:12"), or null. */
    static Long vendorOf(String payerOwnerRef) {
        return payerOwnerRef.startsWith("vendor:") ? Long.parseLong(payerOwnerRef.substring("vendor:".length())) : null;
    }

    private static TransferCode codeOf(LineKind kind) {
        return switch (kind) {
            case FIXED_FEE -> TransferCode.VEND_FIXED_FEE;
            case DEBT_RECOVERY -> TransferCode.VEND_DEBT_RECOVERY;
            case TAX -> TransferCode.VEND_TAX;
            case ENERGY -> TransferCode.VEND_ENERGY;
        };
    }
}
