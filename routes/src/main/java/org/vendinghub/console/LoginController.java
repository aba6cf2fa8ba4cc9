package org.vendinghub.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.vendinghub.security.SignInRedirects;

/**
 * Our own sign-in page; Spring Security handles the POST to /login (fields username, password, _csrf, and next: the
 * console page to go back to, see {@link SignInRedirects}).
 */
@Controller("consoleLoginController")
class LoginController {

    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        model.addAttribute("problem", problem(request));
        model.addAttribute("loggedOut", request.getParameter("logout") != null);
        model.addAttribute("expired", request.getParameter("expired") != null);
        model.addAttribute("next", SignInRedirects.consolePath(request.getParameter("next")));
        return "login";
    }

    private static String problem(HttpServletRequest request) {
        if (request.getParameter("error") == null) {
            return null;
        }
        HttpSession session = request.getSession(false);
        Object last = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        if (last instanceof LockedException) {
            return "This account is locked after too many failed sign-ins. Try again later or ask an administrator.";
        }
        if (last instanceof DisabledException) {
            return "This account is disabled. Ask an administrator.";
        }
        return "Wrong user name or password.";
    }
}
