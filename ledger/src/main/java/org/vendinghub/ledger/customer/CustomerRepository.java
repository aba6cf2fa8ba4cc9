package org.vendinghub.ledger.customer;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

interface CustomerRepository extends JpaRepository<CustomerEntity, Long> {

    Optional<CustomerEntity> findByUtilityIdAndAccountNumber(long utilityId, String accountNumber);

    Page<CustomerEntity> findByNameContainingIgnoreCase(String name, Pageable page);
}
