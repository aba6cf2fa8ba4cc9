package org.vendinghub.ledger.tariff;

import org.springframework.data.jpa.repository.JpaRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

interface TariffVersionRepository extends JpaRepository<TariffVersionEntity, Long> {
    List<TariffVersionEntity> findByTariffIdOrderByValidFrom(long tariffId);

    /** The version with the latest start at or before {@code at}. */
    Optional<TariffVersionEntity> findFirstByTariffIdAndValidFromLessThanEqualOrderByValidFromDesc(long tariffId, Instant at);
}
