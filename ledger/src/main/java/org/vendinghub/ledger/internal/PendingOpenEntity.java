package org.vendinghub.ledger.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Index of unresolved pending transfers, so the expiry sweeper never scans history. */
@Entity
@Table(name = "ledger_pending_open")
public class PendingOpenEntity {

    @Id
    @Column(name = "transfer_id", length = 64)
    private String transferId;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected PendingOpenEntity() {
    }

    PendingOpenEntity(String transferId, Instant expiresAt) {
        this.transferId = transferId;
        this.expiresAt = expiresAt;
    }

    public String getTransferId() {
        return transferId;
    }
}
