package org.vendinghub.ledger.vendor;

import jakarta.persistence.EntityManager;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vendinghub.domain.ValidationException;
import org.vendinghub.ledger.AccountType;
import org.vendinghub.ledger.ConflictException;
import org.vendinghub.ledger.LedgerService;
import org.vendinghub.ledger.NewTransfer;
import org.vendinghub.ledger.ResultCode;
import org.vendinghub.ledger.TransferCode;
import org.vendinghub.ledger.TransferView;
import org.vendinghub.ledger.internal.Rows;
import org.vendinghub.ledger.internal.Text;

import java.util.ArrayList;
import java.util.List;

/** A vendor's float: deposits (with the discount bonus), transfers between vendors, two-person adjustments. */
@Service
public class VendorFloatService {

    private static final long BP = 10_000;

    private final VendorService vendors;
    private final AdjustmentRepository adjustments;
    private final LedgerService ledger;
    private final EntityManager em;

    public VendorFloatService(VendorService vendors, AdjustmentRepository adjustments, LedgerService ledger, EntityManager em) {
        this.vendors = vendors;
        this.adjustments = adjustments;
        this.ledger = ledger;
        this.em = em;
    }

    /**
     * Credits the float with the deposit and, on discount terms, a bonus so that X buys X / (1 - d):
     * bonus = X × d / (1 - d), rounded DOWN to the minor unit (the float never holds a fraction the utility did not
     * grant; the vendor loses less than one minor unit per deposit). Both transfers are linked. A retry with the
     * same depositRef returns the stored transfers.
     */
    @Transactional
    public List<TransferView> deposit(VendorDeposit d) {
        ValidationException.require(d.amountMinor() > 0, "amountMinor", "amount must be positive");
        ValidationException.require(d.channel() != null && d.channel().matches("[A-Z][A-Z0-9_]{1,31}"), "channel",
                "channel must be 2 to 32 capital letters, digits or underscores");
        requireRef(d.depositRef(), "depositRef");
        VendorView vendor = vendors.vendor(d.vendorId());
        long clearing = ledger.openAccount(AccountType.CHANNEL_CLEARING, vendor.currency(), "channel:" + d.channel()).id();
        String reference = Text.optional(d.reference(), "reference", "reference", 128);
        List<NewTransfer> chain = new ArrayList<>();
        chain.add(NewTransfer.posted("deposit:" + d.depositRef(), clearing, vendor.floatAccountId(), d.amountMinor(),
                TransferCode.VENDOR_DEPOSIT, reference));
        long bonus = vendor.terms() == VendorTerms.DISCOUNT ? discountBonus(d.amountMinor(), vendor.discountBp()) : 0;
        if (bonus > 0) {
            long expense = ledger.systemAccount(AccountType.VENDOR_DISCOUNT_EXPENSE, vendor.currency()).id();
            chain.add(NewTransfer.posted("deposit:" + d.depositRef() + ":bonus", expense, vendor.floatAccountId(), bonus,
                    TransferCode.VENDOR_DISCOUNT_BONUS, reference));
        }
        return ledger.createLinked(chain).stream().map(r -> r.transfer()).toList();
    }

    /** X × d / (1 - d) in basis points, rounded down: 10000 at 5 % gives 526 (10526.3 in all). */
    public static long discountBonus(long depositMinor, int discountBp) {
        return Math.multiplyExact(depositMinor, discountBp) / (BP - discountBp);
    }

    /** Moves float between two vendors of one currency; the sender's balance rule applies. */
    @Transactional
    public TransferView transfer(VendorTransfer t) {
        requireRef(t.transferRef(), "transferRef");
        ValidationException.require(t.fromVendorId() != t.toVendorId(), "toVendorId", "a vendor cannot transfer to itself");
        ValidationException.require(t.amountMinor() > 0, "amountMinor", "amount must be positive");
        String user = Text.user(t.requestedBy(), "requestedBy");
        VendorView from = vendors.vendor(t.fromVendorId());
        VendorView to = vendors.vendor(t.toVendorId());
        return ledger.create(NewTransfer.posted("vendor-transfer:" + t.transferRef(), from.floatAccountId(), to.floatAccountId(),
                t.amountMinor(), TransferCode.VENDOR_TRANSFER, "by:" + user)).transfer();
    }

