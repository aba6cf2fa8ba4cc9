package org.vendinghub.ledger.tariff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "tariff")
class TariffEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "utility_id", nullable = false)
    long utilityId;
    @Column(nullable = false, length = 32)
    String code;
    @Column(nullable = false, length = 100)
    String name;
    @Column(nullable = false, length = 3, columnDefinition = "char(3)")
    String currency;
    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    TariffView view() {
        return new TariffView(id, utilityId, code, name, currency);
    }
}
