package org.vendinghub.console;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
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
import org.vendinghub.ledger.vendor.NewVendor;
import org.vendinghub.ledger.vendor.VendorDeposit;
import org.vendinghub.ledger.vendor.VendorFloatService;
import org.vendinghub.ledger.vendor.VendorService;
import org.vendinghub.ledger.vendor.VendorTerms;
import org.vendinghub.ledger.vendor.VendorTransfer;
import org.vendinghub.ledger.vendor.VendorView;

import java.security.Principal;
import java.util.Set;
import java.util.UUID;

/**
 * Vendors: list, create, float balance and statement, deposits, transfers between vendors, and adjustment requests
 * (approved by a second user on the adjustments page). A vendor-group user sees only the group's vendors.
 */
@Controller("consoleVendorsController")
@RequestMapping("/console/vendors")
class VendorsController {

    static final String VIEW = "hasAnyAuthority('MANAGE_VENDORS','VIEW_REPORTS','REQUEST_ADJUSTMENTS','APPROVE_ADJUSTMENTS')";
    static final String MANAGE = "hasAuthority('MANAGE_VENDORS')";
    private static final Set<String> FIELDS = Set.of("utilityId", "name", "groupId", "agentId", "terms", "discount", "commission", "creditLimit");

    record VendorForm(String utilityId, String name, String groupId, String agentId, String terms, String discount, String commission,
                      String creditLimit) {
        static VendorForm blank() {
            return new VendorForm("", "", "", "", "COMMISSION", "0", "0", "0");
        }
    }

    record MoneyForm(String amount, String channel, String reference, String toVendorId, String reason) {
        static MoneyForm blank() {
            return new MoneyForm("", "CASH", "", "", "");
        }
    }

    private final VendorService vendors;
    private final VendorFloatService floats;
    private final VendorScope scope;
    private final Choices choices;
    private final AuditLog audit;
    private final TransactionTemplate tx;

    VendorsController(VendorService vendors, VendorFloatService floats, VendorScope scope, Choices choices, AuditLog audit,
                      TransactionTemplate tx) {
        this.vendors = vendors;
        this.floats = floats;
        this.scope = scope;
        this.choices = choices;
        this.audit = audit;
        this.tx = tx;
    }

    @GetMapping
    @PreAuthorize(VIEW)
    String list(@RequestParam(defaultValue = "0") int page, Principal principal, Model model) {
        Long group = scope.groupOf(principal);
        model.addAttribute("vendors", vendors.vendors(group, PageRequest.of(Math.max(0, page), 50, Sort.by("id"))));
        model.addAttribute("scoped", group != null);
        return "vendors/list";
    }

    @GetMapping("/new")
    @PreAuthorize(MANAGE)
    String newVendor(Principal principal, Model model) {
        scope.requireUnscoped(principal);
        return form(model, VendorForm.blank(), new FormErrors());
    }

    @PostMapping
    @PreAuthorize(MANAGE)
    String create(VendorForm form, Principal principal, Model model, RedirectAttributes flash) {
        scope.requireUnscoped(principal);
        FormErrors errors = new FormErrors();
        Input input = new Input(errors);
        Long utilityId = input.id("utilityId", form.utilityId());
        Long groupId = input.optionalLong("groupId", form.groupId());
        Long agentId = input.optionalLong("agentId", form.agentId());
        int discount = input.percentBp("discount", form.discount());
        int commission = input.percentBp("commission", form.commission());
        long creditLimit = input.money("creditLimit", form.creditLimit(), false);
        VendorTerms terms = "DISCOUNT".equals(form.terms()) ? VendorTerms.DISCOUNT : VendorTerms.COMMISSION;
        if (!errors.any()) {
            try {
                VendorView vendor = tx.execute(s -> {
                    VendorView created = vendors.create(new NewVendor(utilityId, form.name(), groupId, agentId, terms, discount, commission, creditLimit));
                    audit.record(principal.getName(), "VENDOR_CREATED", "vendor:" + created.id(), created.name() + ", " + terms);
                    return created;
                });
                flash.addFlashAttribute("notice", "Vendor " + vendor.name() + " created.");
                return "redirect:/console/vendors/" + vendor.id();
            } catch (ValidationException e) {
                errors.add(e.field().endsWith("Bp") ? e.field().replace("Bp", "") : e.field().replace("Minor", ""), e.getMessage());
            } catch (LedgerRejection e) {
                errors.form(e.getMessage());
            }
        }
        return form(model, form, errors);
    }

    @GetMapping("/{id}")
    @PreAuthorize(VIEW)
    String show(@PathVariable long id, @RequestParam(defaultValue = "0") int page, Principal principal, Model model) {
        return detail(model, scope.check(principal, vendors.vendor(id)), page, MoneyForm.blank(), new FormErrors());
    }

