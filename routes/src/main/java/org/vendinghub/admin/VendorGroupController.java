package org.vendinghub.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.vendinghub.api.PageParams;
import org.vendinghub.api.PageResponse;
import org.vendinghub.api.StrictJson;
import org.vendinghub.ledger.vendor.VendorGroupView;
import org.vendinghub.ledger.vendor.VendorService;

@Tag(name = "vendor-groups", description = "Groups of vendors (a dealer network, a region)")
@RestController
@RequestMapping("/api/v1/vendor-groups")
class VendorGroupController {

    @StrictJson
    record VendorGroupRequest(String name) {
    }

    private final VendorService vendors;

    VendorGroupController(VendorService vendors) {
        this.vendors = vendors;
    }

    @Operation(summary = "List vendor groups (permission MANAGE_VENDORS, REQUEST_/APPROVE_ADJUSTMENTS or VIEW_REPORTS)")
    @GetMapping
    @PreAuthorize(Can.READ_VENDORS)
    public PageResponse<VendorGroupView> list(@Valid @ParameterObject PageParams paging) {
        return PageResponse.of(vendors.groups(paging.pageable(Sort.by("id"))));
    }

    @Operation(summary = "One vendor group")
    @GetMapping("/{id}")
    @PreAuthorize(Can.READ_VENDORS)
    public VendorGroupView get(@PathVariable long id) {
        return vendors.group(id);
    }

    @Operation(summary = "The group's vendors (paged)")
    @GetMapping("/{id}/vendors")
    @PreAuthorize(Can.READ_VENDORS)
    public PageResponse<VendorResponse> vendorsOf(@PathVariable long id, @Valid @ParameterObject PageParams paging) {
        vendors.group(id);
        return PageResponse.of(vendors.vendors(id, paging.pageable(Sort.by("id"))), VendorResponse::of);
    }

    @Operation(summary = "Create a vendor group (permission MANAGE_VENDORS)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Can.MANAGE_VENDORS)
    public VendorGroupView create(@Valid @RequestBody VendorGroupRequest r) {
        return vendors.createGroup(r.name());
    }
}
