package org.vendinghub.ledger.debt;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface DebtRepository extends JpaRepository<DebtEntity, Long> {
    List<DebtEntity> findByCustomerIdOrderById(long customerId);
}
