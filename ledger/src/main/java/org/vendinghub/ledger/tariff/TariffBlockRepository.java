package org.vendinghub.ledger.tariff;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface TariffBlockRepository extends JpaRepository<TariffBlockEntity, Long> {
    List<TariffBlockEntity> findByVersionIdOrderByFromUnitsTenths(long versionId);
}
