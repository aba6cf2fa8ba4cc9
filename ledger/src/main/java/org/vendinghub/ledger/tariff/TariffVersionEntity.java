package org.vendinghub.ledger.tariff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Written once: a price change is a new version. */
@Entity
@Table(name = "tariff_version")
class TariffVersionEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "tariff_id", nullable = false)
    long tariffId;
    @Column(name = "valid_from", nullable = false)
    Instant validFrom;
    @Column(name = "valid_to")
    Instant validTo;
    @Column(name = "tax_rate_bp", nullable = false)
    int taxRateBp;
    @Column(name = "created_at", nullable = false)
    Instant createdAt;
}
