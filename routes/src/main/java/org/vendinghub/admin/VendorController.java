package org.vendinghub.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.security.Principal;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Sort;
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
import org.vendinghub.ledger.LedgerService;
import org.vendinghub.ledger.utility.UtilityService;
import org.vendinghub.ledger.vendor.NewVendor;
import org.vendinghub.ledger.vendor.VendorDeposit;
import org.vendinghub.ledger.vendor.VendorFloatService;
import org.vendinghub.ledger.vendor.VendorService;
import org.vendinghub.ledger.vendor.VendorTerms;
import org.vendinghub.ledger.vendor.VendorTransfer;
import org.vendinghub.ledger.vendor.VendorView;

@Tag(name = "vendors", description = "Vendors, their float: deposits, transfers between vendors, balance and statement")
@RestController
@RequestMapping("/api/v1/vendors")
class VendorController {

    @StrictJson
    @Schema(description = "DISCOUNT terms: deposits buy extra float (commissionBp 0). COMMISSION terms: commission per sale (discountBp 0)")
    record VendorRequest(@NotNull(message = "utility id is required") Long utilityId, String name, Long groupId, Long agentId,
                         VendorTerms terms, @NotNull(message = "discountBp is required") Integer discountBp,
                         @NotNull(message = "commissionBp is required") Integer commissionBp,
                         @Schema(description = "how far the float may go below zero; omitted: 0") @Valid MoneyInput creditLimit) {
    }

    @StrictJson
    @Schema(description = "Money the vendor paid in. depositRef (bank line, receipt number) makes a retry credit once")
    record DepositRequest(String depositRef, @NotNull(message = "amount is required") @Valid MoneyInput amount,
                          @Schema(example = "BANK") String channel, String reference) {
    }

    @StrictJson
    @Schema(description = "Float moved from this vendor to another. transferRef makes a retry move it once")
    record TransferRequest(String transferRef, @NotNull(message = "toVendorId is required") Long toVendorId,
                           @NotNull(message = "amount is required") @Valid MoneyInput amount) {
    }

    @Schema(description = "The transfers a deposit made (the deposit and, on discount terms, its bonus) and the vendor after it")
    record DepositResponse(List<TransferResponse> transfers, VendorResponse vendor) {
    }

    @Schema(description = "The transfer and both vendors after it")
    record TransferResponseBody(TransferResponse transfer, VendorResponse from, VendorResponse to) {
    }

    private final VendorService vendors;
    private final VendorFloatService floats;
    private final UtilityService utilities;
    private final LedgerService ledger;
    private final AuditLog audit;

    VendorController(VendorService vendors, VendorFloatService floats, UtilityService utilities, LedgerService ledger, AuditLog audit) {
        this.vendors = vendors;
        this.floats = floats;
        this.utilities = utilities;
        this.ledger = ledger;
        this.audit = audit;
    }

    @Operation(summary = "List vendors, optionally of one group (permission MANAGE_VENDORS, REQUEST_/APPROVE_ADJUSTMENTS or VIEW_REPORTS)")
    @GetMapping
    @PreAuthorize(Can.READ_VENDORS)
    public PageResponse<VendorResponse> list(@RequestParam(required = false) Long groupId, @Valid @ParameterObject PageParams paging) {
        return PageResponse.of(vendors.vendors(groupId, paging.pageable(Sort.by("id"))), VendorResponse::of);
    }

    @Operation(summary = "One vendor with its float balance")
    @GetMapping("/{id}")
    @PreAuthorize(Can.READ_VENDORS)
    public VendorResponse get(@PathVariable long id) {
        return VendorResponse.of(vendors.vendor(id));
    }

