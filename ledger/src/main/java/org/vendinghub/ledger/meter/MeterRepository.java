package org.vendinghub.ledger.meter;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

interface MeterRepository extends JpaRepository<MeterEntity, Long> {

    Optional<MeterEntity> findByMeterNumber(String meterNumber);

    List<MeterEntity> findByCustomerId(long customerId);

    Page<MeterEntity> findByStatus(MeterStatus status, Pageable page);
}
