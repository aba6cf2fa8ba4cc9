package org.vendinghub.ledger.meter;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface KeyChangeRepository extends JpaRepository<KeyChangeEntity, Long> {

    List<KeyChangeEntity> findByMeterIdAndStatusOrderById(long meterId, String status);

    List<KeyChangeEntity> findByMeterIdOrderById(long meterId);
}
