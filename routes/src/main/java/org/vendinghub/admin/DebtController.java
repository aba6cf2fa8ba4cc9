package org.vendinghub.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.vendinghub.api.MoneyInput;
import org.vendinghub.api.PageParams;
import org.vendinghub.api.PageResponse;
import org.vendinghub.api.StrictJson;
import org.vendinghub.audit.AuditLog;
import org.vendinghub.domain.Money;
import org.vendinghub.ledger.customer.CustomerService;
import org.vendinghub.ledger.debt.DebtService;
import org.vendinghub.ledger.debt.DebtView;
import org.vendinghub.ledger.debt.NewDebt;
import org.vendinghub.ledger.utility.UtilityService;

@Tag(name = "debts", description = "Customer debts, recovered as a share of each purchase")
@RestController
@RequestMapping("/api/v1/debts")
class DebtController {

    @StrictJson
    @Schema(description = "A debt to take on. debtRef is your id of this take-on: sending it again does not book the debt twice")
    record DebtRequest(String debtRef, @NotNull(message = "customer id is required") Long customerId, String description,
                       @NotNull(message = "amount is required") @Valid MoneyInput amount,
                       @NotNull(message = "recoveryBp is required") @Schema(description = "share of each purchase, basis points") Integer recoveryBp,
                       @Valid MoneyInput capPerPurchase) {
    }

    @StrictJson
    record RecoveryChange(@NotNull(message = "recoveryBp is required") Integer recoveryBp, @Valid MoneyInput capPerPurchase) {
    }

    @StrictJson
    record WriteOffRequest(String writeOffRef, @NotNull(message = "amount is required") @Valid MoneyInput amount) {
    }

    @Schema(description = "A debt and where it stands")
    record DebtResponse(long id, long customerId, String description, Money original, Money outstanding, Money collected,
                        Money writtenOff, int recoveryBp, Money capPerPurchase, long accountId, String createdBy, Instant createdAt) {

        static DebtResponse of(DebtView d) {
            String c = d.currency();
            return new DebtResponse(d.id(), d.customerId(), d.description(), Money.of(d.originalMinor(), c), Money.of(d.outstandingMinor(), c),
                    Money.of(d.collectedMinor(), c), Money.of(d.writtenOffMinor(), c), d.recoveryBp(),
                    Amounts.money(d.capPerPurchaseMinor(), c), d.accountId(), d.createdBy(), d.createdAt());
        }
    }

    private final DebtService debts;
    private final CustomerService customers;
    private final UtilityService utilities;
    private final AuditLog audit;

    DebtController(DebtService debts, CustomerService customers, UtilityService utilities, AuditLog audit) {
        this.debts = debts;
        this.customers = customers;
        this.utilities = utilities;
        this.audit = audit;
    }

    @Operation(summary = "A customer's debts, oldest first (permission MANAGE_CUSTOMERS, APPROVE_ADJUSTMENTS or VIEW_REPORTS)")
    @GetMapping
    @PreAuthorize(Can.READ_DEBTS)
    public List<DebtResponse> ofCustomer(@RequestParam long customerId) {
        customers.customer(customerId);
        return debts.debtsOfCustomer(customerId).stream().map(DebtResponse::of).toList();
    }

    @Operation(summary = "One debt")
    @GetMapping("/{id}")
    @PreAuthorize(Can.READ_DEBTS)
    public DebtResponse get(@PathVariable long id) {
        return DebtResponse.of(debts.debt(id));
    }

    @Operation(summary = "Take on a debt for a customer (permission MANAGE_CUSTOMERS)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Can.MANAGE_DEBTS)
    @Transactional
    public DebtResponse create(@Valid @RequestBody DebtRequest r, Principal user) {
        String currency = currencyOfCustomer(r.customerId());
        return DebtResponse.of(debts.register(new NewDebt(r.debtRef(), r.customerId(), r.description(),
                Amounts.positive(r.amount(), currency, "amount"), r.recoveryBp(), Amounts.positiveOrNull(r.capPerPurchase(), currency, "capPerPurchase"),
                user.getName())));
    }

    @Operation(summary = "Change how a debt is recovered (permission MANAGE_CUSTOMERS)")
    @PutMapping("/{id}/recovery")
    @PreAuthorize(Can.MANAGE_DEBTS)
    @Transactional
    public DebtResponse changeRecovery(@PathVariable long id, @Valid @RequestBody RecoveryChange r) {
        String currency = debts.debt(id).currency();
        return DebtResponse.of(debts.changeRecovery(id, r.recoveryBp(), Amounts.positiveOrNull(r.capPerPurchase(), currency, "capPerPurchase")));
    }

    @Operation(summary = "Write off part or all of what is owed (permission APPROVE_ADJUSTMENTS; audited)")
    @PostMapping("/{id}/write-offs")
    @PreAuthorize(Can.WRITE_OFF_DEBTS)
    @Transactional
    public DebtResponse writeOff(@PathVariable long id, @Valid @RequestBody WriteOffRequest r, Principal user) {
        String currency = debts.debt(id).currency();
        long amountMinor = Amounts.positive(r.amount(), currency, "amount");
        requireRef(r.writeOffRef());
        DebtView debt = debts.writeOff(id, r.writeOffRef(), amountMinor, user.getName());
        audit.record(user.getName(), "DEBT_WRITTEN_OFF", "debt:" + id, amountMinor + " " + currency + " minor, ref " + r.writeOffRef());
        return DebtResponse.of(debt);
    }

    @Operation(summary = "The debt's movements: take-on, recoveries with their vends, write-offs (paged)")
    @GetMapping("/{id}/collections")
    @PreAuthorize(Can.READ_DEBTS)
    public PageResponse<TransferResponse> collections(@PathVariable long id, @Valid @ParameterObject PageParams paging) {
        return PageResponse.of(debts.collections(id, paging.pageable()), TransferResponse::of);
    }

    private String currencyOfCustomer(long customerId) {
        return utilities.utility(customers.customer(customerId).utilityId()).currency();
    }

    private static void requireRef(String ref) {
        org.vendinghub.domain.ValidationException.require(ref != null && ref.matches("[A-Za-z0-9._-]{1,40}"), "writeOffRef",
                "write-off reference must be 1 to 40 characters of A-Z a-z 0-9 . _ -");
    }
}
