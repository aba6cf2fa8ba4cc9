package org.vendinghub.ledger.tariff;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

interface TariffRepository extends JpaRepository<TariffEntity, Long> {
    Optional<TariffEntity> findByUtilityIdAndCode(long utilityId, String code);
}
