package org.vendinghub.deadletters;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vendinghub.api.StrictJson;

import java.security.Principal;
import java.util.List;

/** Dead letters for operators (permission VIEW_ROUTES to look, MANAGE_ROUTES to replay or discard; both audited). */
@RestController
@RequestMapping("/api/v1/dead-letters")
@Tag(name = "Dead letters", description = "Messages the broker gave up on after 3 failed deliveries: list, replay, discard")
class DeadLetterController {

    static final String VIEW = "hasAnyAuthority('VIEW_ROUTES', 'MANAGE_ROUTES')";
    static final String MANAGE = "hasAuthority('MANAGE_ROUTES')";

    @StrictJson
    record DiscardRequest(String reason) {
    }

    record Replayed(String queue, int replayed) {
    }

    record Handled(String queue, DeadLetter message) {
    }

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    @PreAuthorize(VIEW)
    @Operation(summary = "The dead-letter queues (DLQ.<queue>) with the number of messages waiting in each")
    List<DeadLetterQueue> queues() {
        return deadLetters.queues();
    }

    @GetMapping("/{queue}/messages")
    @PreAuthorize(VIEW)
    @Operation(summary = "A dead-letter queue's messages, oldest first: ids, original queue, first and last failure, failed "
            + "deliveries, last error, the headers that name the vend and meter, a short masked body preview")
    List<DeadLetter> messages(@PathVariable String queue) {
        return deadLetters.messages(queue);
    }

    @PostMapping("/{queue}/messages/{id}/replay")
    @PreAuthorize(MANAGE)
    @Operation(summary = "Send one message back to the queue it came from, body and headers unchanged (audited)")
    Handled replay(@PathVariable String queue, @PathVariable long id, Principal user) {
        return new Handled(queue, deadLetters.replay(queue, id, user.getName()));
    }

    @PostMapping("/{queue}/replay")
    @PreAuthorize(MANAGE)
    @Operation(summary = "Send every message of the queue back to the queue it came from (audited)")
    Replayed replayAll(@PathVariable String queue, Principal user) {
        return new Replayed(queue, deadLetters.replayAll(queue, user.getName()));
    }

    @PostMapping("/{queue}/messages/{id}/discard")
    @PreAuthorize(MANAGE)
    @Operation(summary = "Remove one message for good; the reason is required and goes into the audit log")
    Handled discard(@PathVariable String queue, @PathVariable long id, @RequestBody DiscardRequest body, Principal user) {
        return new Handled(queue, deadLetters.discard(queue, id, body.reason(), user.getName()));
    }
}
