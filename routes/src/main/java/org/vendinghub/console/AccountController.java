package org.vendinghub.console;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.vendinghub.domain.ValidationException;
import org.vendinghub.security.PasswordPolicy;
import org.vendinghub.security.UserAdministration;

import java.security.Principal;
import java.util.Set;

/** Every signed-in user may change their own password (knowing the current one). */
@Controller("consoleAccountController")
@RequestMapping("/console/account")
class AccountController {

    record PasswordForm(String current, String password, String confirm) {
    }

    private final UserAdministration users;
    private final PasswordPolicy policy;

    AccountController(UserAdministration users, PasswordPolicy policy) {
        this.users = users;
        this.policy = policy;
    }

    @GetMapping("/password")
    String form(Model model) {
        return show(model, new FormErrors());
    }

    @PostMapping("/password")
    String change(PasswordForm form, Principal principal, Model model, RedirectAttributes flash) {
        FormErrors errors = new FormErrors();
        if (form.password() == null || !form.password().equals(form.confirm())) {
            errors.add("confirm", "does not match the new password");
            return show(model, errors);
        }
        try {
            users.changeOwnPassword(principal.getName(), form.current(), form.password());
        } catch (ValidationException e) {
            errors.add(e, Set.of("current", "password"));
            return show(model, errors);
        }
        flash.addFlashAttribute("notice", "Your password was changed.");
        return "redirect:/console";
    }

    private String show(Model model, FormErrors errors) {
        model.addAttribute("errors", errors);
        model.addAttribute("policy", policy.describe());
        return "account/password";
    }
}
