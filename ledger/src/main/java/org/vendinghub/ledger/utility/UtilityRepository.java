package org.vendinghub.ledger.utility;

import org.springframework.data.jpa.repository.JpaRepository;

interface UtilityRepository extends JpaRepository<UtilityEntity, Long> {

    boolean existsByName(String name);
}
