package org.vendinghub.console;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.vendinghub.audit.AuditLog;
import org.vendinghub.domain.ValidationException;
import org.vendinghub.ledger.utility.NewSupplyGroup;
import org.vendinghub.ledger.utility.NewUtility;
import org.vendinghub.ledger.utility.SupplyGroupView;
import org.vendinghub.ledger.utility.UtilityService;
import org.vendinghub.ledger.utility.UtilityView;
import org.vendinghub.sts.SecurityModule;

import java.security.Principal;
import java.util.Arrays;
import java.util.Set;

/**
 * Utilities and supply groups (MANAGE_SUPPLY_GROUPS), and the vending-key ceremony (IMPORT_KEYS). A key typed into the
 * import form goes straight into the security module: it is never logged, stored, echoed back or kept in the model.
 */
@Controller("consoleSupplyGroupsController")
@RequestMapping("/console/supply-groups")
class SupplyGroupsController {

    static final String MANAGE = "hasAuthority('MANAGE_SUPPLY_GROUPS')";
    static final String IMPORT = "hasAuthority('IMPORT_KEYS')";
    private static final Set<String> GROUP_FIELDS = Set.of("utilityId", "name", "sgc", "krn", "keyType", "baseDate", "dkga", "ea");
    private static final Set<String> UTILITY_FIELDS = Set.of("name", "currency", "taxRate", "address", "taxReference");

    record SupplyGroupForm(String utilityId, String name, String sgc, String krn, String keyType, String baseDate, String dkga, String ea) {
        static SupplyGroupForm blank() {
            return new SupplyGroupForm("", "", "", "1", "2", "1993", "02", "07");
        }
    }

    record UtilityForm(String name, String currency, String taxRate, String address, String taxReference) {
        static UtilityForm blank() {
            return new UtilityForm("", "", "", "", "");
        }
    }

    private final UtilityService utilities;
    private final SecurityModule securityModule;
    private final VendingKeyCeremony ceremony;
    private final Choices choices;
    private final AuditLog audit;
    private final TransactionTemplate tx;

    SupplyGroupsController(UtilityService utilities, SecurityModule securityModule, VendingKeyCeremony ceremony, Choices choices,
                           AuditLog audit, TransactionTemplate tx) {
        this.utilities = utilities;
        this.securityModule = securityModule;
        this.ceremony = ceremony;
        this.choices = choices;
        this.audit = audit;
        this.tx = tx;
    }

    @GetMapping
    @PreAuthorize("hasAnyAuthority('MANAGE_SUPPLY_GROUPS','IMPORT_KEYS')")
    String list(Model model) {
        return page(model, SupplyGroupForm.blank(), UtilityForm.blank(), new FormErrors());
    }

    @PostMapping
    @PreAuthorize(MANAGE)
    String create(SupplyGroupForm form, Principal principal, Model model, RedirectAttributes flash) {
        FormErrors errors = new FormErrors();
        Input input = new Input(errors);
        Long utilityId = input.id("utilityId", form.utilityId());
        int krn = input.integer("krn", form.krn(), 1, 9);
        int keyType = input.integer("keyType", form.keyType(), 0, 3);
        int baseDate = input.integer("baseDate", form.baseDate(), 1993, 2035);
        if (!errors.any()) {
            try {
                String keyId = "SGC-" + form.sgc().trim() + "-KRN" + krn;
                SupplyGroupView group = tx.execute(s -> {
                    SupplyGroupView created = utilities.createSupplyGroup(new NewSupplyGroup(utilityId, form.name(), form.sgc(), krn, keyType,
                            baseDate, form.dkga(), form.ea(), keyId, null));
                    audit.record(principal.getName(), "SUPPLY_GROUP_CREATED", "supply-group:" + created.id(), "SGC " + created.sgc() + " KRN " + krn);
                    return created;
                });
                flash.addFlashAttribute("notice", "Supply group " + group.name() + " created; import its vending key next.");
                return "redirect:/console/supply-groups";
            } catch (ValidationException e) {
                errors.add(e, GROUP_FIELDS);
            }
        }
        return page(model, form, UtilityForm.blank(), errors);
    }

    @PostMapping("/utilities")
    @PreAuthorize(MANAGE)
    String createUtility(UtilityForm form, Principal principal, Model model, RedirectAttributes flash) {
        FormErrors errors = new FormErrors();
        int taxBp = new Input(errors).percentBp("taxRate", form.taxRate());
        if (!errors.any()) {
            try {
                UtilityView utility = tx.execute(s -> {
                    UtilityView created = utilities.createUtility(new NewUtility(form.name(), form.currency(), taxBp,
                            Input.optional(form.address()), Input.optional(form.taxReference())));
                    audit.record(principal.getName(), "UTILITY_CREATED", "utility:" + created.id(), created.name() + ", " + created.currency());
                    return created;
                });
                flash.addFlashAttribute("notice", "Utility " + utility.name() + " created.");
                return "redirect:/console/supply-groups";
            } catch (ValidationException e) {
                errors.add(e, UTILITY_FIELDS);
            }
        }
        return page(model, SupplyGroupForm.blank(), form, errors);
    }

    @GetMapping("/keys")
    @PreAuthorize(IMPORT)
    String keys(Model model) {
        return keyPage(model, new FormErrors(), "");
    }

    /** The key arrives as a char[] so that it can be wiped; nothing of it goes back into the page. */
    @PostMapping("/keys")
    @PreAuthorize(IMPORT)
    String importKey(@RequestParam(required = false) String supplyGroupId, @RequestParam(required = false) char[] vendingKeyHex,
                     Principal principal, Model model, RedirectAttributes flash) {
        FormErrors errors = new FormErrors();
        try {
            Long id = new Input(errors).id("supplyGroupId", supplyGroupId);
            if (!errors.any()) {
                String kcv = ceremony.importKey(id, vendingKeyHex, principal.getName());
                flash.addFlashAttribute("notice", "Vending key imported. Key check value " + kcv
                        + " — compare it with the value on the key custodians' form.");
                return "redirect:/console/supply-groups/keys";
            }
        } catch (ValidationException e) {
            errors.add(e, Set.of("supplyGroupId", "vendingKeyHex"));
        } finally {
            if (vendingKeyHex != null) {
                Arrays.fill(vendingKeyHex, '\0');
            }
        }
        return keyPage(model, errors, supplyGroupId);
    }

    private String page(Model model, SupplyGroupForm form, UtilityForm utilityForm, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("utilityForm", utilityForm);
        model.addAttribute("errors", errors);
        model.addAttribute("utilities", choices.utilities());
        model.addAttribute("groups", choices.supplyGroups());
        model.addAttribute("keyLoaded", (java.util.function.Function<String, Boolean>) securityModule::hasVendingKey);
        return "supplygroups/list";
    }

    private String keyPage(Model model, FormErrors errors, String supplyGroupId) {
        model.addAttribute("errors", errors);
        model.addAttribute("groups", choices.supplyGroups());
        model.addAttribute("selected", supplyGroupId == null ? "" : supplyGroupId);
        model.addAttribute("kcvMethod", VendingKeyCeremony.KCV_METHOD);
        return "supplygroups/keys";
    }
}
