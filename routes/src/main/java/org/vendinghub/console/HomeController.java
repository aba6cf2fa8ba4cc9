package org.vendinghub.console;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.Set;

/**
 * The console's start page. Users who may see sales start on the dashboard; everyone else on a page of what they may
 * do. Every signed-in user may open it.
 */
@Controller("consoleHomeController")
class HomeController {

    private static final Set<String> DASHBOARD_AUTHORITIES = Set.of("VIEW_REPORTS", "VIEW_VENDS");

    @GetMapping("/")
    String root() {
        return "redirect:/console";
    }

    @GetMapping("/console")
    String home(Authentication user) {
        boolean seesSales = user.getAuthorities().stream().anyMatch(a -> DASHBOARD_AUTHORITIES.contains(a.getAuthority()));
        return seesSales ? "redirect:/console/dashboard" : "home";
    }
}
