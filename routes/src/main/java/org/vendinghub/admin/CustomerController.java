package org.vendinghub.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.vendinghub.api.PageParams;
import org.vendinghub.api.PageResponse;
import org.vendinghub.api.StrictJson;
import org.vendinghub.ledger.NotFoundException;
import org.vendinghub.ledger.customer.CustomerService;
import org.vendinghub.ledger.customer.CustomerView;
import org.vendinghub.ledger.customer.NewCustomer;
import org.vendinghub.ledger.meter.MeterService;
import org.vendinghub.ledger.meter.MeterView;
import org.vendinghub.ledger.wallet.WalletService;

@Tag(name = "customers", description = "Customers: who owns a meter, whom receipts go to, whose debts are recovered")
@RestController
@RequestMapping("/api/v1/customers")
class CustomerController {

    @StrictJson
    record CustomerRequest(@NotNull(message = "utility id is required") Long utilityId, String accountNumber, String name,
                           String phone, String email, String address) {
        NewCustomer command() {
            return new NewCustomer(utilityId, accountNumber, name, phone, email, address);
        }
    }

    private final CustomerService customers;
    private final MeterService meters;
    private final WalletService wallets;

    CustomerController(CustomerService customers, MeterService meters, WalletService wallets) {
        this.customers = customers;
        this.meters = meters;
        this.wallets = wallets;
    }

    @Operation(summary = "List customers, optionally by part of the name (permission MANAGE_CUSTOMERS, MANAGE_METERS or VIEW_REPORTS)")
    @GetMapping
    @PreAuthorize(Can.READ_CUSTOMERS)
    public PageResponse<CustomerView> list(@Parameter(description = "part of the name, any case") @RequestParam(required = false) String name,
                                           @Valid @ParameterObject PageParams paging) {
        return PageResponse.of(customers.customers(name, paging.pageable(Sort.by("id"))));
    }

    @Operation(summary = "One customer")
    @GetMapping("/{id}")
    @PreAuthorize(Can.READ_CUSTOMERS)
    public CustomerView get(@PathVariable long id) {
        return customers.customer(id);
    }

    @Operation(summary = "Find a customer by the utility's account number")
    @GetMapping("/by-account-number")
    @PreAuthorize(Can.READ_CUSTOMERS)
    public CustomerView byAccountNumber(@RequestParam long utilityId, @RequestParam String accountNumber) {
        return customers.byAccountNumber(utilityId, accountNumber)
                .orElseThrow(() -> NotFoundException.of("customer with account number", accountNumber));
    }

    @Operation(summary = "Create a customer (permission MANAGE_CUSTOMERS)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Can.MANAGE_CUSTOMERS)
    public CustomerView create(@Valid @RequestBody CustomerRequest r) {
        return customers.create(r.command());
    }

    @Operation(summary = "Replace a customer's details (permission MANAGE_CUSTOMERS)")
    @PutMapping("/{id}")
    @PreAuthorize(Can.MANAGE_CUSTOMERS)
    public CustomerView update(@PathVariable long id, @Valid @RequestBody CustomerRequest r) {
        return customers.update(id, r.command());
    }

    @Operation(summary = "The customer's meters")
    @GetMapping("/{id}/meters")
    @PreAuthorize(Can.READ_CUSTOMERS)
    public List<MeterView> meters(@PathVariable long id) {
        customers.customer(id);
        return meters.metersOfCustomer(id);
    }

    @Operation(summary = "The customer's wallet (thin meters): balances of the CUSTOMER_WALLET account")
    @GetMapping("/{id}/wallet")
    @PreAuthorize(Can.READ_CUSTOMERS)
    public AccountResponse wallet(@PathVariable long id) {
        return AccountResponse.of(wallets.wallet(id));
    }
}
