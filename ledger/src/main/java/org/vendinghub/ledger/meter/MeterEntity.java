package org.vendinghub.ledger.meter;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.vendinghub.domain.StsParameters;

import java.time.Instant;

@Entity
@Table(name = "meter")
class MeterEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "utility_id", nullable = false)
    long utilityId;

    @Column(name = "meter_number", nullable = false, length = 13)
    String meterNumber;

    @Column(nullable = false, length = 6)
    String iin;

    @Column(name = "supply_group_id", nullable = false)
    long supplyGroupId;

    @Column(nullable = false, length = 6, columnDefinition = "char(6)")
    String sgc;

    @Column(nullable = false, length = 2, columnDefinition = "char(2)")
    String ti;

    @Column(nullable = false)
    int krn;

    @Column(name = "key_type", nullable = false)
    int keyType;

    @Column(name = "base_date", nullable = false)
    int baseDate;

    @Column(nullable = false, length = 2, columnDefinition = "char(2)")
    String dkga;

    @Column(nullable = false, length = 2, columnDefinition = "char(2)")
    String ea;

    @Column(name = "last_tid", nullable = false)
    long lastTid;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    MeterStatus status;

    @Column(name = "blocked_reason", length = 200)
    String blockedReason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    MeterKind kind;

    @Column(name = "tariff_id")
    Long tariffId;

    @Column(name = "customer_id")
    Long customerId;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    StsParameters sts() {
        return new StsParameters(sgc, ti, krn, keyType, baseDate, dkga, ea);
    }

    void setSts(StsParameters p) {
        sgc = p.sgc();
        ti = p.ti();
        krn = p.krn();
        keyType = p.keyType();
        baseDate = p.baseDate();
        dkga = p.dkga();
        ea = p.ea();
    }

    MeterView view() {
        return new MeterView(id, utilityId, meterNumber, iin, supplyGroupId, sts(), lastTid, status, blockedReason, kind,
                tariffId, customerId);
    }
}