    /** Records a manual adjustment; nothing moves until a different user approves it. */
    @Transactional
    public AdjustmentView requestAdjustment(long vendorId, long amountMinor, String reason, String requestedBy) {
        vendors.vendor(vendorId);
        ValidationException.require(amountMinor != 0, "amountMinor", "an adjustment must not be zero");
        AdjustmentEntity row = new AdjustmentEntity();
        row.vendorId = vendorId;
        row.amountMinor = amountMinor;
        row.reason = Text.required(reason, "reason", "reason", 200);
        row.requestedBy = Text.user(requestedBy, "requestedBy");
        row.status = AdjustmentStatus.REQUESTED;
        row.requestedAt = ledger.now();
        return adjustments.saveAndFlush(row).view();
    }

    /** Posts the adjustment as a transfer against the ADJUSTMENT account. The approver must not be the requester. */
    @Transactional
    public AdjustmentView approveAdjustment(long adjustmentId, String approvedBy) {
        AdjustmentEntity row = requireRequested(adjustmentId, approvedBy);
        VendorView vendor = vendors.vendor(row.vendorId);
        long other = ledger.systemAccount(AccountType.ADJUSTMENT, vendor.currency()).id();
        boolean credit = row.amountMinor > 0;
        String transferId = "adjustment:" + row.id;
        ledger.create(NewTransfer.posted(transferId, credit ? other : vendor.floatAccountId(), credit ? vendor.floatAccountId() : other,
                Math.abs(row.amountMinor), TransferCode.MANUAL_ADJUSTMENT, "adjustment:" + row.id));
        row.status = AdjustmentStatus.APPROVED;
        row.decidedBy = approvedBy.trim();
        row.decidedAt = ledger.now();
        row.transferId = transferId;
        return row.view();
    }

    @Transactional
    public AdjustmentView rejectAdjustment(long adjustmentId, String rejectedBy) {
        AdjustmentEntity row = requireRequested(adjustmentId, rejectedBy);
        row.status = AdjustmentStatus.REJECTED;
        row.decidedBy = rejectedBy.trim();
        row.decidedAt = ledger.now();
        return row.view();
    }

    private AdjustmentEntity requireRequested(long adjustmentId, String user) {
        String decidedBy = Text.user(user, "decidedBy");
        AdjustmentEntity row = Rows.lockFresh(em, AdjustmentEntity.class, adjustmentId, "adjustment"); // one decision only
        if (row.status != AdjustmentStatus.REQUESTED) {
            throw new ConflictException(ResultCode.INVALID_STATE, "adjustment " + adjustmentId + " is already "
                    + row.status.name().toLowerCase());
        }
        if (row.requestedBy.equals(decidedBy)) {
            throw new ConflictException(ResultCode.SAME_USER_CANNOT_APPROVE,
                    "adjustment " + adjustmentId + " must be decided by a user other than " + decidedBy + ", who requested it");
        }
        return row;
    }

    @Transactional(readOnly = true)
    public Page<AdjustmentView> adjustments(long vendorId, Pageable page) {
        return adjustments.findByVendorIdOrderByIdDesc(vendorId, page).map(AdjustmentEntity::view);
    }

    @Transactional(readOnly = true)
    public Page<AdjustmentView> adjustmentsAwaitingDecision(Pageable page) {
        return adjustments.findByStatusOrderById(AdjustmentStatus.REQUESTED, page).map(AdjustmentEntity::view);
    }

    /** The float's statement: deposits, sales, transfers, adjustments (paged, oldest first). */
    @Transactional(readOnly = true)
    public Page<TransferView> statement(long vendorId, Pageable page) {
        return ledger.statement(vendors.vendor(vendorId).floatAccountId(), page);
    }

    private static void requireRef(String ref, String field) {
        ValidationException.require(ref != null && ref.matches("[A-Za-z0-9._-]{1,40}"), field,
                field + " must be 1 to 40 characters of A-Z a-z 0-9 . _ -");
    }
}
