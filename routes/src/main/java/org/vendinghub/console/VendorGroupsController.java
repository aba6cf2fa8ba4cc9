package org.vendinghub.console;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.vendinghub.audit.AuditLog;
import org.vendinghub.domain.ValidationException;
import org.vendinghub.ledger.vendor.NewAgent;
import org.vendinghub.ledger.vendor.VendorService;

import java.security.Principal;

/** Vendor groups and agents, for users who see every vendor group. */
@Controller("consoleVendorGroupsController")
@PreAuthorize("hasAuthority('MANAGE_VENDORS')")
class VendorGroupsController {

    private final VendorService vendors;
    private final VendorScope scope;
    private final AuditLog audit;

    VendorGroupsController(VendorService vendors, VendorScope scope, AuditLog audit) {
        this.vendors = vendors;
        this.scope = scope;
        this.audit = audit;
    }

    @GetMapping("/console/vendor-groups")
    String list(Principal principal, Model model) {
        scope.requireUnscoped(principal);
        return page(model, new FormErrors(), "", "", "", "");
    }

    @PostMapping("/console/vendor-groups")
    String createGroup(@RequestParam(required = false) String name, Principal principal, Model model, RedirectAttributes flash) {
        scope.requireUnscoped(principal);
        try {
            var group = vendors.createGroup(name);
            audit.record(principal.getName(), "VENDOR_GROUP_CREATED", "vendor-group:" + group.id(), group.name());
            flash.addFlashAttribute("notice", "Vendor group " + group.name() + " created.");
            return "redirect:/console/vendor-groups";
        } catch (ValidationException e) {
            FormErrors errors = new FormErrors();
            errors.add("groupName", e.getMessage());
            return page(model, errors, name, "", "", "");
        }
    }

    @PostMapping("/console/agents")
    String createAgent(@RequestParam(required = false) String name, @RequestParam(required = false) String phone,
                       @RequestParam(required = false) String commission, Principal principal, Model model, RedirectAttributes flash) {
        scope.requireUnscoped(principal);
        FormErrors errors = new FormErrors();
        int commissionBp = new Input(errors).percentBp("agentCommission", commission);
        if (!errors.any()) {
            try {
                var agent = vendors.createAgent(new NewAgent(name, Input.optional(phone), commissionBp));
                audit.record(principal.getName(), "AGENT_CREATED", "agent:" + agent.id(), agent.name());
                flash.addFlashAttribute("notice", "Agent " + agent.name() + " created.");
                return "redirect:/console/vendor-groups";
            } catch (ValidationException e) {
                errors.add("phone".equals(e.field()) ? "agentPhone" : "commissionBp".equals(e.field()) ? "agentCommission" : "agentName", e.getMessage());
            }
        }
        return page(model, errors, "", name, phone, commission);
    }

    private String page(Model model, FormErrors errors, String groupName, String agentName, String agentPhone, String agentCommission) {
        model.addAttribute("errors", errors);
        model.addAttribute("groupName", groupName);
        model.addAttribute("agentName", agentName);
        model.addAttribute("agentPhone", agentPhone);
        model.addAttribute("agentCommission", agentCommission);
        model.addAttribute("groups", vendors.groups(PageRequest.of(0, Choices.MAX, Sort.by("id"))).getContent());
        model.addAttribute("agents", vendors.agents(PageRequest.of(0, Choices.MAX, Sort.by("id"))).getContent());
        return "vendors/groups";
    }
}
