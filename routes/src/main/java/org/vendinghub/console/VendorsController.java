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

    /** {@code lowFloat}: the vendor's own low-float warning level; empty for the default (hub.console.dashboard.low-float-minor). */
    record VendorForm(String utilityId, String name, String groupId, String agentId, String terms, String discount, String commission,
                      String creditLimit, String lowFloat) {
        static VendorForm blank() {
            return new VendorForm("", "", "", "", "COMMISSION", "0", "0", "0", "");
        }

        static VendorForm of(VendorView v, Long lowFloatMinor, Formats fmt) {
            return new VendorForm(String.valueOf(v.utilityId()), v.name(), v.groupId() == null ? "" : v.groupId().toString(),
                    v.agentId() == null ? "" : v.agentId().toString(), v.terms().name(), fmt.percentInput(v.discountBp()), fmt.percentInput(v.commissionBp()),
                    fmt.moneyInput(v.creditLimitMinor()), lowFloatMinor == null ? "" : fmt.moneyInput(lowFloatMinor));
        }
    }

    record MoneyForm(String amount, String channel, String reference, String toVendorId, String reason) {
        static MoneyForm blank() {
            return new MoneyForm("", "CASH", "", "", "");
        }
    }

    private final VendorService vendors;
    private final VendorFloatService floats;
    private final LowFloats lowFloats;
    private final VendorScope scope;
    private final Choices choices;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Formats fmt;
    private final long defaultLowFloatMinor;

    VendorsController(VendorService vendors, VendorFloatService floats, LowFloats lowFloats, VendorScope scope, Choices choices,
                      AuditLog audit, TransactionTemplate tx, Formats fmt, DashboardProperties dashboard) {
        this.vendors = vendors;
        this.floats = floats;
        this.lowFloats = lowFloats;
        this.scope = scope;
        this.choices = choices;
        this.audit = audit;
        this.tx = tx;
        this.fmt = fmt;
        this.defaultLowFloatMinor = dashboard.lowFloatMinor();
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
        return form(model, VendorForm.blank(), null, new FormErrors());
    }

    @PostMapping
    @PreAuthorize(MANAGE)
    String create(VendorForm form, Principal principal, Model model, RedirectAttributes flash) {
        scope.requireUnscoped(principal);
        FormErrors errors = new FormErrors();
        Long utilityId = new Input(errors).id("utilityId", form.utilityId());
        Terms terms = terms(form, errors);
        if (!errors.any()) {
            try {
                VendorView vendor = tx.execute(s -> {
                    VendorView created = vendors.create(terms.vendor(utilityId, form.name()));
                    lowFloats.setThreshold(created.id(), terms.lowFloatMinor(), principal.getName());
                    audit.record(principal.getName(), "VENDOR_CREATED", "vendor:" + created.id(), created.name() + ", " + terms.describe());
                    return created;
                });
                flash.addFlashAttribute("notice", "Vendor " + vendor.name() + " created.");
                return "redirect:/console/vendors/" + vendor.id();
            } catch (ValidationException e) {
                errors.add(field(e), e.getMessage());
            } catch (LedgerRejection e) {
                errors.form(e.getMessage());
            }
        }
        return form(model, form, null, errors);
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize(MANAGE)
    String edit(@PathVariable long id, Principal principal, Model model) {
        scope.requireUnscoped(principal);
        VendorView vendor = vendors.vendor(id);
        return form(model, VendorForm.of(vendor, lowFloats.thresholdOf(id).orElse(null), fmt), vendor, new FormErrors());
    }

    /** New terms apply to later deposits and sales; the utility stays. Audited with the terms before and after. */
    @PostMapping("/{id}")
    @PreAuthorize(MANAGE)
    String update(@PathVariable long id, VendorForm form, Principal principal, Model model, RedirectAttributes flash) {
        scope.requireUnscoped(principal);
        VendorView before = vendors.vendor(id);
        FormErrors errors = new FormErrors();
        Terms terms = terms(form, errors);
        if (!errors.any()) {
            try {
                tx.executeWithoutResult(s -> {
                    VendorView after = vendors.update(id, terms.vendor(before.utilityId(), form.name()));
                    lowFloats.setThreshold(id, terms.lowFloatMinor(), principal.getName());
                    audit.record(principal.getName(), "VENDOR_CHANGED", "vendor:" + id, describe(before) + " -> " + after.name() + ", "
                            + terms.describe());
                });
                flash.addFlashAttribute("notice", "Vendor saved.");
                return "redirect:/console/vendors/" + id;
            } catch (ValidationException e) {
                errors.add(field(e), e.getMessage());
            } catch (LedgerRejection e) {
                errors.form(e.getMessage());
            }
        }
        return form(model, form, before, errors);
    }

    /** What the vendor form sets besides the name and the utility, parsed from what was typed. */
    private record Terms(Long groupId, Long agentId, VendorTerms terms, int discountBp, int commissionBp, long creditLimitMinor,
                         Long lowFloatMinor) {
        NewVendor vendor(long utilityId, String name) {
            return new NewVendor(utilityId, name, groupId, agentId, terms, discountBp, commissionBp, creditLimitMinor);
        }

        String describe() {
            return terms + " (discount " + discountBp + " bp, commission " + commissionBp + " bp), group " + groupId + ", agent " + agentId
                    + ", credit limit " + creditLimitMinor + ", low float " + (lowFloatMinor == null ? "default" : lowFloatMinor);
        }
    }

    private static Terms terms(VendorForm form, FormErrors errors) {
        Input input = new Input(errors);
        Long groupId = input.optionalLong("groupId", form.groupId());
        Long agentId = input.optionalLong("agentId", form.agentId());
        int discount = input.percentBp("discount", form.discount());
        int commission = input.percentBp("commission", form.commission());
        long creditLimit = input.money("creditLimit", form.creditLimit(), false);
        Long lowFloat = Input.optional(form.lowFloat()) == null ? null : input.money("lowFloat", form.lowFloat(), false);
        if (lowFloat != null && lowFloat < 0) {
            errors.add("lowFloat", "must not be negative");
        }
        VendorTerms terms = "DISCOUNT".equals(form.terms()) ? VendorTerms.DISCOUNT : VendorTerms.COMMISSION;
        return new Terms(groupId, agentId, terms, discount, commission, creditLimit, lowFloat);
    }

    /** The service names fields as the API does (discountBp, creditLimitMinor); the form as the user sees them. */
    private static String field(ValidationException e) {
        return e.field().endsWith("Bp") ? e.field().replace("Bp", "") : e.field().replace("Minor", "");
    }

    private static String describe(VendorView v) {
        return v.name() + ", " + v.terms() + " (discount " + v.discountBp() + " bp, commission " + v.commissionBp() + " bp), group "
                + v.groupId() + ", agent " + v.agentId() + ", credit limit " + v.creditLimitMinor();
    }

    @GetMapping("/{id}")
    @PreAuthorize(VIEW)
    String show(@PathVariable long id, @RequestParam(defaultValue = "0") int page, Principal principal, Model model) {
        return detail(model, principal, scope.check(principal, vendors.vendor(id)), page, MoneyForm.blank(), new FormErrors());
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
        return detail(model, principal, vendor, 0, form, errors);
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
        return detail(model, principal, vendor, 0, form, errors);
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
        return detail(model, principal, vendor, 0, form, errors);
    }

    /** The new-vendor form, or the edit form of {@code vendor}. */
    private String form(Model model, VendorForm form, VendorView vendor, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("vendor", vendor);
        model.addAttribute("defaultLowFloat", fmt.moneyInput(defaultLowFloatMinor));
        model.addAttribute("errors", errors);
        model.addAttribute("utilities", choices.utilities());
        model.addAttribute("groups", vendors.groups(PageRequest.of(0, Choices.MAX, Sort.by("id"))).getContent());
        model.addAttribute("agents", vendors.agents(PageRequest.of(0, Choices.MAX, Sort.by("id"))).getContent());
        return "vendors/new";
    }

    private String detail(Model model, Principal principal, VendorView vendor, int page, MoneyForm form, FormErrors errors) {
        model.addAttribute("scoped", scope.groupOf(principal) != null);
        model.addAttribute("vendor", vendor);
        model.addAttribute("lowFloatMinor", lowFloats.thresholdOf(vendor.id()).orElse(defaultLowFloatMinor));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        Page<?> statement = floats.statement(vendor.id(), PageRequest.of(Math.max(0, page), 25));
        model.addAttribute("statement", statement);
        model.addAttribute("adjustments", floats.adjustments(vendor.id(), PageRequest.of(0, 20)).getContent());
        return "vendors/show";
    }
}
