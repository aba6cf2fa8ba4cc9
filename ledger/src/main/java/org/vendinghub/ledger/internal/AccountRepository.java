package org.vendinghub.ledger.internal;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.vendinghub.ledger.AccountType;

import java.time.Instant;
import java.util.Optional;

public interface AccountRepository extends JpaRepository<AccountEntity, Long> {

    Optional<AccountEntity> findByTypeAndCurrencyAndOwnerRef(AccountType type, String currency, String ownerRef);

    /** A locking (current) read, for the rare case where a twin created the account after our snapshot. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from AccountEntity a where a.type = :type and a.currency = :currency and a.ownerRef = :ownerRef")
    Optional<AccountEntity> findCurrent(@Param("type") AccountType type, @Param("currency") String currency,
                                        @Param("ownerRef") String ownerRef);

    /** Get-or-create without a race: a concurrent twin is silently ignored by the unique key. */
    @Modifying
    @Query(value = "INSERT IGNORE INTO ledger_account (type, currency, owner_ref, debits_must_not_exceed_credits,"
            + " credits_must_not_exceed_debits, created_at) VALUES (:type, :currency, :ownerRef, :debitsRule, :creditsRule, :now)",
            nativeQuery = true)
    int insertIgnore(@Param("type") String type, @Param("currency") String currency, @Param("ownerRef") String ownerRef,
                     @Param("debitsRule") boolean debitsRule, @Param("creditsRule") boolean creditsRule,
                     @Param("now") Instant now);
}
