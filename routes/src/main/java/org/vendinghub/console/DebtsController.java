package org.vendinghub.console;

import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.vendinghub.audit.AuditLog;
import org.vendinghub.domain.ValidationException;
import org.vendinghub.ledger.LedgerRejection;
import org.vendinghub.ledger.customer.CustomerService;
import org.vendinghub.ledger.debt.DebtService;
import org.vendinghub.ledger.debt.DebtView;

import java.security.Principal;
import java.util.UUID;

/**
 * One customer debt: what is owed, what was collected with which vend, what was written off; and a write-off, which is
 * a financial decision (APPROVE_ADJUSTMENTS), booked by the same ledger service as the REST API's and audited the same
 * way. The form's reference is the write-off's id in the ledger, so a double submit books it once.
 */
@Controller("consoleDebtsController")
@RequestMapping("/console/debts")
class DebtsController {

    static final String VIEW = "hasAnyAuthority('MANAGE_CUSTOMERS','APPROVE_ADJUSTMENTS','VIEW_REPORTS','VIEW_VENDS')";

    record WriteOffForm(String amount, String reason, String reference) {
        static WriteOffForm blank() {
            return new WriteOffForm("", "", UUID.randomUUID().toString());
        }
    }

    private final DebtService debts;
    private final CustomerService customers;
    private final AuditLog audit;
    private final TransactionTemplate tx;

    DebtsController(DebtService debts, CustomerService customers, AuditLog audit, TransactionTemplate tx) {
        this.debts = debts;
        this.customers = customers;
        this.audit = audit;
        this.tx = tx;
    }

    @GetMapping("/{id}")
    @PreAuthorize(VIEW)
    String show(@PathVariable long id, @RequestParam(defaultValue = "0") int page, Model model) {
        return detail(model, debts.debt(id), page, WriteOffForm.blank(), new FormErrors());
    }

    @PostMapping("/{id}/write-offs")
    @PreAuthorize("hasAuthority('APPROVE_ADJUSTMENTS')")
    String writeOff(@PathVariable long id, WriteOffForm form, Principal principal, Model model, RedirectAttributes flash) {
        DebtView debt = debts.debt(id);
        FormErrors errors = new FormErrors();
        Input input = new Input(errors);
        long amount = input.money("amount", form.amount(), true);
        String reason = input.required("reason", form.reason(), 200);
        String reference = form.reference() != null && form.reference().matches("[A-Za-z0-9-]{1,40}") ? form.reference() : null;
        if (reference == null) {
            errors.form("this form is out of date: open the debt again");
        }
        if (!errors.any()) {
            try {
                tx.executeWithoutResult(s -> {
                    DebtView after = debts.writeOff(id, reference, amount, principal.getName());
                    if (after.writtenOffMinor() != debt.writtenOffMinor()) { // a double submit books (and records) nothing more
                        audit.record(principal.getName(), "DEBT_WRITTEN_OFF", "debt:" + id, amount + " " + debt.currency()
                                + " minor, ref " + reference + ": " + reason);
                    }
                });
                flash.addFlashAttribute("notice", "Written off.");
                return "redirect:/console/debts/" + id;
            } catch (ValidationException e) {
                errors.add("amount", e.getMessage());
            } catch (LedgerRejection e) {
                errors.add("amount", e.getMessage());
            }
        }
        return detail(model, debt, 0, form, errors);
    }

    private String detail(Model model, DebtView debt, int page, WriteOffForm form, FormErrors errors) {
        model.addAttribute("debt", debt);
        model.addAttribute("customer", customers.customer(debt.customerId()));
        model.addAttribute("collections", debts.collections(debt.id(), PageRequest.of(Math.max(0, page), 25)));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "customers/debt";
    }
}
