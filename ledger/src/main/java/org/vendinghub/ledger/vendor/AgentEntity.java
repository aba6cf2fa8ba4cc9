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
@Table(name = "agent")
class AgentEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(nullable = false, length = 100)
    String name;
    @Column(length = 16)
    String phone;
    @Column(name = "commission_bp", nullable = false)
    int commissionBp;
    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    AgentView view() {
        return new AgentView(id, name, phone, commissionBp);
    }
}
