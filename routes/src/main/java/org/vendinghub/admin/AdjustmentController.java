package org.vendinghub.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.security.Principal;
import java.time.Instant;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.vendinghub.api.MoneyInput;
import org.vendinghub.api.PageParams;
import org.vendinghub.api.PageResponse;
import org.vendinghub.api.StrictJson;
import org.vendinghub.audit.AuditLog;
import org.vendinghub.domain.Money;
import org.vendinghub.ledger.vendor.AdjustmentStatus;
import org.vendinghub.ledger.vendor.AdjustmentView;
import org.vendinghub.ledger.vendor.VendorFloatService;
import org.vendinghub.ledger.vendor.VendorService;

/** Manual float adjustments: one user requests, a different user approves or rejects; only approval moves money. */
@Tag(name = "adjustments", description = "Two-person manual adjustments of a vendor's float")
@RestController
@RequestMapping("/api/v1")
class AdjustmentController {

    @StrictJson
    @Schema(description = "A manual adjustment: a positive amount credits the float, a negative one debits it")
    record AdjustmentRequest(@NotNull(message = "amount is required") @Valid MoneyInput amount, String reason) {
    }

    @Schema(description = "A manual adjustment and its decision")
    record AdjustmentResponse(long id, long vendorId, Money amount, String reason, AdjustmentStatus status, String requestedBy,
                              Instant requestedAt, String decidedBy, Instant decidedAt, String transferId) {
    }

    private final VendorFloatService floats;
    private final VendorService vendors;
    private final AuditLog audit;

    AdjustmentController(VendorFloatService floats, VendorService vendors, AuditLog audit) {
        this.floats = floats;
        this.vendors = vendors;
        this.audit = audit;
    }

    @Operation(summary = "Request an adjustment of the vendor's float; nothing moves until another user approves (permission REQUEST_ADJUSTMENTS; audited)")
    @PostMapping("/vendors/{vendorId}/adjustments")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Can.REQUEST_ADJUSTMENTS)
    @Transactional
    public AdjustmentResponse request(@PathVariable long vendorId, @Valid @RequestBody AdjustmentRequest r, Principal user) {
        String currency = vendors.vendor(vendorId).currency();
        AdjustmentView requested = floats.requestAdjustment(vendorId, Amounts.nonZero(r.amount(), currency, "amount"), r.reason(), user.getName());
        audit.record(user.getName(), "ADJUSTMENT_REQUESTED", "adjustment:" + requested.id(), "vendor " + vendorId + ", "
                + requested.amountMinor() + " " + currency + " minor: " + requested.reason());
        return response(requested);
    }

    @Operation(summary = "The vendor's adjustments, newest first (paged)")
    @GetMapping("/vendors/{vendorId}/adjustments")
    @PreAuthorize(Can.READ_VENDORS)
    public PageResponse<AdjustmentResponse> ofVendor(@PathVariable long vendorId, @Valid @ParameterObject PageParams paging) {
        vendors.vendor(vendorId);
        return PageResponse.of(floats.adjustments(vendorId, paging.pageable()), this::response);
    }

    @Operation(summary = "Adjustments awaiting a decision, oldest first (paged)")
    @GetMapping("/adjustments/awaiting-decision")
    @PreAuthorize(Can.READ_VENDORS)
    public PageResponse<AdjustmentResponse> awaitingDecision(@Valid @ParameterObject PageParams paging) {
        return PageResponse.of(floats.adjustmentsAwaitingDecision(paging.pageable()), this::response);
    }

    @Operation(summary = "Approve: posts the adjustment; the approver must not be the requester (permission APPROVE_ADJUSTMENTS; audited)")
    @PostMapping("/adjustments/{id}/approve")
    @PreAuthorize(Can.APPROVE_ADJUSTMENTS)
    @Transactional
    public AdjustmentResponse approve(@PathVariable long id, Principal user) {
        AdjustmentView approved = floats.approveAdjustment(id, user.getName());
        audit.record(user.getName(), "ADJUSTMENT_APPROVED", "adjustment:" + id, "vendor " + approved.vendorId() + ", "
                + approved.amountMinor() + " minor, transfer " + approved.transferId());
        return response(approved);
    }

    @Operation(summary = "Reject: nothing moves; the rejecter must not be the requester (permission APPROVE_ADJUSTMENTS; audited)")
    @PostMapping("/adjustments/{id}/reject")
    @PreAuthorize(Can.APPROVE_ADJUSTMENTS)
    @Transactional
    public AdjustmentResponse reject(@PathVariable long id, Principal user) {
        AdjustmentView rejected = floats.rejectAdjustment(id, user.getName());
        audit.record(user.getName(), "ADJUSTMENT_REJECTED", "adjustment:" + id, "vendor " + rejected.vendorId() + ", "
                + rejected.amountMinor() + " minor");
        return response(rejected);
    }

    private AdjustmentResponse response(AdjustmentView a) {
        return new AdjustmentResponse(a.id(), a.vendorId(), Money.of(a.amountMinor(), vendors.vendor(a.vendorId()).currency()), a.reason(),
                a.status(), a.requestedBy(), a.requestedAt(), a.decidedBy(), a.decidedAt(), a.transferId());
    }
}
