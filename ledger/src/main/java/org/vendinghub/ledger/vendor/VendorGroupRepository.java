package org.vendinghub.ledger.vendor;

import org.springframework.data.jpa.repository.JpaRepository;

interface VendorGroupRepository extends JpaRepository<VendorGroupEntity, Long> {
    boolean existsByName(String name);
}
