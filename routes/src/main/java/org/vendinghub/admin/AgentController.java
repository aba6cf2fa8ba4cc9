package org.vendinghub.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.vendinghub.api.PageParams;
import org.vendinghub.api.PageResponse;
import org.vendinghub.api.StrictJson;
import org.vendinghub.ledger.vendor.AgentView;
import org.vendinghub.ledger.vendor.NewAgent;
import org.vendinghub.ledger.vendor.VendorService;

@Tag(name = "agents", description = "Agents earn a commission on the sales of the vendors assigned to them")
@RestController
@RequestMapping("/api/v1/agents")
class AgentController {

    @StrictJson
    record AgentRequest(String name, String phone,
                        @NotNull(message = "commissionBp is required") @Schema(description = "basis points of each sale") Integer commissionBp) {
        NewAgent command() {
            return new NewAgent(name, phone, commissionBp);
        }
    }

    private final VendorService vendors;

    AgentController(VendorService vendors) {
        this.vendors = vendors;
    }

    @Operation(summary = "List agents (permission MANAGE_VENDORS, REQUEST_/APPROVE_ADJUSTMENTS or VIEW_REPORTS)")
    @GetMapping
    @PreAuthorize(Can.READ_VENDORS)
    public PageResponse<AgentView> list(@Valid @ParameterObject PageParams paging) {
        return PageResponse.of(vendors.agents(paging.pageable(Sort.by("id"))));
    }

    @Operation(summary = "One agent")
    @GetMapping("/{id}")
    @PreAuthorize(Can.READ_VENDORS)
    public AgentView get(@PathVariable long id) {
        return vendors.agent(id);
    }

    @Operation(summary = "The agent's vendors (paged)")
    @GetMapping("/{id}/vendors")
    @PreAuthorize(Can.READ_VENDORS)
    public PageResponse<VendorResponse> vendorsOf(@PathVariable long id, @Valid @ParameterObject PageParams paging) {
        vendors.agent(id);
        return PageResponse.of(vendors.vendorsOfAgent(id, paging.pageable(Sort.by("id"))), VendorResponse::of);
    }

    @Operation(summary = "Create an agent (permission MANAGE_VENDORS)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Can.MANAGE_VENDORS)
    public AgentView create(@Valid @RequestBody AgentRequest r) {
        return vendors.createAgent(r.command());
    }

    @Operation(summary = "Change an agent (permission MANAGE_VENDORS)")
    @PutMapping("/{id}")
    @PreAuthorize(Can.MANAGE_VENDORS)
    public AgentView update(@PathVariable long id, @Valid @RequestBody AgentRequest r) {
        return vendors.updateAgent(id, r.command());
    }
}
