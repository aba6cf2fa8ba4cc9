package org.vendinghub.ledger.meter;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.vendinghub.domain.StsParameters;

import java.time.Instant;

@Entity
@Table(name = "meter_key_change")
class KeyChangeEntity {

    static final String DUE = "DUE";
    static final String ISSUED = "ISSUED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "meter_id", nullable = false)
    long meterId;

    @Column(name = "old_sgc", nullable = false, columnDefinition = "char(6)")
    String oldSgc;
    @Column(name = "old_ti", nullable = false, columnDefinition = "char(2)")
    String oldTi;
    @Column(name = "old_krn", nullable = false)
    int oldKrn;
    @Column(name = "old_key_type", nullable = false)
    int oldKeyType;
    @Column(name = "old_base_date", nullable = false)
    int oldBaseDate;
    @Column(name = "old_dkga", nullable = false, columnDefinition = "char(2)")
    String oldDkga;
    @Column(name = "old_ea", nullable = false, columnDefinition = "char(2)")
    String oldEa;

    @Column(name = "new_sgc", nullable = false, columnDefinition = "char(6)")
    String newSgc;
    @Column(name = "new_ti", nullable = false, columnDefinition = "char(2)")
    String newTi;
    @Column(name = "new_krn", nullable = false)
    int newKrn;
    @Column(name = "new_key_type", nullable = false)
    int newKeyType;
    @Column(name = "new_base_date", nullable = false)
    int newBaseDate;
    @Column(name = "new_dkga", nullable = false, columnDefinition = "char(2)")
    String newDkga;
    @Column(name = "new_ea", nullable = false, columnDefinition = "char(2)")
    String newEa;

    @Column(nullable = false, length = 8)
    String status;

    @Column(name = "requested_by", nullable = false, length = 64)
    String requestedBy;

    @Column(name = "requested_at", nullable = false)
    Instant requestedAt;

    @Column(name = "issued_at")
    Instant issuedAt;

    static KeyChangeEntity due(long meterId, StsParameters from, StsParameters to, String requestedBy, Instant at) {
        KeyChangeEntity k = new KeyChangeEntity();
        k.meterId = meterId;
        k.oldSgc = from.sgc();
        k.oldTi = from.ti();
        k.oldKrn = from.krn();
        k.oldKeyType = from.keyType();
        k.oldBaseDate = from.baseDate();
        k.oldDkga = from.dkga();
        k.oldEa = from.ea();
        k.newSgc = to.sgc();
        k.newTi = to.ti();
        k.newKrn = to.krn();
        k.newKeyType = to.keyType();
        k.newBaseDate = to.baseDate();
        k.newDkga = to.dkga();
        k.newEa = to.ea();
        k.status = DUE;
        k.requestedBy = requestedBy;
        k.requestedAt = at;
        return k;
    }

    KeyChangeView view() {
        return new KeyChangeView(id, meterId, new StsParameters(oldSgc, oldTi, oldKrn, oldKeyType, oldBaseDate, oldDkga, oldEa),
                new StsParameters(newSgc, newTi, newKrn, newKeyType, newBaseDate, newDkga, newEa), status, requestedBy,
                requestedAt, issuedAt);
    }
}
