package org.vendinghub.ledger.internal;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.time.Instant;
import java.util.List;

public interface PendingOpenRepository extends JpaRepository<PendingOpenEntity, String> {

    @Query("select p.transferId from PendingOpenEntity p where p.expiresAt <= :now order by p.expiresAt, p.transferId")
    List<String> findExpired(@Param("now") Instant now, Pageable limit);
}
