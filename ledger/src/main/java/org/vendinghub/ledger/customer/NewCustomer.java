package org.vendinghub.ledger.customer;

/** Create or replace a customer's details. The account number is the utility's own customer reference. */
public record NewCustomer(long utilityId, String accountNumber, String name, String phone, String email, String address) {
}
