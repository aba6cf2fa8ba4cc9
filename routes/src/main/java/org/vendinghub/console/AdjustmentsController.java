package org.vendinghub.console;

import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.vendinghub.audit.AuditLog;
import org.vendinghub.domain.ValidationException;
import org.vendinghub.ledger.LedgerRejection;
import org.vendinghub.ledger.vendor.AdjustmentView;
import org.vendinghub.ledger.vendor.VendorFloatService;
import org.vendinghub.ledger.vendor.VendorService;

import java.security.Principal;
import java.util.List;
import java.util.Objects;

/** Adjustments waiting for a second user: approve or reject. The ledger refuses an approval by the requester. */
@Controller("consoleAdjustmentsController")
@RequestMapping("/console/adjustments")
class AdjustmentsController {

    static final String APPROVE = "hasAuthority('APPROVE_ADJUSTMENTS')";
    private static final int WAITING_MAX = 200;

    private final VendorFloatService floats;
    private final VendorService vendors;
    private final VendorScope scope;
    private final AuditLog audit;
    private final TransactionTemplate tx;

    AdjustmentsController(VendorFloatService floats, VendorService vendors, VendorScope scope, AuditLog audit, TransactionTemplate tx) {
        this.floats = floats;
        this.vendors = vendors;
        this.scope = scope;
        this.audit = audit;
        this.tx = tx;
    }

    @GetMapping
    @PreAuthorize("hasAnyAuthority('REQUEST_ADJUSTMENTS','APPROVE_ADJUSTMENTS')")
    String waiting(Principal principal, Model model) {
        model.addAttribute("adjustments", visible(principal));
        return "vendors/adjustments";
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize(APPROVE)
    String approve(@PathVariable long id, Principal principal, Model model, RedirectAttributes flash) {
        return decide(id, true, principal, model, flash);
    }

    @PostMapping("/{id}/reject")
    @PreAuthorize(APPROVE)
    String reject(@PathVariable long id, Principal principal, Model model, RedirectAttributes flash) {
        return decide(id, false, principal, model, flash);
    }

    private String decide(long id, boolean approve, Principal principal, Model model, RedirectAttributes flash) {
        AdjustmentView adjustment = visible(principal).stream().filter(a -> a.id() == id).findFirst()
                .orElseThrow(() -> new AccessDeniedException("adjustment " + id + " is not waiting for you"));
        try {
            tx.executeWithoutResult(s -> {
                AdjustmentView decided = approve ? floats.approveAdjustment(id, principal.getName()) : floats.rejectAdjustment(id, principal.getName());
                audit.record(principal.getName(), approve ? "ADJUSTMENT_APPROVED" : "ADJUSTMENT_REJECTED", "adjustment:" + id,
                        "vendor " + decided.vendorId() + ", " + decided.amountMinor() + " minor, requested by " + decided.requestedBy());
            });
        } catch (ValidationException | LedgerRejection e) {
            FormErrors errors = new FormErrors();
            errors.form("Adjustment " + adjustment.id() + ": " + e.getMessage());
            model.addAttribute("errors", errors);
            return waiting(principal, model);
        }
        flash.addFlashAttribute("notice", "Adjustment " + id + (approve ? " approved and posted." : " rejected."));
        return "redirect:/console/adjustments";
    }

    private List<AdjustmentView> visible(Principal principal) {
        Long group = scope.groupOf(principal);
        List<AdjustmentView> waiting = floats.adjustmentsAwaitingDecision(PageRequest.of(0, WAITING_MAX)).getContent();
        return group == null ? waiting
                : waiting.stream().filter(a -> Objects.equals(vendors.vendor(a.vendorId()).groupId(), group)).toList();
    }
}
