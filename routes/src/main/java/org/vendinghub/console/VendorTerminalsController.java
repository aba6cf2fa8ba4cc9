package org.vendinghub.console;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.vendinghub.domain.ValidationException;
import org.vendinghub.ledger.LedgerRejection;
import org.vendinghub.ledger.vendor.VendorService;
import org.vendinghub.ledger.vendor.VendorView;
import org.vendinghub.pos.PosCashiers;
import org.vendinghub.pos.PosTerminals;

import java.security.Principal;
import java.time.Clock;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A vendor's POS terminals and cashiers: register a terminal (its secret is shown on the answer page once and never
 * stored in the session), a new secret, disable with a reason or enable, announce an app version, suspend the vendor's
 * POS selling; create cashiers, set a PIN, unlock, disable. Reading needs a vendor permission, changing MANAGE_VENDORS;
 * a vendor-group user reaches only the group's vendors.
 */
@Controller
@RequestMapping("/console/vendors/{vendorId}")
class VendorTerminalsController {

    private static final Set<String> TERMINAL_FIELDS = Set.of("terminalId", "name", "certSubject", "wantedAppVersion");
    private static final Set<String> CASHIER_FIELDS = Set.of("login", "cashierName", "pin");

    record TerminalForm(String terminalId, String name, String certSubject, String wantedAppVersion, String reason) {
        static TerminalForm blank() {
            return new TerminalForm("", "", "", "", "");
        }
    }

    record CashierForm(String login, String name, String pin) {
        static CashierForm blank() {
            return new CashierForm("", "", "");
        }
    }

    private final VendorService vendors;
    private final VendorScope scope;
    private final PosTerminals terminals;
    private final PosCashiers cashiers;
    private final Clock clock;

    VendorTerminalsController(VendorService vendors, VendorScope scope, PosTerminals terminals, PosCashiers cashiers, Clock clock) {
        this.vendors = vendors;
        this.scope = scope;
        this.terminals = terminals;
        this.cashiers = cashiers;
        this.clock = clock;
    }

    @GetMapping("/terminals")
    @PreAuthorize(VendorsController.VIEW)
    String page(@PathVariable long vendorId, Principal principal, Model model) {
        return page(model, vendor(principal, vendorId), TerminalForm.blank(), CashierForm.blank(), new FormErrors());
    }

    @PostMapping("/terminals")
    @PreAuthorize(VendorsController.MANAGE)
    String register(@PathVariable long vendorId, TerminalForm form, Principal principal, Model model) {
        VendorView vendor = vendor(principal, vendorId);
        FormErrors errors = new FormErrors();
        try {
            PosTerminals.Registered registered = terminals.register(vendorId, form.terminalId(), form.name(), Input.optional(form.certSubject()),
                    true, Input.optional(form.wantedAppVersion()), principal.getName());
            showSecret(model, registered, "Terminal " + registered.terminal().terminalId() + " registered.");
            return page(model, vendor, TerminalForm.blank(), CashierForm.blank(), errors);
        } catch (ValidationException e) {
            errors.add(e, TERMINAL_FIELDS);
        } catch (LedgerRejection e) {
            errors.add("terminalId", e.getMessage());
        }
        return page(model, vendor, form, CashierForm.blank(), errors);
    }

    @PostMapping("/terminals/{terminalId}/secret")
    @PreAuthorize(VendorsController.MANAGE)
    String newSecret(@PathVariable long vendorId, @PathVariable String terminalId, Principal principal, Model model) {
        VendorView vendor = vendor(principal, vendorId);
        PosTerminals.Registered registered = terminals.newSecret(vendorId, terminalId, principal.getName());
        showSecret(model, registered, "New secret for terminal " + terminalId + "; the old one no longer works.");
        return page(model, vendor, TerminalForm.blank(), CashierForm.blank(), new FormErrors());
    }

    @PostMapping("/terminals/{terminalId}/disable")
    @PreAuthorize(VendorsController.MANAGE)
    String disable(@PathVariable long vendorId, @PathVariable String terminalId, TerminalForm form, Principal principal, Model model,
                   RedirectAttributes flash) {
        return change(vendorId, principal, model, flash, "Terminal " + terminalId + " disabled.",
                () -> terminals.setEnabled(vendorId, terminalId, false, form.reason(), principal.getName()));
    }

    @PostMapping("/terminals/{terminalId}/enable")
    @PreAuthorize(VendorsController.MANAGE)
    String enable(@PathVariable long vendorId, @PathVariable String terminalId, Principal principal, Model model, RedirectAttributes flash) {
        return change(vendorId, principal, model, flash, "Terminal " + terminalId + " enabled.",
                () -> terminals.setEnabled(vendorId, terminalId, true, null, principal.getName()));
    }

    @PostMapping("/terminals/app-version")
    @PreAuthorize(VendorsController.MANAGE)
    String appVersion(@PathVariable long vendorId, TerminalForm form, Principal principal, Model model, RedirectAttributes flash) {
        String version = Input.optional(form.wantedAppVersion());
        return change(vendorId, principal, model, flash, version == null ? "App version wish withdrawn." : "App version " + version
                + " announced to every terminal.", () -> terminals.setWantedAppVersionOfVendor(vendorId, version, principal.getName()));
    }

