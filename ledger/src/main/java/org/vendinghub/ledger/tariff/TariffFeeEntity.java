package org.vendinghub.ledger.tariff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "tariff_fee")
class TariffFeeEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "version_id", nullable = false)
    long versionId;
    @Column(nullable = false, length = 32)
    String code;
    @Column(nullable = false, length = 100)
    String name;
    @Column(name = "amount_minor", nullable = false)
    long amountMinor;
    @Column(nullable = false, length = 8)
    String period;
}
