package org.vendinghub.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vendinghub.api.PageParams;
import org.vendinghub.api.PageResponse;
import org.vendinghub.ledger.AccountType;
import org.vendinghub.ledger.LedgerService;
import org.vendinghub.ledger.NotFoundException;
import org.vendinghub.ledger.ResultCode;

@Tag(name = "accounts", description = "Ledger accounts: balances and statements of transfers (read only)")
@RestController
@RequestMapping("/api/v1/accounts")
class AccountController {

    private final LedgerService ledger;

    AccountController(LedgerService ledger) {
        this.ledger = ledger;
    }

    @Operation(summary = "One account with its balances (permission VIEW_REPORTS or APPROVE_ADJUSTMENTS)")
    @GetMapping("/{id}")
    @PreAuthorize(Can.READ_ACCOUNTS)
    public AccountResponse get(@PathVariable long id) {
        return AccountResponse.of(ledger.account(id));
    }

    @Operation(summary = "Find an account by type, currency and owner (empty owner: the utility's own accounts)")
    @GetMapping("/lookup")
    @PreAuthorize(Can.READ_ACCOUNTS)
    public AccountResponse lookup(@RequestParam AccountType type, @RequestParam String currency,
                                  @Parameter(description = "e.g. vendor:12, customer:9, channel:MPESA; empty for system accounts")
                                  @RequestParam(defaultValue = "") String owner) {
        return ledger.findAccount(type, currency, owner).map(AccountResponse::of).orElseThrow(() -> new NotFoundException(
                ResultCode.ACCOUNT_NOT_FOUND, "no " + type + " account in " + currency + (owner.isEmpty() ? "" : " of " + owner)));
    }

    @Operation(summary = "The account's statement: transfers that moved money in or out, oldest first (paged)")
    @GetMapping("/{id}/statement")
    @PreAuthorize(Can.READ_ACCOUNTS)
    public PageResponse<TransferResponse> statement(@PathVariable long id, @Valid @ParameterObject PageParams paging) {
        return PageResponse.of(ledger.statement(id, paging.pageable()), TransferResponse::of);
    }
}
