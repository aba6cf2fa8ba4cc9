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
@Table(name = "vendor")
class VendorEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "utility_id", nullable = false)
    long utilityId;
    @Column(nullable = false, length = 100)
    String name;
    @Column(name = "group_id")
    Long groupId;
    @Column(name = "agent_id")
    Long agentId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    VendorTerms terms;
    @Column(name = "discount_bp", nullable = false)
    int discountBp;
    @Column(name = "commission_bp", nullable = false)
    int commissionBp;
    @Column(name = "float_account_id")
    Long floatAccountId;
    @Column(name = "created_at", nullable = false)
    Instant createdAt;
}
