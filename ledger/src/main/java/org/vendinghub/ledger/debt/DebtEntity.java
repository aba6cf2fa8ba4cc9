package org.vendinghub.ledger.debt;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "debt")
class DebtEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "customer_id", nullable = false)
    long customerId;
    @Column(nullable = false, length = 3, columnDefinition = "char(3)")
    String currency;
    @Column(nullable = false, length = 200)
    String description;
    @Column(name = "original_minor", nullable = false)
    long originalMinor;
    @Column(name = "recovery_bp", nullable = false)
    int recoveryBp;
    @Column(name = "cap_per_purchase_minor")
    Long capPerPurchaseMinor;
    @Column(name = "account_id")
    Long accountId;
    @Column(name = "created_by", nullable = false, length = 64)
    String createdBy;
    @Column(name = "created_at", nullable = false)
    Instant createdAt;
}
