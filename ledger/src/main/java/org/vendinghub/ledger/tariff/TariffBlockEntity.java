package org.vendinghub.ledger.tariff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "tariff_block")
class TariffBlockEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "version_id", nullable = false)
    long versionId;
    @Column(name = "from_units_tenths", nullable = false)
    long fromUnitsTenths;
    @Column(name = "rate_per_unit_minor_e4", nullable = false)
    long ratePerUnitMinorE4;
}
