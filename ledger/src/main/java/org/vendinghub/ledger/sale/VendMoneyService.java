package org.vendinghub.ledger.sale;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vendinghub.domain.Money;
import org.vendinghub.domain.ValidationException;
import org.vendinghub.domain.VendId;
import org.vendinghub.ledger.AccountType;
import org.vendinghub.ledger.ConflictException;
import org.vendinghub.ledger.LedgerService;
import org.vendinghub.ledger.NewTransfer;
import org.vendinghub.ledger.PendingStatus;
import org.vendinghub.ledger.PostPending;
import org.vendinghub.ledger.ResultCode;
import org.vendinghub.ledger.TransferCode;
import org.vendinghub.ledger.TransferKind;
import org.vendinghub.ledger.TransferResult;
import org.vendinghub.ledger.TransferView;
import org.vendinghub.ledger.VoidPending;
import org.vendinghub.ledger.pricing.BreakdownLine;
import org.vendinghub.ledger.pricing.LineKind;
import org.vendinghub.ledger.pricing.PriceBreakdown;
import org.vendinghub.ledger.pricing.PricingService;
import org.vendinghub.ledger.vendor.SaleCommission;
import org.vendinghub.ledger.vendor.VendorService;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The money of one vend, in the saga's three steps:
 * <ol>
 * <li>{@link #reserve}: a pending transfer payer -> VEND_CLEARING (the balance rule of a float or wallet is checked here);</li>
 * <li>{@link #commit}: in the transaction that persists the token, post it and split VEND_CLEARING to energy revenue,
 *     tax, fixed fees and debt accounts, book commissions, and record the month's units and fees (all or nothing);</li>
 * <li>{@link #release}: compensation before the token exists; idempotent.</li>
 * </ol>
 * Every transfer id derives from the vend id, so each step can be retried safely.
 */
@Service
public class VendMoneyService {

    private static final long BP = 10_000;

    private final LedgerService ledger;
    private final PricingService pricing;
    private final VendorService vendors;

    public VendMoneyService(LedgerService ledger, PricingService pricing, VendorService vendors) {
        this.ledger = ledger;
        this.pricing = pricing;
        this.vendors = vendors;
    }

    /** Reserves the tendered amount from the payer until {@code timeoutSeconds}, after which the sweeper releases it. */
    @Transactional
    public TransferResult reserve(VendId vendId, Payer payer, Money amount, long timeoutSeconds) {
        ValidationException.require(amount.isPositive(), "amountMinor", "amount must be positive");
        long payerAccount = payer.kind() == Payer.Kind.CHANNEL
                ? ledger.openAccount(payer.accountType(), amount.currency(), payer.ownerRef()).id()
                : ledger.findAccount(payer.accountType(), amount.currency(), payer.ownerRef())
                        .orElseThrow(() -> new ValidationException("payer", "payer " + payer.ownerRef() + " has no "
                                + amount.currency() + " account")).id();
        long clearing = ledger.systemAccount(AccountType.VEND_CLEARING, amount.currency()).id();
        return ledger.create(NewTransfer.pending(VendTransferIds.reserve(vendId), payerAccount, clearing, amount.amountMinor(),
                TransferCode.VEND_RESERVE, timeoutSeconds, vendId.toString()));
    }

    /**
     * Posts the reservation and splits it as the breakdown says; must run in the hub's transaction that persists the
     * token (the point of no return). A retry after a commit returns the stored transfers without moving money again.
     */
    @Transactional
    public List<TransferView> commit(VendId vendId, long meterId, PriceBreakdown price, Instant at) {
        String reserveId = VendTransferIds.reserve(vendId);
        TransferView reserved = ledger.transfer(reserveId).orElseThrow(() -> new ConflictException(ResultCode.INVALID_STATE,
                "vend " + vendId + " has no reservation to commit"));
        ValidationException.require(reserved.amountMinor() == price.tenderedMinor() && reserved.currency().equals(price.currency()),
                "price", "the breakdown is for " + price.tenderedMinor() + " " + price.currency() + " but "
                        + reserved.amountMinor() + " " + reserved.currency() + " was reserved");
        TransferResult post = ledger.post(PostPending.full(VendTransferIds.post(vendId), reserveId));
        List<TransferResult> splits = ledger.createLinked(splitTransfers(vendId, reserved, price));
        if (post.created()) {
            pricing.recordSale(meterId, price, at, vendId.toString());
        }
        List<TransferView> all = new ArrayList<>();
        all.add(post.transfer());
        splits.forEach(s -> all.add(s.transfer()));
        return all;
    }

    private List<NewTransfer> splitTransfers(VendId vendId, TransferView reserved, PriceBreakdown price) {
        String c = price.currency();
        long clearing = reserved.creditAccountId();
        String ref = vendId.toString();
        List<NewTransfer> chain = new ArrayList<>();
        int n = 0;
        for (BreakdownLine line : price.lines()) {
            n++;
            if (line.amountMinor() == 0) {
                continue;
            }
            long to = switch (line.kind()) {
                case FIXED_FEE -> ledger.systemAccount(AccountType.FIXED_FEE_REVENUE, c).id();
                case DEBT_RECOVERY -> ledger.findAccount(AccountType.DEBT_RECEIVABLE, c, "debt:" + line.reference()).orElseThrow().id();
                case TAX -> ledger.systemAccount(AccountType.TAX_PAYABLE, c).id();
                case ENERGY -> ledger.systemAccount(AccountType.ENERGY_REVENUE, c).id();
            };
            chain.add(NewTransfer.posted(VendTransferIds.split(vendId, "line" + n), clearing, to, line.amountMinor(),
                    codeOf(line.kind()), ref));
        }
        commissionOf(reserved, price).forEach(chain::add);
        return chain;
    }

    private static TransferCode codeOf(LineKind kind) {
        return switch (kind) {
            case FIXED_FEE -> TransferCode.VEND_FIXED_FEE;
            case DEBT_RECOVERY -> TransferCode.VEND_DEBT_RECOVERY;
            case TAX -> TransferCode.VEND_TAX;
            case ENERGY -> TransferCode.VEND_ENERGY;
        };
    }

    /**
     * Commissions of a vendor sale, on the tendered amount, rounded DOWN to the minor unit (a payable never exceeds
     * its rate): the vendor's own on COMMISSION terms, and its agent's. Booked COMMISSION_EXPENSE -> COMMISSION_PAYABLE.
     */
    private List<NewTransfer> commissionOf(TransferView reserved, PriceBreakdown price) {
        String owner = ledger.account(reserved.debitAccountId()).ownerRef();
        if (!owner.startsWith("vendor:")) {
            return List.of();
        }
        SaleCommission terms = vendors.commissionFor(Long.parseLong(owner.substring("vendor:".length())));
        String c = price.currency();
        long expense = ledger.systemAccount(AccountType.COMMISSION_EXPENSE, c).id();
        String ref = reserved.reference();
        List<NewTransfer> out = new ArrayList<>();
        long vendorShare = Math.multiplyExact(price.tenderedMinor(), terms.vendorBp()) / BP;
        if (vendorShare > 0) {
            long payable = ledger.openAccount(AccountType.COMMISSION_PAYABLE, c, "vendor:" + terms.vendorId()).id();
            out.add(NewTransfer.posted("vend:" + ref + ":vcomm", expense, payable, vendorShare,
                    TransferCode.VENDOR_COMMISSION, ref));
        }
        long agentShare = terms.agentId() == null ? 0 : Math.multiplyExact(price.tenderedMinor(), terms.agentBp()) / BP;
        if (agentShare > 0) {
            long payable = ledger.openAccount(AccountType.COMMISSION_PAYABLE, c, "agent:" + terms.agentId()).id();
            out.add(NewTransfer.posted("vend:" + ref + ":acomm", expense, payable, agentShare,
                    TransferCode.AGENT_COMMISSION, ref));
        }
        return out;
    }

    /**
     * Takes back an issued vend (an operator's reversal within the window): every posted transfer of the vend, the
     * post of its reservation, the splits and the commissions, is mirrored by a new transfer in the other direction, all
     * linked. Transfers are never changed. Idempotent: the mirror ids derive from the originals.
     */
    @Transactional
    public List<TransferView> reverse(VendId vendId, long meterId, PriceBreakdown price, Instant soldAt) {
        List<NewTransfer> mirrors = ledger.transfersByReference(vendId.toString()).stream()
                .filter(t -> t.kind() == TransferKind.POST_PENDING || t.kind() == TransferKind.SINGLE_PHASE)
                .filter(t -> t.code() != TransferCode.VEND_REVERSAL)
                .map(t -> NewTransfer.posted(t.id() + ":rev", t.creditAccountId(), t.debitAccountId(), t.amountMinor(),
                        TransferCode.VEND_REVERSAL, vendId.toString()))
                .toList();
        ValidationException.require(!mirrors.isEmpty(), "vendId", "vend " + vendId + " has no posted money to reverse");
        List<TransferResult> results = ledger.createLinked(mirrors);
        if (results.get(0).created()) {
            pricing.unrecordSale(meterId, price, soldAt, vendId.toString());
        }
        return results.stream().map(TransferResult::transfer).toList();
    }

    /**
     * Compensation before the token exists: voids the reservation. Idempotent: a vend already voided or expired, or
     * never reserved, is fine. A vend already posted is a bug in the caller (a token exists): that is a conflict.
     */
    @Transactional
    public ReleaseOutcome release(VendId vendId) {
        String reserveId = VendTransferIds.reserve(vendId);
        Optional<TransferView> reserved = ledger.transfer(reserveId);
        if (reserved.isEmpty()) {
            return ReleaseOutcome.NOTHING_RESERVED;
        }
        Optional<TransferView> voided = ledger.transfer(VendTransferIds.voidOf(vendId));
        if (voided.isPresent()) {
            return ReleaseOutcome.ALREADY_VOIDED;
        }
        PendingStatus status = ledger.pendingStatus(reserveId);
        return switch (status) {
            case PENDING -> ledger.voidPending(new VoidPending(VendTransferIds.voidOf(vendId), reserveId)).created()
                    ? ReleaseOutcome.VOIDED : ReleaseOutcome.ALREADY_VOIDED; // EXISTS: a concurrent twin voided it first
            case EXPIRED -> ReleaseOutcome.ALREADY_EXPIRED;
            case VOIDED -> ReleaseOutcome.ALREADY_VOIDED;
            case POSTED -> throw new ConflictException(ResultCode.PENDING_TRANSFER_ALREADY_POSTED,
                    "vend " + vendId + " is already posted: its token exists and cannot be compensated");
        };
    }

    /** Every transfer of a vend (reservation, post or void, splits, commissions), in order. */
    @Transactional(readOnly = true)
    public List<TransferView> transfersOf(VendId vendId) {
        return ledger.transfersByReference(vendId.toString());
    }
}
