package org.vendinghub.ledger.vendor;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "vendor_adjustment")
class AdjustmentEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "vendor_id", nullable = false)
    long vendorId;
    @Column(name = "amount_minor", nullable = false)
    long amountMinor;
    @Column(nullable = false, length = 200)
    String reason;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    AdjustmentStatus status;
    @Column(name = "requested_by", nullable = false, length = 64)
    String requestedBy;
    @Column(name = "requested_at", nullable = false)
    Instant requestedAt;
    @Column(name = "decided_by", length = 64)
    String decidedBy;
    @Column(name = "decided_at")
    Instant decidedAt;
    @Column(name = "transfer_id", length = 64)
    String transferId;

    AdjustmentView view() {
        return new AdjustmentView(id, vendorId, amountMinor, reason, status, requestedBy, requestedAt, decidedBy, decidedAt,
                transferId);
    }
}