    @PostMapping("/pos/suspend")
    @PreAuthorize(VendorsController.MANAGE)
    String suspend(@PathVariable long vendorId, TerminalForm form, Principal principal, Model model, RedirectAttributes flash) {
        return change(vendorId, principal, model, flash, "POS selling suspended on every terminal.",
                () -> terminals.setVendorEnabled(vendorId, false, form.reason(), principal.getName()));
    }

    @PostMapping("/pos/resume")
    @PreAuthorize(VendorsController.MANAGE)
    String resume(@PathVariable long vendorId, Principal principal, Model model, RedirectAttributes flash) {
        return change(vendorId, principal, model, flash, "POS selling resumed.",
                () -> terminals.setVendorEnabled(vendorId, true, null, principal.getName()));
    }

    @PostMapping("/cashiers")
    @PreAuthorize(VendorsController.MANAGE)
    String createCashier(@PathVariable long vendorId, CashierForm form, Principal principal, Model model, RedirectAttributes flash) {
        VendorView vendor = vendor(principal, vendorId);
        FormErrors errors = new FormErrors();
        try {
            cashiers.create(vendorId, form.login(), form.name(), form.pin(), principal.getName());
            flash.addFlashAttribute("notice", "Cashier " + form.login() + " created.");
            return "redirect:/console/vendors/" + vendorId + "/terminals";
        } catch (ValidationException e) {
            errors.add("name".equals(e.field()) ? new ValidationException("cashierName", e.getMessage()) : e, CASHIER_FIELDS);
        } catch (LedgerRejection e) {
            errors.add("login", e.getMessage());
        }
        return page(model, vendor, TerminalForm.blank(), new CashierForm(form.login(), form.name(), ""), errors);
    }

    @PostMapping("/cashiers/{login}/pin")
    @PreAuthorize(VendorsController.MANAGE)
    String pin(@PathVariable long vendorId, @PathVariable String login, CashierForm form, Principal principal, Model model,
               RedirectAttributes flash) {
        return change(vendorId, principal, model, flash, "New PIN set for " + login + "; unlocked, signed out everywhere.",
                () -> cashiers.setPin(vendorId, login, form.pin(), principal.getName()));
    }

    @PostMapping("/cashiers/{login}/unlock")
    @PreAuthorize(VendorsController.MANAGE)
    String unlock(@PathVariable long vendorId, @PathVariable String login, Principal principal, Model model, RedirectAttributes flash) {
        return change(vendorId, principal, model, flash, "Cashier " + login + " unlocked.",
                () -> cashiers.unlock(vendorId, login, principal.getName()));
    }

    @PostMapping("/cashiers/{login}/disable")
    @PreAuthorize(VendorsController.MANAGE)
    String disableCashier(@PathVariable long vendorId, @PathVariable String login, Principal principal, Model model, RedirectAttributes flash) {
        return change(vendorId, principal, model, flash, "Cashier " + login + " disabled.",
                () -> cashiers.setEnabled(vendorId, login, false, principal.getName()));
    }

    @PostMapping("/cashiers/{login}/enable")
    @PreAuthorize(VendorsController.MANAGE)
    String enableCashier(@PathVariable long vendorId, @PathVariable String login, Principal principal, Model model, RedirectAttributes flash) {
        return change(vendorId, principal, model, flash, "Cashier " + login + " enabled.",
                () -> cashiers.setEnabled(vendorId, login, true, principal.getName()));
    }

    /** Runs a change; success goes back to the page with a notice, a refusal shows the page with the reason on top. */
    private String change(long vendorId, Principal principal, Model model, RedirectAttributes flash, String notice, Supplier<?> action) {
        VendorView vendor = vendor(principal, vendorId);
        FormErrors errors = new FormErrors();
        try {
            action.get();
            flash.addFlashAttribute("notice", notice);
            return "redirect:/console/vendors/" + vendorId + "/terminals";
        } catch (ValidationException e) {
            errors.form(e.getMessage());
        } catch (LedgerRejection e) {
            errors.form(e.getMessage());
        }
        return page(model, vendor, TerminalForm.blank(), CashierForm.blank(), errors);
    }

    private VendorView vendor(Principal principal, long vendorId) {
        return scope.check(principal, vendors.vendor(vendorId));
    }

    private static void showSecret(Model model, PosTerminals.Registered registered, String notice) {
        model.addAttribute("notice", notice);
        model.addAttribute("secretTerminal", registered.terminal().terminalId());
        model.addAttribute("secret", registered.secret());
    }

    private String page(Model model, VendorView vendor, TerminalForm terminalForm, CashierForm cashierForm, FormErrors errors) {
        model.addAttribute("vendor", vendor);
        model.addAttribute("pos", terminals.vendorPos(vendor.id()));
        model.addAttribute("terminals", terminals.terminals(vendor.id()));
        model.addAttribute("cashiers", cashiers.cashiers(vendor.id()));
        model.addAttribute("now", clock.instant());
        model.addAttribute("form", terminalForm);
        model.addAttribute("cashierForm", cashierForm);
        model.addAttribute("errors", errors);
        return "vendors/terminals";
    }
}