    @Operation(summary = "Create a vendor; its float and commission accounts open with it (permission MANAGE_VENDORS)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Can.MANAGE_VENDORS)
    @Transactional
    public VendorResponse create(@Valid @RequestBody VendorRequest r) {
        return VendorResponse.of(vendors.create(command(r, utilities.utility(r.utilityId()).currency())));
    }

    @Operation(summary = "Change a vendor's name, group, agent, terms or credit limit (permission MANAGE_VENDORS; audited)")
    @PutMapping("/{id}")
    @PreAuthorize(Can.MANAGE_VENDORS)
    @Transactional
    public VendorResponse update(@PathVariable long id, @Valid @RequestBody VendorRequest r, Principal user) {
        VendorView updated = vendors.update(id, command(r, vendors.vendor(id).currency()));
        audit.record(user.getName(), "VENDOR_CHANGED", "vendor:" + id, "terms " + updated.terms() + ", discount "
                + updated.discountBp() + " bp, commission " + updated.commissionBp() + " bp, credit limit " + updated.creditLimitMinor());
        return VendorResponse.of(updated);
    }

    private static NewVendor command(VendorRequest r, String currency) {
        long creditLimitMinor = r.creditLimit() == null ? 0 : Amounts.notNegative(r.creditLimit(), currency, "creditLimit");
        return new NewVendor(r.utilityId(), r.name(), r.groupId(), r.agentId(), r.terms(), r.discountBp(), r.commissionBp(),
                creditLimitMinor);
    }

    @Operation(summary = "The vendor's float account with its balances")
    @GetMapping("/{id}/balance")
    @PreAuthorize(Can.READ_VENDORS)
    public AccountResponse balance(@PathVariable long id) {
        return AccountResponse.of(ledger.account(vendors.vendor(id).floatAccountId()));
    }

    @Operation(summary = "The float's statement, oldest first (paged)")
    @GetMapping("/{id}/statement")
    @PreAuthorize(Can.READ_VENDORS)
    public PageResponse<TransferResponse> statement(@PathVariable long id, @Valid @ParameterObject PageParams paging) {
        return PageResponse.of(floats.statement(id, paging.pageable()), TransferResponse::of);
    }

    @Operation(summary = "Record a deposit: credits the float, plus the discount bonus on DISCOUNT terms (permission MANAGE_VENDORS; audited)")
    @PostMapping("/{id}/deposits")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Can.MANAGE_VENDORS)
    @Transactional
    public DepositResponse deposit(@PathVariable long id, @Valid @RequestBody DepositRequest r, Principal user) {
        VendorView vendor = vendors.vendor(id);
        long amountMinor = Amounts.positive(r.amount(), vendor.currency(), "amount");
        List<TransferResponse> transfers = floats.deposit(new VendorDeposit(r.depositRef(), id, amountMinor, r.channel(), r.reference()))
                .stream().map(TransferResponse::of).toList();
        audit.record(user.getName(), "VENDOR_DEPOSIT", "vendor:" + id, amountMinor + " " + vendor.currency() + " minor via "
                + r.channel() + ", ref " + r.depositRef());
        return new DepositResponse(transfers, VendorResponse.of(vendors.vendor(id)));
    }

    @Operation(summary = "Move float from this vendor to another (permission MANAGE_VENDORS; audited)")
    @PostMapping("/{id}/transfers")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Can.MANAGE_VENDORS)
    @Transactional
    public TransferResponseBody transfer(@PathVariable long id, @Valid @RequestBody TransferRequest r, Principal user) {
        VendorView from = vendors.vendor(id);
        long amountMinor = Amounts.positive(r.amount(), from.currency(), "amount");
        TransferResponse transfer = TransferResponse.of(floats.transfer(new VendorTransfer(r.transferRef(), id, r.toVendorId(),
                amountMinor, user.getName())));
        audit.record(user.getName(), "VENDOR_TRANSFER", "vendor:" + id, amountMinor + " " + from.currency() + " minor to vendor "
                + r.toVendorId() + ", ref " + r.transferRef());
        return new TransferResponseBody(transfer, VendorResponse.of(vendors.vendor(id)), VendorResponse.of(vendors.vendor(r.toVendorId())));
    }
}
