package org.vendinghub.audit;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

import java.util.List;

public interface AuditEventRepository extends JpaRepository<AuditEvent, Long>, JpaSpecificationExecutor<AuditEvent> {
    List<AuditEvent> findByActionOrderByAtDesc(String action);

    @Query("SELECT DISTINCT e.action FROM AuditEvent e ORDER BY e.action")
    List<String> actions();
}
