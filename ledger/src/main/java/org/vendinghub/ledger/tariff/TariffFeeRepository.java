package org.vendinghub.ledger.tariff;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface TariffFeeRepository extends JpaRepository<TariffFeeEntity, Long> {
    List<TariffFeeEntity> findByVersionIdOrderByCode(long versionId);
}
