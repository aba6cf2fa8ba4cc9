package org.vendinghub.console;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.vendinghub.audit.AuditLog;
import org.vendinghub.domain.ValidationException;
import org.vendinghub.domain.VendId;
import org.vendinghub.ledger.LedgerRejection;
import org.vendinghub.ledger.NotFoundException;
import org.vendinghub.vend.VendRejectedException;
import org.vendinghub.vend.VendService;
import org.vendinghub.vend.VendView;

import java.security.Principal;

/**
 * One vend's receipt: shown after a vend or an engineering token, printed, reprinted (audited) from a meter's token
 * history, and reversed within the window by a user who may (the vend service decides and says why not).
 */
@Controller("consoleReceiptController")
@RequestMapping("/console/vend")
class ReceiptController {

    static final String VIEW = "hasAnyAuthority('VEND','VIEW_VENDS','REVERSE_VENDS','ISSUE_ENGINEERING_TOKENS')";

    private final VendService vends;
    private final AuditLog audit;

    ReceiptController(VendService vends, AuditLog audit) {
        this.vends = vends;
        this.audit = audit;
    }

    @GetMapping("/receipt/{id}")
    @PreAuthorize(VIEW)
    String receipt(@PathVariable String id, Principal principal, Model model) {
        VendView vend = vend(id);
        if (!principal.getName().equals(vend.createdBy())) { // the seller's own receipt is not a reprint
            auditTokensShown(principal, vend);
        }
        return show(model, vend, false, "", new FormErrors());
    }

    /** A copy of an earlier receipt with its tokens; the audit log records who reprinted what. */
    @GetMapping("/reprint/{id}")
    @PreAuthorize("hasAnyAuthority('VEND','VIEW_VENDS')")
    String reprint(@PathVariable String id, Principal principal, Model model) {
        VendView vend = vend(id);
        auditTokensShown(principal, vend);
        return show(model, vend, true, "", new FormErrors());
    }

    /** Token digits shown to anyone but their seller are audited, whichever page shows them. */
    private void auditTokensShown(Principal principal, VendView vend) {
        if (!vend.tokens().isEmpty()) {
            audit.record(principal.getName(), "TOKENS_REPRINTED", "meter " + vend.meterNumber(),
                    "receipt " + vend.receiptNo() + " (vend " + vend.id() + "), " + vend.tokens().size() + " token(s)");
        }
    }

    @PostMapping("/receipt/{id}/reversal")
    @PreAuthorize("hasAuthority('REVERSE_VENDS')")
    String reverse(@PathVariable String id, @RequestParam(required = false) String reason, Principal principal, Model model,
                   RedirectAttributes flash) {
        VendView vend = vend(id);
        FormErrors errors = new FormErrors();
        String typed = reason == null ? "" : reason;
        if (typed.isBlank()) {
            errors.add("reason", "is required: say why the money goes back");
        } else {
            try {
                vends.reverse(VendId.parse(vend.id()), typed.trim(), principal.getName());
                flash.addFlashAttribute("notice", "Vend reversed: the money went back to where it came from; the token must not be used.");
                return "redirect:/console/vend/receipt/" + vend.id();
            } catch (VendRejectedException e) {
                errors.add("reason", e.getMessage() + " (" + e.code() + ")");
            } catch (ValidationException | LedgerRejection e) {
                errors.add("reason", e.getMessage());
            }
        }
        return show(model, vends.find(VendId.parse(vend.id())).orElse(vend), false, typed, errors);
    }

    private VendView vend(String id) {
        VendId vendId;
        try {
            vendId = VendId.parse(id);
        } catch (IllegalArgumentException e) {
            throw NotFoundException.of("vend", id);
        }
        return vends.find(vendId).orElseThrow(() -> NotFoundException.of("vend", id));
    }

    private String show(Model model, VendView vend, boolean reprint, String reason, FormErrors errors) {
        model.addAttribute("vend", vend);
        model.addAttribute("reprint", reprint);
        model.addAttribute("reason", reason);
        model.addAttribute("errors", errors);
        return "vend/receipt";
    }
}
