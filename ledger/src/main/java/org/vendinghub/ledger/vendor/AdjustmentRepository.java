package org.vendinghub.ledger.vendor;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface AdjustmentRepository extends JpaRepository<AdjustmentEntity, Long> {
    Page<AdjustmentEntity> findByVendorIdOrderByIdDesc(long vendorId, Pageable page);

    Page<AdjustmentEntity> findByStatusOrderById(AdjustmentStatus status, Pageable page);
}
