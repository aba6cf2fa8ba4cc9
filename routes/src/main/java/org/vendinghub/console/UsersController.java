package org.vendinghub.console;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.vendinghub.domain.ValidationException;
import org.vendinghub.ledger.vendor.VendorService;
import org.vendinghub.security.PasswordPolicy;
import org.vendinghub.security.UserAccount;
import org.vendinghub.security.UserAdministration;

import java.security.Principal;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Users: create, put in groups, confine to a vendor group, disable, reset password, unlock. */
@Controller("consoleUsersController")
@RequestMapping("/console/users")
@PreAuthorize("hasAuthority('MANAGE_USERS')")
class UsersController {

    private static final Set<String> FIELDS = Set.of("username", "displayName", "password", "groups", "vendorGroupId", "enabled");

    record UserForm(String username, String displayName, String password, List<String> groups, String vendorGroupId,
                    String enabled) {
        static UserForm blank() {
            return new UserForm("", "", "", List.of(), "", "on");
        }

        static UserForm of(UserAccount user) {
            return new UserForm(user.username(), user.displayName(), "",
                    user.groups().stream().map(g -> String.valueOf(g.id())).toList(),
                    user.vendorGroupId() == null ? "" : String.valueOf(user.vendorGroupId()), user.enabled() ? "on" : null);
        }

        public boolean inGroup(long groupId) {
            return groups != null && groups.contains(String.valueOf(groupId));
        }
    }

    private final UserAdministration admin;
    private final VendorService vendors;
    private final PasswordPolicy policy;
    private final Clock clock;

    UsersController(UserAdministration admin, VendorService vendors, PasswordPolicy policy, Clock clock) {
        this.admin = admin;
        this.vendors = vendors;
        this.policy = policy;
        this.clock = clock;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("users", admin.users());
        model.addAttribute("now", clock.instant());
        return "users/list";
    }

    @GetMapping("/new")
    String newUser(Model model) {
        return form(model, UserForm.blank(), null, new FormErrors());
    }

    @PostMapping
    String create(UserForm form, Principal principal, Model model, RedirectAttributes flash) {
        FormErrors errors = new FormErrors();
        UserAdministration.UserDetails details = details(form, errors);
        if (errors.any()) {
            return form(model, form, null, errors);
        }
        try {
            UserAccount user = admin.createUser(details, form.password(), principal.getName());
            flash.addFlashAttribute("notice", "User " + user.username() + " created.");
            return "redirect:/console/users";
        } catch (ValidationException e) {
            errors.add(e, FIELDS);
            return form(model, form, null, errors);
        }
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        UserAccount user = admin.user(id);
        return form(model, UserForm.of(user), user, new FormErrors());
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, UserForm form, Principal principal, Model model, RedirectAttributes flash) {
        UserAccount user = admin.user(id);
        FormErrors errors = new FormErrors();
        UserAdministration.UserDetails details = details(form, errors);
        if (errors.any()) {
            return form(model, form, user, errors);
        }
        try {
            admin.updateUser(id, details, principal.getName());
        } catch (ValidationException e) {
            errors.add(e, FIELDS);
            return form(model, form, user, errors);
        }
        flash.addFlashAttribute("notice", "User " + user.username() + " saved.");
        return "redirect:/console/users";
    }

    @PostMapping("/{id}/password")
    String resetPassword(@PathVariable long id, UserForm form, Principal principal, Model model, RedirectAttributes flash) {
        UserAccount user = admin.user(id);
        try {
            admin.resetPassword(id, form.password(), principal.getName());
        } catch (ValidationException e) {
            FormErrors errors = new FormErrors();
            errors.add("newPassword", e.getMessage());
            return form(model, UserForm.of(user), user, errors);
        }
        flash.addFlashAttribute("notice", "Password of " + user.username() + " reset.");
        return "redirect:/console/users/" + id;
    }

    @PostMapping("/{id}/unlock")
    String unlock(@PathVariable long id, Principal principal, RedirectAttributes flash) {
        admin.unlock(id, principal.getName());
        flash.addFlashAttribute("notice", "Account unlocked.");
        return "redirect:/console/users/" + id;
    }

    private static UserAdministration.UserDetails details(UserForm form, FormErrors errors) {
        Input input = new Input(errors);
        Set<Long> groupIds = new LinkedHashSet<>();
        for (String g : form.groups() == null ? List.<String>of() : form.groups()) {
            Long id = input.optionalLong("groups", g);
            if (id != null) {
                groupIds.add(id);
            }
        }
        Long vendorGroup = input.optionalLong("vendorGroupId", form.vendorGroupId());
        return new UserAdministration.UserDetails(form.username(), form.displayName(), form.enabled() != null, groupIds, vendorGroup);
    }

    private String form(Model model, UserForm form, UserAccount user, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("user", user);
        model.addAttribute("errors", errors);
        model.addAttribute("groups", admin.groups());
        model.addAttribute("vendorGroups", vendors.groups(PageRequest.of(0, 200, Sort.by("id"))).getContent());
        model.addAttribute("policy", policy.describe());
        model.addAttribute("now", clock.instant());
        return "users/form";
    }
}
