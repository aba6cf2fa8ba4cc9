package org.vendinghub.ledger.customer;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vendinghub.domain.ValidationException;
import org.vendinghub.ledger.AccountType;
import org.vendinghub.ledger.ConflictException;
import org.vendinghub.ledger.LedgerService;
import org.vendinghub.ledger.NotFoundException;
import org.vendinghub.ledger.ResultCode;
import org.vendinghub.ledger.internal.Text;
import org.vendinghub.ledger.utility.UtilityService;

import java.util.Optional;

/** Customers: who owns a meter, whom receipts and SMS go to, whose debts are recovered. */
@Service
public class CustomerService {

    private final CustomerRepository customers;
    private final UtilityService utilities;
    private final LedgerService ledger;

    public CustomerService(CustomerRepository customers, UtilityService utilities, LedgerService ledger) {
        this.customers = customers;
        this.utilities = utilities;
        this.ledger = ledger;
    }

    @Transactional
    public CustomerView create(NewCustomer command) {
        utilities.utility(command.utilityId());
        CustomerEntity row = new CustomerEntity();
        row.utilityId = command.utilityId();
        apply(row, command);
        requireUnusedAccountNumber(row);
        row.createdAt = ledger.now();
        CustomerView created = customers.saveAndFlush(row).view();
        // the wallet exists from the start, so that concurrent vends only ever read it (thin meters)
        ledger.openAccount(AccountType.CUSTOMER_WALLET, utilities.utility(row.utilityId).currency(), "customer:" + created.id());
        return created;
    }

    @Transactional
    public CustomerView update(long customerId, NewCustomer command) {
        CustomerEntity row = customers.findById(customerId).orElseThrow(() -> NotFoundException.of("customer", customerId));
        ValidationException.require(row.utilityId == command.utilityId(), "utilityId", "a customer cannot move to another utility");
        String before = row.accountNumber;
        apply(row, command);
        if (!before.equals(row.accountNumber)) {
            requireUnusedAccountNumber(row);
        }
        return row.view();
    }

    private void requireUnusedAccountNumber(CustomerEntity row) {
        customers.findByUtilityIdAndAccountNumber(row.utilityId, row.accountNumber).filter(other -> other != row).ifPresent(other -> {
            throw new ConflictException(ResultCode.ALREADY_EXISTS, "account number " + row.accountNumber + " belongs to customer " + other.id);
        });
    }

    private static void apply(CustomerEntity row, NewCustomer c) {
        row.accountNumber = Text.required(c.accountNumber(), "accountNumber", "account number", 32);
        ValidationException.require(row.accountNumber.matches("[A-Za-z0-9/-]+"), "accountNumber",
                "account number may hold letters, digits, / and - only");
        row.name = Text.required(c.name(), "name", "name", 100);
        row.phone = Text.phone(c.phone());
        row.email = Text.email(c.email());
        row.address = Text.optional(c.address(), "address", "address", 300);
    }

    @Transactional(readOnly = true)
    public CustomerView customer(long customerId) {
        return customers.findById(customerId).map(CustomerEntity::view).orElseThrow(() -> NotFoundException.of("customer", customerId));
    }

    @Transactional(readOnly = true)
    public Optional<CustomerView> byAccountNumber(long utilityId, String accountNumber) {
        return customers.findByUtilityIdAndAccountNumber(utilityId, accountNumber).map(CustomerEntity::view);
    }

    /** Paged list; {@code nameContains} null or blank lists all. */
    @Transactional(readOnly = true)
    public Page<CustomerView> customers(String nameContains, Pageable page) {
        return (nameContains == null || nameContains.isBlank() ? customers.findAll(page)
                : customers.findByNameContainingIgnoreCase(nameContains.trim(), page)).map(CustomerEntity::view);
    }
}
