package org.vendinghub.console;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.vendinghub.audit.AuditLog;
import org.vendinghub.domain.ValidationException;
import org.vendinghub.ledger.vendor.AgentView;
import org.vendinghub.ledger.vendor.NewAgent;
import org.vendinghub.ledger.vendor.VendorService;

import java.security.Principal;

/** Vendor groups and agents (create; edit an agent), for users who see every vendor group. */
@Controller("consoleVendorGroupsController")
@PreAuthorize("hasAuthority('MANAGE_VENDORS')")
class VendorGroupsController {

    private final VendorService vendors;
    private final VendorScope scope;
    private final AuditLog audit;
    private final Formats fmt;

    VendorGroupsController(VendorService vendors, VendorScope scope, AuditLog audit, Formats fmt) {
        this.vendors = vendors;
        this.scope = scope;
        this.audit = audit;
        this.fmt = fmt;
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
                errors.add(agentField(e), e.getMessage());
            }
        }
        return page(model, errors, "", name, phone, commission);
    }

    @GetMapping("/console/agents/{id}")
    String agent(@PathVariable long id, Principal principal, Model model) {
        scope.requireUnscoped(principal);
        AgentView agent = vendors.agent(id);
        return agentForm(model, agent, agent.name(), agent.phone() == null ? "" : agent.phone(),
                fmt.percentInput(agent.commissionBp()), new FormErrors());
    }

    /** A new commission applies to later sales of the agent's vendors. */
    @PostMapping("/console/agents/{id}")
    String updateAgent(@PathVariable long id, @RequestParam(required = false) String name, @RequestParam(required = false) String phone,
                       @RequestParam(required = false) String commission, Principal principal, Model model, RedirectAttributes flash) {
        scope.requireUnscoped(principal);
        AgentView before = vendors.agent(id);
        FormErrors errors = new FormErrors();
        int commissionBp = new Input(errors).percentBp("agentCommission", commission);
        if (!errors.any()) {
            try {
                AgentView after = vendors.updateAgent(id, new NewAgent(name, Input.optional(phone), commissionBp));
                audit.record(principal.getName(), "AGENT_UPDATED", "agent:" + id, before.name() + ", " + before.phone() + ", "
                        + before.commissionBp() + " bp -> " + after.name() + ", " + after.phone() + ", " + after.commissionBp() + " bp");
                flash.addFlashAttribute("notice", "Agent " + after.name() + " saved.");
                return "redirect:/console/vendor-groups";
            } catch (ValidationException e) {
                errors.add(agentField(e), e.getMessage());
            }
        }
        return agentForm(model, before, name, phone, commission, errors);
    }

    private static String agentField(ValidationException e) {
        return "phone".equals(e.field()) ? "agentPhone" : "commissionBp".equals(e.field()) ? "agentCommission" : "agentName";
    }

    private String agentForm(Model model, AgentView agent, String name, String phone, String commission, FormErrors errors) {
        model.addAttribute("agent", agent);
        model.addAttribute("errors", errors);
        model.addAttribute("agentName", name);
        model.addAttribute("agentPhone", phone);
        model.addAttribute("agentCommission", commission);
        return "vendors/agent";
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
