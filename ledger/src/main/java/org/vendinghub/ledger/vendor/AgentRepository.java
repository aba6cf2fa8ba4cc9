package org.vendinghub.ledger.vendor;

import org.springframework.data.jpa.repository.JpaRepository;

interface AgentRepository extends JpaRepository<AgentEntity, Long> {
}
