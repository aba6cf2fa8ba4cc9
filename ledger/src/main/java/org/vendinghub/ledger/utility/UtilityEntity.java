package org.vendinghub.ledger.utility;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "utility")
class UtilityEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, length = 100)
    String name;

    @Column(nullable = false, length = 3, columnDefinition = "char(3)")
    String currency;

    @Column(name = "tax_rate_bp", nullable = false)
    int taxRateBp;

    @Column(length = 300)
    String address;

    @Column(name = "tax_reference", length = 40)
    String taxReference;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    UtilityView view() {
        return new UtilityView(id, name, currency, taxRateBp, address, taxReference);
    }
}
