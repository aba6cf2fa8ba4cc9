package org.vendinghub.ledger.utility;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "supply_group")
class SupplyGroupEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "utility_id", nullable = false)
    long utilityId;

    @Column(nullable = false, length = 100)
    String name;

    @Column(nullable = false, length = 6, columnDefinition = "char(6)")
    String sgc;

    @Column(nullable = false)
    int krn;

    @Column(name = "key_type", nullable = false)
    int keyType;

    @Column(name = "base_date", nullable = false)
    int baseDate;

    @Column(nullable = false, length = 2, columnDefinition = "char(2)")
    String dkga;

    @Column(nullable = false, length = 2, columnDefinition = "char(2)")
    String ea;

    @Column(name = "vending_key_id", nullable = false, length = 64)
    String vendingKeyId;

    @Column(name = "key_check_value", length = 16)
    String keyCheckValue;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    SupplyGroupView view() {
        return new SupplyGroupView(id, utilityId, name, sgc, krn, keyType, baseDate, dkga, ea, vendingKeyId, keyCheckValue);
    }
}
