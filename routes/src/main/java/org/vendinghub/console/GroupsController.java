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
import org.vendinghub.security.Permission;
import org.vendinghub.security.UserAdministration;
import org.vendinghub.security.UserGroup;

import java.security.Principal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Groups and the permissions granted to them. Built-in groups are shown but keep their permissions. */
@Controller("consoleGroupsController")
@RequestMapping("/console/groups")
@PreAuthorize("hasAuthority('MANAGE_USERS')")
class GroupsController {

    private static final Set<String> FIELDS = Set.of("name", "description", "permissions");

    record GroupForm(String name, String description, List<String> permissions) {
        public boolean grants(Permission permission) {
            return permissions != null && permissions.contains(permission.name());
        }

        static GroupForm of(UserGroup group) {
            return new GroupForm(group.name(), group.description(), group.permissions().stream().map(Enum::name).toList());
        }
    }

    private final UserAdministration admin;

    GroupsController(UserAdministration admin) {
        this.admin = admin;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("groups", admin.groups());
        return "groups/list";
    }

    @GetMapping("/new")
    String newGroup(Model model) {
        return form(model, new GroupForm("", "", List.of()), null, new FormErrors());
    }

    @PostMapping
    String create(GroupForm form, Principal principal, Model model, RedirectAttributes flash) {
        FormErrors errors = new FormErrors();
        Set<Permission> permissions = permissions(form, errors);
        if (!errors.any()) {
            try {
                admin.createGroup(form.name(), form.description(), permissions, principal.getName());
                flash.addFlashAttribute("notice", "Group " + form.name().trim() + " created.");
                return "redirect:/console/groups";
            } catch (ValidationException e) {
                errors.add(e, FIELDS);
            }
        }
        return form(model, form, null, errors);
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        UserGroup group = admin.group(id);
        return form(model, GroupForm.of(group), group, new FormErrors());
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, GroupForm form, Principal principal, Model model, RedirectAttributes flash) {
        UserGroup group = admin.group(id);
        FormErrors errors = new FormErrors();
        Set<Permission> permissions = permissions(form, errors);
        if (!errors.any()) {
            try {
                admin.updateGroup(id, form.description(), permissions, principal.getName());
                flash.addFlashAttribute("notice", "Group " + group.name() + " saved.");
                return "redirect:/console/groups";
            } catch (ValidationException e) {
                errors.add(e, FIELDS);
            }
        }
        return form(model, new GroupForm(group.name(), form.description(), form.permissions()), group, errors);
    }

    private static Set<Permission> permissions(GroupForm form, FormErrors errors) {
        Set<Permission> granted = EnumSet.noneOf(Permission.class);
        for (String name : form.permissions() == null ? List.<String>of() : form.permissions()) {
            try {
                granted.add(Permission.valueOf(name));
            } catch (IllegalArgumentException e) {
                errors.add("permissions", "no permission " + name);
            }
        }
        return granted;
    }

    private String form(Model model, GroupForm form, UserGroup group, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("group", group);
        model.addAttribute("errors", errors);
        model.addAttribute("allPermissions", Permission.values());
        return "groups/form";
    }
}
