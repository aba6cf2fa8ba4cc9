package org.vendinghub.ledger.meter;

import jakarta.persistence.EntityManager;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.vendinghub.domain.MeterNumber;
import org.vendinghub.domain.StsParameters;
import org.vendinghub.domain.ValidationException;
import org.vendinghub.ledger.ConflictException;
import org.vendinghub.ledger.LedgerService;
import org.vendinghub.ledger.NotFoundException;
import org.vendinghub.ledger.ResultCode;
import org.vendinghub.ledger.customer.CustomerService;
import org.vendinghub.ledger.internal.Rows;
import org.vendinghub.ledger.internal.Text;
import org.vendinghub.ledger.tariff.TariffService;
import org.vendinghub.ledger.utility.SupplyGroupView;
import org.vendinghub.ledger.utility.UtilityService;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Meters: registration, STS parameters and key changes, blocking, and the per-meter TID sequence. */
@Service
public class MeterService {

    /** Tokens issued together for one meter (credit + free + a four-token key change set) stay well below this. */
    public static final int TIDS_PER_CALL_MAX = 16;

    private final MeterRepository meters;
    private final KeyChangeRepository keyChanges;
    private final UtilityService utilities;
    private final CustomerService customers;
    private final TariffService tariffs;
    private final LedgerService ledger;
    private final EntityManager em;

    public MeterService(MeterRepository meters, KeyChangeRepository keyChanges, UtilityService utilities,
                        CustomerService customers, TariffService tariffs, LedgerService ledger, EntityManager em) {
        this.meters = meters;
        this.keyChanges = keyChanges;
        this.utilities = utilities;
        this.customers = customers;
        this.tariffs = tariffs;
        this.ledger = ledger;
        this.em = em;
    }

    @Transactional
    public MeterView register(NewMeter c) {
        utilities.utility(c.utilityId());
        MeterNumber number = new MeterNumber(c.meterNumber());
        String iin = c.iin() == null ? number.defaultIin() : c.iin();
        ValidationException.require(iin.equals(number.defaultIin()), "iin", number.value().length() == 11
                ? "IIN must be 600727 for an 11-digit meter number" : "IIN must be 0000 for a 13-digit meter number");
        ValidationException.require(c.kind() != null, "kind", "meter kind (THICK or THIN) is required");
        if (meters.findByMeterNumber(number.value()).isPresent()) {
            throw new ConflictException(ResultCode.ALREADY_EXISTS, "meter " + number + " is already registered");
        }
        MeterEntity row = new MeterEntity();
        row.utilityId = c.utilityId();
        row.meterNumber = number.value();
        row.iin = iin;
        SupplyGroupView group = utilities.supplyGroup(c.supplyGroupId());
        ValidationException.require(group.utilityId() == c.utilityId(), "supplyGroupId", "the supply group belongs to another utility");
        row.supplyGroupId = group.id();
        row.setSts(stsOf(group, c.ti()));
        row.status = MeterStatus.ACTIVE;
        row.kind = c.kind();
        row.tariffId = requireTariff(c.tariffId(), c.utilityId());
        row.customerId = requireCustomer(c.customerId());
        row.createdAt = ledger.now();
        return meters.saveAndFlush(row).view();
    }

    private static StsParameters stsOf(SupplyGroupView group, String ti) {
        return new StsParameters(group.sgc(), ti, group.krn(), group.keyType(), group.baseDate(), group.dkga(), group.ea());
    }

    private Long requireTariff(Long tariffId, long utilityId) {
        if (tariffId != null) {
            ValidationException.require(tariffs.tariff(tariffId).utilityId() == utilityId, "tariffId",
                    "the tariff belongs to another utility");
        }
        return tariffId;
    }

    private Long requireCustomer(Long customerId) {
        if (customerId != null) {
            customers.customer(customerId);
        }
        return customerId;
    }

    /**
     * Moves the meter to another supply group and/or tariff index. When the decoder key changes (SGC, TI, KRN, key
     * type, base date or DKGA), a key change is recorded as DUE with the old parameters, which the hub needs to make
     * the key change tokens under the old key. Returns the recorded key change, if any.
     */
    @Transactional
    public Optional<KeyChangeView> changeStsParameters(long meterId, long supplyGroupId, String ti, String requestedBy) {
        String user = Text.user(requestedBy, "requestedBy");
        MeterEntity row = Rows.lockFresh(em, MeterEntity.class, meterId, "meter");
        StsParameters from = row.sts();
        SupplyGroupView group = utilities.supplyGroup(supplyGroupId);
        ValidationException.require(group.utilityId() == row.utilityId, "supplyGroupId", "the supply group belongs to another utility");
        StsParameters to = stsOf(group, ti);
        row.supplyGroupId = supplyGroupId;
        row.setSts(to);
        if (!from.decoderKeyDiffersFrom(to)) {
            return Optional.empty();
        }
        if (to.baseDate() != from.baseDate()) {
            row.lastTid = 0; // the key change sets RO=1: the meter clears its TID memory for the new base date
        }
        return Optional.of(keyChanges.saveAndFlush(KeyChangeEntity.due(meterId, from, to, user, ledger.now())).view());
    }

