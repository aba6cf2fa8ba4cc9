package org.vendinghub.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.security.Principal;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.vendinghub.api.PageParams;
import org.vendinghub.api.PageResponse;
import org.vendinghub.api.StrictJson;
import org.vendinghub.audit.AuditLog;
import org.vendinghub.ledger.utility.NewUtility;
import org.vendinghub.ledger.utility.UtilityService;
import org.vendinghub.ledger.utility.UtilityView;

/** Utilities are set up with their supply groups (as in the console), so they share its permission. */
@Tag(name = "utilities", description = "The utility: name, currency (fixed once set), VAT, receipt details")
@RestController
@RequestMapping("/api/v1/utilities")
class UtilityController {

    @StrictJson
    @Schema(description = "A utility; its ledger accounts are opened in this currency, which cannot change later")
    record UtilityRequest(String name, @Schema(example = "KES") String currency,
                          @NotNull(message = "taxRateBp is required") @Schema(description = "VAT in basis points (1600 = 16 %)") Integer taxRateBp,
                          String address, String taxReference) {
        NewUtility command() {
            return new NewUtility(name, currency, taxRateBp, address, taxReference);
        }
    }

    private final UtilityService utilities;
    private final AuditLog audit;

    UtilityController(UtilityService utilities, AuditLog audit) {
        this.utilities = utilities;
        this.audit = audit;
    }

    @Operation(summary = "List utilities (permission MANAGE_SUPPLY_GROUPS, IMPORT_KEYS, MANAGE_METERS or VIEW_REPORTS)")
    @GetMapping
    @PreAuthorize(Can.READ_SUPPLY_GROUPS)
    public PageResponse<UtilityView> list(@Valid @ParameterObject PageParams paging) {
        return PageResponse.of(utilities.utilities(paging.pageable(Sort.by("id"))));
    }

    @Operation(summary = "One utility")
    @GetMapping("/{id}")
    @PreAuthorize(Can.READ_SUPPLY_GROUPS)
    public UtilityView get(@PathVariable long id) {
        return utilities.utility(id);
    }

    @Operation(summary = "Create a utility and its system accounts (permission MANAGE_SUPPLY_GROUPS; audited)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Can.MANAGE_SUPPLY_GROUPS)
    @Transactional
    public UtilityView create(@Valid @RequestBody UtilityRequest r, Principal user) {
        UtilityView created = utilities.createUtility(r.command());
        audit.record(user.getName(), "UTILITY_CREATED", "utility:" + created.id(), created.name() + ", " + created.currency());
        return created;
    }

    @Operation(summary = "Replace a utility's details; the currency cannot change (permission MANAGE_SUPPLY_GROUPS; audited)")
    @PutMapping("/{id}")
    @PreAuthorize(Can.MANAGE_SUPPLY_GROUPS)
    @Transactional
    public UtilityView update(@PathVariable long id, @Valid @RequestBody UtilityRequest r, Principal user) {
        UtilityView changed = utilities.updateUtility(id, r.command());
        audit.record(user.getName(), "UTILITY_CHANGED", "utility:" + id, changed.name() + ", VAT " + changed.taxRateBp() + " bp");
        return changed;
    }
}
