package org.vendinghub.ledger.customer;

public record CustomerView(long id, long utilityId, String accountNumber, String name, String phone, String email,
                           String address) {
}
