package org.vendinghub.ledger.utility;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

interface SupplyGroupRepository extends JpaRepository<SupplyGroupEntity, Long> {

    Optional<SupplyGroupEntity> findBySgcAndKrn(String sgc, int krn);
}
