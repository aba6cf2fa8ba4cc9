package org.vendinghub.console;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.vendinghub.deadletters.BrokerUnavailableException;
import org.vendinghub.deadletters.DeadLetter;
import org.vendinghub.deadletters.DeadLetters;
import org.vendinghub.deadletters.ManagementRefusedException;
import org.vendinghub.domain.ValidationException;
import org.vendinghub.ledger.LedgerRejection;

import java.security.Principal;
import java.util.List;
import java.util.function.Supplier;

/** Dead letters: the DLQ.* queues, one queue's messages, and replay or discard (see {@link DeadLetters}). */
@Controller
@RequestMapping("/console/dead-letters")
@PreAuthorize("hasAnyAuthority('VIEW_ROUTES','MANAGE_ROUTES')")
class DeadLettersController {

    private static final String MANAGE = "hasAuthority('MANAGE_ROUTES')";

    private final DeadLetters deadLetters;

    DeadLettersController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    String list(@RequestParam(required = false) String queue, Model model) {
        FormErrors errors = model.containsAttribute("errors") ? (FormErrors) model.getAttribute("errors") : new FormErrors();
        model.addAttribute("errors", errors);
        model.addAttribute("queues", attempt(errors, deadLetters::queues, List.of()));
        if (queue != null && !queue.isBlank()) {
            model.addAttribute("queue", queue);
            model.addAttribute("letters", attempt(errors, () -> deadLetters.messages(queue), List.<DeadLetter>of()));
        }
        return "deadletters/list";
    }

    @PostMapping("/{queue}/{id}/replay")
    @PreAuthorize(MANAGE)
    String replay(@PathVariable String queue, @PathVariable long id, Principal user, Model model, RedirectAttributes flash) {
        return act(queue, model, flash, () -> {
            DeadLetter letter = deadLetters.replay(queue, id, user.getName());
            return "Message " + id + " sent back to " + letter.originalQueue() + ".";
        });
    }

    @PostMapping("/{queue}/replay-all")
    @PreAuthorize(MANAGE)
    String replayAll(@PathVariable String queue, Principal user, Model model, RedirectAttributes flash) {
        return act(queue, model, flash, () -> deadLetters.replayAll(queue, user.getName()) + " messages of " + queue + " sent back.");
    }

    @PostMapping("/{queue}/{id}/discard")
    @PreAuthorize(MANAGE)
    String discard(@PathVariable String queue, @PathVariable long id, @RequestParam(required = false) String reason,
                   Principal user, Model model, RedirectAttributes flash) {
        return act(queue, model, flash, () -> {
            deadLetters.discard(queue, id, reason, user.getName());
            return "Message " + id + " discarded.";
        });
    }

    /** Runs an operator's action; on success back to the queue with a notice, else the page again with the reason. */
    private String act(String queue, Model model, RedirectAttributes flash, Supplier<String> action) {
        try {
            flash.addFlashAttribute("notice", action.get());
        } catch (ValidationException | LedgerRejection | BrokerUnavailableException | ManagementRefusedException e) {
            FormErrors errors = new FormErrors();
            errors.form(e.getMessage());
            model.addAttribute("errors", errors);
            return list(queue, model);
        }
        return "redirect:" + UriComponentsBuilder.fromPath("/console/dead-letters").queryParam("queue", queue).encode().build().toUriString();
    }

    private static <T> T attempt(FormErrors errors, Supplier<T> read, T fallback) {
        try {
            return read.get();
        } catch (LedgerRejection | BrokerUnavailableException | ManagementRefusedException e) {
            errors.form(e.getMessage());
            return fallback;
        }
    }
}
