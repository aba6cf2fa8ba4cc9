package org.vendinghub.console;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.vendinghub.audit.AuditSearch;

import org.springframework.web.util.UriComponentsBuilder;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The audit log, searchable by user, action, text and day range (days in UTC, "to" inclusive). */
@Controller("consoleAuditController")
@PreAuthorize("hasAuthority('VIEW_AUDIT')")
class AuditController {

    static final int PAGE_SIZE = 50;

    record AuditForm(String actor, String action, String text, String from, String to) {
    }

    private final AuditSearch audit;

    AuditController(AuditSearch audit) {
        this.audit = audit;
    }

    @GetMapping("/console/audit")
    String search(AuditForm form, @RequestParam(defaultValue = "0") int page, Model model) {
        FormErrors errors = new FormErrors();
        Input input = new Input(errors);
        Instant from = input.day("from", form.from());
        Instant toDay = input.day("to", form.to());
        Instant to = toDay == null ? null : toDay.plus(1, ChronoUnit.DAYS);
        model.addAttribute("form", form);
        model.addAttribute("pageBase", UriComponentsBuilder.fromPath("/console/audit").queryParam("actor", nz(form.actor()))
                .queryParam("action", nz(form.action())).queryParam("text", nz(form.text())).queryParam("from", nz(form.from()))
                .queryParam("to", nz(form.to())).encode().build().toUriString() + "&");
        model.addAttribute("errors", errors);
        model.addAttribute("actions", audit.actions());
        if (!errors.any()) {
            model.addAttribute("events", audit.search(new AuditSearch.Query(form.actor(), form.action(), form.text(), from, to),
                    page, PAGE_SIZE));
        }
        return "audit";
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
