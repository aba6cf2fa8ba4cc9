package org.vendinghub.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's start page: what the signed-in user may do. Every signed-in user may open it. */
@Controller("consoleHomeController")
class HomeController {

    @GetMapping("/")
    String root() {
        return "redirect:/console";
    }

    @GetMapping("/console")
    String home() {
        return "home";
    }
}