    @Transactional(readOnly = true)
    public List<KeyChangeView> dueKeyChanges(long meterId) {
        return keyChanges.findByMeterIdAndStatusOrderById(meterId, KeyChangeEntity.DUE).stream().map(KeyChangeEntity::view).toList();
    }

    @Transactional(readOnly = true)
    public List<KeyChangeView> keyChanges(long meterId) {
        return keyChanges.findByMeterIdOrderById(meterId).stream().map(KeyChangeEntity::view).toList();
    }

    /** Called by the hub in the transaction that persists the key change tokens. */
    @Transactional
    public KeyChangeView markKeyChangeIssued(long keyChangeId) {
        KeyChangeEntity change = Rows.lockFresh(em, KeyChangeEntity.class, keyChangeId, "key change");
        if (!KeyChangeEntity.DUE.equals(change.status)) {
            throw new ConflictException(ResultCode.INVALID_STATE, "key change " + keyChangeId + " was already issued");
        }
        change.status = KeyChangeEntity.ISSUED;
        change.issuedAt = ledger.now();
        return change.view();
    }

    @Transactional
    public MeterView block(long meterId, String reason) {
        String why = Text.required(reason, "reason", "reason for blocking", 200);
        MeterEntity row = Rows.require(em, MeterEntity.class, meterId, "meter");
        row.status = MeterStatus.BLOCKED;
        row.blockedReason = why;
        return row.view();
    }

    @Transactional
    public MeterView unblock(long meterId) {
        MeterEntity row = Rows.require(em, MeterEntity.class, meterId, "meter");
        row.status = MeterStatus.ACTIVE;
        row.blockedReason = null;
        return row.view();
    }

    @Transactional
    public MeterView assignCustomer(long meterId, Long customerId) {
        MeterEntity row = Rows.require(em, MeterEntity.class, meterId, "meter");
        row.customerId = requireCustomer(customerId);
        return row.view();
    }

    @Transactional
    public MeterView assignTariff(long meterId, Long tariffId) {
        MeterEntity row = Rows.require(em, MeterEntity.class, meterId, "meter");
        row.tariffId = requireTariff(tariffId, row.utilityId);
        return row.view();
    }

    @Transactional
    public MeterView changeKind(long meterId, MeterKind kind) {
        ValidationException.require(kind != null, "kind", "meter kind (THICK or THIN) is required");
        MeterEntity row = Rows.require(em, MeterEntity.class, meterId, "meter");
        row.kind = kind;
        return row.view();
    }

    /**
     * Allocates {@code count} TIDs for tokens issued together, strictly increasing and never reused:
     * the first is max(nowMinutes, lastTid + 1), each next one is the previous + 1, and a reserved minute
     * (tid % 1440 == 1) is skipped. Runs under a row lock on the meter in the CALLER's transaction, the one that
     * persists the tokens and posts the transfer, so a rollback gives the TIDs back and two nodes never share one.
     *
     * @param nowMinutes minutes since the meter's base date ({@link Tids#minutesSinceBaseDate})
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Long> allocateTids(long meterId, long nowMinutes, int count) {
        ValidationException.require(count >= 1 && count <= TIDS_PER_CALL_MAX, "count",
                "TID count must be 1 to " + TIDS_PER_CALL_MAX);
        MeterEntity row = Rows.lockFresh(em, MeterEntity.class, meterId, "meter");
        List<Long> tids = Tids.allocate(row.lastTid, nowMinutes, count);
        if (tids.isEmpty()) {
            throw noTidsLeft(row.meterNumber, row.baseDate);
        }
        long last = tids.get(count - 1);
        row.lastTid = last;
        em.flush();
        return tids;
    }

    /** The refusal when a meter's base date has no TIDs left. */
    public static ConflictException noTidsLeft(String meterNumber, int baseDate) {
        return new ConflictException(ResultCode.INVALID_STATE, "meter " + meterNumber + " has no TIDs left on base date "
                + baseDate + ": a key change to a later base date is due");
    }

    @Transactional(readOnly = true)
    public MeterView meter(long meterId) {
        return meters.findById(meterId).map(MeterEntity::view).orElseThrow(() -> NotFoundException.of("meter", meterId));
    }

    /** Looks a meter up by number; the number is validated first so that a typo gets the precise message. */
    @Transactional(readOnly = true)
    public MeterView byNumber(String meterNumber) {
        MeterNumber number = new MeterNumber(meterNumber);
        return meters.findByMeterNumber(number.value()).map(MeterEntity::view)
                .orElseThrow(() -> NotFoundException.of("meter", number.value()));
    }

    @Transactional(readOnly = true)
    public Page<MeterView> meters(MeterStatus status, Pageable page) {
        return (status == null ? meters.findAll(page) : meters.findByStatus(status, page)).map(MeterEntity::view);
    }

    @Transactional(readOnly = true)
    public List<MeterView> metersOfCustomer(long customerId) {
        return meters.findByCustomerId(customerId).stream().map(MeterEntity::view).toList();
    }
}
