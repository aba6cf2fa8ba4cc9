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
import org.vendinghub.ledger.pricing.PriceBreakdown;
import org.vendinghub.ledger.pricing.PricingService;
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

    private final LedgerService ledger;
    private final PricingService pricing;
    private final VendorService vendors;
    private final VendPostings.Accounts accounts;

    public VendMoneyService(LedgerService ledger, PricingService pricing, VendorService vendors) {
        this.ledger = ledger;
        this.pricing = pricing;
        this.vendors = vendors;
        this.accounts = new VendPostings.Accounts() {
            @Override
            public long system(AccountType type, String currency) {
                return ledger.systemAccount(type, currency).id();
            }

            @Override
            public long debtReceivable(String debtId, String currency) {
                return ledger.findAccount(AccountType.DEBT_RECEIVABLE, currency, "debt:" + debtId).orElseThrow().id();
            }

            @Override
            public long commissionPayable(String ownerRef, String currency) {
                return ledger.openAccount(AccountType.COMMISSION_PAYABLE, currency, ownerRef).id();
            }
        };
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
        List<NewTransfer> chain = new ArrayList<>(VendPostings.splits(vendId, reserved.creditAccountId(), price, accounts));
        Long vendorId = VendPostings.vendorOf(ledger.account(reserved.debitAccountId()).ownerRef());
        if (vendorId != null) {
            chain.addAll(VendPostings.commissions(reserved.reference(), vendors.commissionFor(vendorId), price.tenderedMinor(),
                    price.currency(), accounts));
        }
        return chain;
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
