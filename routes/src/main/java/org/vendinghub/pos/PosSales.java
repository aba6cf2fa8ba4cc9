package org.vendinghub.pos;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vendinghub.audit.AuditLog;
import org.vendinghub.domain.ChannelRef;
import org.vendinghub.domain.MeterNumber;
import org.vendinghub.domain.Money;
import org.vendinghub.domain.ValidationException;
import org.vendinghub.domain.VendId;
import org.vendinghub.ledger.NotFoundException;
import org.vendinghub.ledger.meter.MeterService;
import org.vendinghub.ledger.meter.MeterView;
import org.vendinghub.ledger.sale.Payer;
import org.vendinghub.ledger.vendor.VendorService;
import org.vendinghub.ledger.vendor.VendorView;
import org.vendinghub.vend.EngineeringRequest;
import org.vendinghub.vend.VendCheck;
import org.vendinghub.vend.VendRequest;
import org.vendinghub.vend.VendService;
import org.vendinghub.vend.VendStatus;
import org.vendinghub.vend.VendView;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a cashier does on a terminal, on top of the hub's vend flow ({@link VendService}): sell on the vendor's float
 * (channel POS, the terminal's client reference as idempotency key), reprint the shift's tokens, reverse the shift's own
 * vends within the hub's window, issue due key-change tokens, and check a meter. Every request is linked to its
 * terminal, cashier and shift ({@link PosVendLinks}).
 */
@Service
class PosSales {

    private final VendService vends;
    private final PosVendLinks links;
    private final PosShifts shifts;
    private final PosReceipts receipts;
    private final VendorService vendors;
    private final MeterService meters;
    private final AuditLog audit;

    PosSales(VendService vends, PosVendLinks links, PosShifts shifts, PosReceipts receipts, VendorService vendors, MeterService meters,
             AuditLog audit) {
        this.vends = vends;
        this.links = links;
        this.shifts = shifts;
        this.receipts = receipts;
        this.vendors = vendors;
        this.meters = meters;
        this.audit = audit;
    }

    /** A vend and whether this call made it (false: the replay of an earlier request with the same clientRef). */
    record Sold(VendView vend, boolean created) {
    }

    Sold vend(PosCaller caller, String clientRef, String meterNumber, Money amount, Long unitsTenths, String smsTo) {
        String channelRef = channelRef(caller, clientRef);
        VendorView vendor = vendors.vendor(caller.vendorId());
        ValidationException.require(amount == null || vendor.currency().equals(amount.currency()), "amount.currency",
                "currency must be " + vendor.currency() + ", the currency of this vendor's float");
        new VendRequest(new ChannelRef(PosVendLinks.CHANNEL, channelRef), meterNumber, amount, unitsTenths, Payer.vendor(vendor.id()),
                caller.operator(), smsTo, null, null); // refuses bad input before anything is written
        PosVendLinks.Claim claim = links.claim(caller, channelRef, clientRef);
        VendRequest request = new VendRequest(new ChannelRef(PosVendLinks.CHANNEL, channelRef), meterNumber, amount, unitsTenths,
                Payer.vendor(vendor.id()), caller.operator(), smsTo, null, Map.of("terminal", caller.terminalId(),
                "cashier", caller.cashierLogin(), "shift", Long.toString(claim.link().shiftId())));
        VendService.Outcome outcome;
        try {
            outcome = vends.vend(request);
        } catch (RuntimeException e) {
            if (claim.created()) {
                links.forgetUnvended(channelRef);
            }
            throw e;
        }
        links.setVendId(channelRef, outcome.vend().id());
        return new Sold(outcome.vend(), outcome.created());
    }

    /** The key-change tokens the meter is due (after a change of supply group, tariff index or key revision); no money. */
    @Transactional
    Sold keyChange(PosCaller caller, String clientRef, String meterNumber) {
        String channelRef = channelRef(caller, clientRef);
        MeterView meter;
        try {
            meter = meters.byNumber(new MeterNumber(meterNumber).value());
        } catch (NotFoundException e) {
            throw unknownMeter(meterNumber); // rolls back this transaction, which the lookup marked for rollback
        }
        requireVendorsUtility(vendors.vendor(caller.vendorId()), meter);
        PosVendLinks.Claim claim = links.claim(caller, channelRef, clientRef); // the engineering vend joins this transaction
        VendService.Outcome outcome = vends.engineering(new EngineeringRequest(new ChannelRef(PosVendLinks.CHANNEL, channelRef),
                meterNumber, EngineeringRequest.Type.KEY_CHANGE, 0, caller.operator(), "key change at POS terminal " + caller.terminalId()));
        links.setVendId(claim.link().channelRef(), outcome.vend().id());
        return new Sold(outcome.vend(), outcome.created());
    }

    VendCheck check(String meterNumber) {
        new MeterNumber(meterNumber);
        try {
            return vends.check(meterNumber);
        } catch (NotFoundException e) {
            throw unknownMeter(meterNumber);
        }
    }

    /** A vend of the open shift of this terminal, as it stands. */
    VendView find(PosCaller caller, String vendId) {
        PosShifts.Shift shift = shifts.requireCurrent(caller);
        PosVendLinks.Link link = inShift(caller, vendId, shift);
        return vends.find(VendId.parse(vendId)).orElseThrow(() -> notSold(link.clientRef()));
    }

    /** A vend of this terminal by the client reference it was sold with (any shift): how a terminal finds a lost answer. */
    Optional<VendView> byClientRef(PosCaller caller, String clientRef) {
        return vends.findByChannelRef(PosVendLinks.CHANNEL, channelRef(caller, clientRef));
    }

    /** The open shift's vends, newest first. */
    List<VendView> shiftVends(PosCaller caller, int limit) {
        PosShifts.Shift shift = shifts.requireCurrent(caller);
        return links.vendIds(shift.id(), Math.min(Math.max(limit, 1), 200)).stream()
                .map(id -> vends.find(VendId.parse(id)).orElseThrow()).toList();
    }

    /** The receipt of a vend of the open shift ("last": its last vend with a token); a second print is a copy, audited. */
    PosReceipt receipt(PosCaller caller, String vendIdOrLast) {
        PosShifts.Shift shift = shifts.requireCurrent(caller);
        String vendId = "last".equals(vendIdOrLast) ? links.issuedVendIds(shift.id(), 1).stream().findFirst()
                .orElseThrow(() -> PosRefusedException.notFound("NO_VEND", "no vend of this shift has a token to print yet")) : vendIdOrLast;
        PosVendLinks.Link link = inShift(caller, vendId, shift);
        VendView vend = vends.find(VendId.parse(vendId)).orElseThrow(() -> notSold(link.clientRef()));
        if (vend.status() == VendStatus.REVERSED) {
            throw PosRefusedException.conflict("VEND_REVERSED", "vend " + vendId + " was reversed: its tokens must not be handed out");
        }
        if (!vend.status().hasTokens()) {
            throw PosRefusedException.conflict("NO_TOKEN", vend.status() == VendStatus.VOIDED
                    ? "vend " + vendId + " was refused (" + vend.failureCode() + "): it has no token to print"
                    : "vend " + vendId + " is still on its way: ask for it again in a moment");
        }
        int copy = links.countPrint(link.channelRef());
        if (copy > 0) {
            audit.record(caller.getName(), "TOKENS_REPRINTED", "meter " + vend.meterNumber(), "receipt " + vend.receiptNo()
                    + " copy " + copy + " on terminal " + caller.terminalId());
        }
        return receipts.receipt(vend, link, caller, copy);
    }

    /** Reverses a vend of the open shift within the hub's window (VendService.reverse says why not otherwise: 422). */
    @Transactional
    VendView reverse(PosCaller caller, String vendId, String reason) {
        PosShifts.Shift shift = shifts.lockOpen(caller); // the shift cannot close halfway through the reversal
        PosVendLinks.Link link = inShift(caller, vendId, shift);
        VendView reversed = vends.reverse(VendId.parse(vendId), reason, caller.getName());
        links.markReversed(link.channelRef(), caller.cashierId());
        return reversed;
    }

    private PosVendLinks.Link inShift(PosCaller caller, String vendId, PosShifts.Shift shift) {
        String id = VendId.parse(vendId).toString();
        PosVendLinks.Link link = links.byVendId(id).filter(l -> l.terminalPk() == caller.terminalPk())
                .orElseThrow(() -> PosRefusedException.notFound("NOT_FOUND", "no vend " + id + " was sold on this terminal"));
        if (link.shiftId() != shift.id()) {
            throw PosRefusedException.conflict("NOT_IN_CURRENT_SHIFT", "vend " + id + " was sold in an earlier shift of this terminal: "
                    + "only the open shift's vends can be reprinted or reversed here");
        }
        return link;
    }

    /** For key changes, which move no money; a credit vend is refused OTHER_UTILITY by the vend flow's reserve step. */
    private static void requireVendorsUtility(VendorView vendor, MeterView meter) {
        if (meter.utilityId() != vendor.utilityId()) {
            throw new PosRefusedException(HttpStatus.UNPROCESSABLE_ENTITY, "OTHER_UTILITY", "meter " + meter.meterNumber()
                    + " is supplied by another utility than the one this vendor sells for");
        }
    }

    private static String channelRef(PosCaller caller, String clientRef) {
        ValidationException.require(clientRef != null && clientRef.matches("[\\x21-\\x7E]{1,64}"), "clientRef",
                "clientRef must be 1 to 64 printable characters without spaces, unique per sale on this terminal");
        return caller.terminalId() + ":" + clientRef;
    }

    private static PosRefusedException unknownMeter(String meterNumber) {
        return PosRefusedException.notFound("UNKNOWN_METER", "meter " + meterNumber + " is not registered");
    }

    private static PosRefusedException notSold(String clientRef) {
        return PosRefusedException.notFound("NOT_FOUND", "the request " + clientRef + " never became a vend");
    }
}
