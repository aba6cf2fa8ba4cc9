package org.vendinghub.ledger.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.vendinghub.ledger.TransferCode;
import org.vendinghub.ledger.TransferKind;
import org.vendinghub.ledger.TransferView;

import java.time.Instant;

/** One transfer row: written once, never updated or deleted. */
@Entity
@Immutable
@Table(name = "ledger_transfer")
public class TransferEntity {

    @Id
    @Column(length = 64)
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private TransferKind kind;

    @Column(name = "debit_account_id", nullable = false)
    private long debitAccountId;

    @Column(name = "credit_account_id", nullable = false)
    private long creditAccountId;

    @Column(name = "amount_minor", nullable = false)
    private long amountMinor;

    @Column(nullable = false, length = 3, columnDefinition = "char(3)")
    private String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private TransferCode code;

    @Column(name = "pending_id", length = 64)
    private String pendingId;

    @Column(name = "timeout_seconds")
    private Integer timeoutSeconds;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "linked_id", length = 64)
    private String linkedId;

    @Column(length = 128)
    private String reference;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected TransferEntity() {
    }

    TransferEntity(String id, TransferKind kind, long debitAccountId, long creditAccountId, long amountMinor, String currency,
                   TransferCode code, String pendingId, Integer timeoutSeconds, Instant expiresAt, String linkedId,
                   String reference, Instant createdAt) {
        this.id = id;
        this.kind = kind;
        this.debitAccountId = debitAccountId;
        this.creditAccountId = creditAccountId;
        this.amountMinor = amountMinor;
        this.currency = currency;
        this.code = code;
        this.pendingId = pendingId;
        this.timeoutSeconds = timeoutSeconds;
        this.expiresAt = expiresAt;
        this.linkedId = linkedId;
        this.reference = reference;
        this.createdAt = createdAt;
    }

    public TransferView view() {
        return new TransferView(id, kind, debitAccountId, creditAccountId, amountMinor, currency, code, pendingId,
                timeoutSeconds == null ? 0 : timeoutSeconds, expiresAt, linkedId, reference, createdAt);
    }

    public String getId() {
        return id;
    }

    public TransferKind getKind() {
        return kind;
    }

    public long getDebitAccountId() {
        return debitAccountId;
    }

    public long getCreditAccountId() {
        return creditAccountId;
    }

    public long getAmountMinor() {
        return amountMinor;
    }

    public TransferCode getCode() {
        return code;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public String getPendingId() {
        return pendingId;
    }
}
