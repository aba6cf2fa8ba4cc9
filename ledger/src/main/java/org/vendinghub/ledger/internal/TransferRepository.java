package org.vendinghub.ledger.internal;

import jakarta.persistence.LockModeType;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.vendinghub.ledger.TransferCode;

import java.util.List;
import java.util.Optional;

public interface TransferRepository extends JpaRepository<TransferEntity, String> {

    /** A locking (current) read: sees rows committed after this transaction's snapshot. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from TransferEntity t where t.id = :id")
    Optional<TransferEntity> findCurrent(@Param("id") String id);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from TransferEntity t where t.pendingId = :pendingId")
    Optional<TransferEntity> findResolutionCurrent(@Param("pendingId") String pendingId);

    Optional<TransferEntity> findByPendingId(String pendingId);

    @Query("select t from TransferEntity t where t.debitAccountId = :accountId or t.creditAccountId = :accountId"
            + " order by t.createdAt, t.id")
    Page<TransferEntity> statement(@Param("accountId") long accountId, Pageable page);

    List<TransferEntity> findByReferenceOrderByCreatedAtAscIdAsc(String reference);

    /** Posted credits of an account by one code (e.g. how much of a debt was written off). */
    @Query("select coalesce(sum(t.amountMinor), 0) from TransferEntity t where t.creditAccountId = :accountId and t.code = :code"
            + " and t.kind in (org.vendinghub.ledger.TransferKind.SINGLE_PHASE, org.vendinghub.ledger.TransferKind.POST_PENDING)")
    long sumPostedCredits(@Param("accountId") long accountId, @Param("code") TransferCode code);
}
