package org.vendinghub.ledger.vendor;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

interface VendorRepository extends JpaRepository<VendorEntity, Long> {
    Optional<VendorEntity> findByUtilityIdAndName(long utilityId, String name);

    Page<VendorEntity> findByGroupId(long groupId, Pageable page);

    Page<VendorEntity> findByAgentId(long agentId, Pageable page);
}