    @PostMapping("/{id}/deposits")
    @PreAuthorize(MANAGE)
    String deposit(@PathVariable long id, MoneyForm form, Principal principal, Model model, RedirectAttributes flash) {
        VendorView vendor = scope.check(principal, vendors.vendor(id));
        FormErrors errors = new FormErrors();
        long amount = new Input(errors).money("amount", form.amount(), true);
        String reference = new Input(errors).required("reference", form.reference(), 64);
        if (!errors.any()) {
            try {
                tx.executeWithoutResult(s -> {
                    floats.deposit(new VendorDeposit("console:" + UUID.randomUUID(), id, amount, form.channel(), reference));
                    audit.record(principal.getName(), "VENDOR_DEPOSIT", "vendor:" + id, amount + " minor via " + form.channel() + ", ref " + reference);
                });
                flash.addFlashAttribute("notice", "Deposit credited.");
                return "redirect:/console/vendors/" + id;
            } catch (ValidationException e) {
                errors.add(e, Set.of("amount", "channel", "reference"));
            } catch (LedgerRejection e) {
                errors.form(e.getMessage());
            }
        }
        return detail(model, vendor, 0, form, errors);
    }

    @PostMapping("/{id}/transfers")
    @PreAuthorize(MANAGE)
    String transfer(@PathVariable long id, MoneyForm form, Principal principal, Model model, RedirectAttributes flash) {
        VendorView vendor = scope.check(principal, vendors.vendor(id));
        FormErrors errors = new FormErrors();
        Input input = new Input(errors);
        long amount = input.money("transferAmount", form.amount(), true);
        Long to = input.id("toVendorId", form.toVendorId());
        if (!errors.any()) {
            try {
                scope.check(principal, vendors.vendor(to));
                tx.executeWithoutResult(s -> {
                    floats.transfer(new VendorTransfer("console:" + UUID.randomUUID(), id, to, amount, principal.getName()));
                    audit.record(principal.getName(), "VENDOR_TRANSFER", "vendor:" + id, amount + " minor to vendor " + to);
                });
                flash.addFlashAttribute("notice", "Float transferred.");
                return "redirect:/console/vendors/" + id;
            } catch (ValidationException e) {
                errors.add(e, Set.of("toVendorId"));
            } catch (LedgerRejection e) {
                errors.add("transferAmount", e.getMessage());
            }
        }
        return detail(model, vendor, 0, form, errors);
    }

    @PostMapping("/{id}/adjustments")
    @PreAuthorize("hasAuthority('REQUEST_ADJUSTMENTS')")
    String requestAdjustment(@PathVariable long id, MoneyForm form, Principal principal, Model model, RedirectAttributes flash) {
        VendorView vendor = scope.check(principal, vendors.vendor(id));
        FormErrors errors = new FormErrors();
        long amount = new Input(errors).money("adjustmentAmount", form.amount(), false);
        if (amount == 0 && !errors.has("adjustmentAmount")) {
            errors.add("adjustmentAmount", "must not be zero (negative takes money off the float)");
        }
        if (!errors.any()) {
            try {
                tx.executeWithoutResult(s -> {
                    var adjustment = floats.requestAdjustment(id, amount, form.reason(), principal.getName());
                    audit.record(principal.getName(), "ADJUSTMENT_REQUESTED", "adjustment:" + adjustment.id(),
                            "vendor " + id + ", " + amount + " minor: " + form.reason());
                });
                flash.addFlashAttribute("notice", "Adjustment requested; another user must approve it.");
                return "redirect:/console/vendors/" + id;
            } catch (ValidationException e) {
                errors.add("reason".equals(e.field()) ? "reason" : "adjustmentAmount", e.getMessage());
            }
        }
        return detail(model, vendor, 0, form, errors);
    }

    private String form(Model model, VendorForm form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("utilities", choices.utilities());
        model.addAttribute("groups", vendors.groups(PageRequest.of(0, Choices.MAX, Sort.by("id"))).getContent());
        model.addAttribute("agents", vendors.agents(PageRequest.of(0, Choices.MAX, Sort.by("id"))).getContent());
        return "vendors/new";
    }

    private String detail(Model model, VendorView vendor, int page, MoneyForm form, FormErrors errors) {
        model.addAttribute("vendor", vendor);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        Page<?> statement = floats.statement(vendor.id(), PageRequest.of(Math.max(0, page), 25));
        model.addAttribute("statement", statement);
        model.addAttribute("adjustments", floats.adjustments(vendor.id(), PageRequest.of(0, 20)).getContent());
        return "vendors/show";
    }
}
