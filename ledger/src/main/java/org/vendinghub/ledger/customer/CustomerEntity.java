package org.vendinghub.ledger.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "customer")
class CustomerEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "utility_id", nullable = false)
    long utilityId;

    @Column(name = "account_number", nullable = false, length = 32)
    String accountNumber;

    @Column(nullable = false, length = 100)
    String name;

    @Column(length = 16)
    String phone;

    @Column(length = 254)
    String email;

    @Column(length = 300)
    String address;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    CustomerView view() {
        return new CustomerView(id, utilityId, accountNumber, name, phone, email, address);
    }
}
