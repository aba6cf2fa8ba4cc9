package org.vendinghub.vend;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vendinghub.domain.ChannelRef;
import org.vendinghub.domain.VendId;
import org.vendinghub.ledger.NotFoundException;
import org.vendinghub.ledger.sale.Payer;

import java.net.URI;

/** The vend API for trusted channels and partners (HTTP Basic). The client reference is the idempotency key. */
@RestController
@RequestMapping("/api/v1/vends")
@Tag(name = "Vends", description = "Sell tokens: vend by amount or units, follow a vend, replay safely")
class VendController {

    /** Requests from this API are kept apart per API user: two partners may use the same reference. */
    static final String CHANNEL = "API";

    private final VendService vends;

    VendController(VendService vends) {
        this.vends = vends;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('VEND')")
    @Operation(summary = "Vend a token", description = "201 when this call issued the token, 200 when it replays an earlier "
            + "identical request, 202 while the vend is still on its way (ask again with the same clientRef), 409 when the "
            + "clientRef was used for a different request, 422 when the vend was refused (the body says why).")
    ResponseEntity<?> vend(@RequestBody VendApiRequest body, Authentication caller) {
        VendRequest request = body.toRequest(new ChannelRef(CHANNEL, scoped(caller, body.clientRef())), caller.getName());
        VendService.Outcome outcome = vends.vend(request);
        VendView vend = outcome.vend();
        if (vend.status() == VendStatus.VOIDED) {
            return ResponseEntity.unprocessableEntity().body(refusal(vend));
        }
        HttpStatus status = !vend.status().settled() ? HttpStatus.ACCEPTED : outcome.created() ? HttpStatus.CREATED : HttpStatus.OK;
        return ResponseEntity.status(status).location(URI.create("/api/v1/vends/" + vend.id())).body(VendResponse.of(vend));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('VIEW_VENDS')")
    @Operation(summary = "A vend with its status, tokens, price breakdown and receipt")
    VendResponse byId(@PathVariable String id) {
        return vends.find(VendId.parse(id)).map(VendResponse::of)
                .orElseThrow(() -> NotFoundException.of("vend", id));
    }

    @GetMapping
    @PreAuthorize("hasAuthority('VIEW_VENDS')")
    @Operation(summary = "Find your vend by the client reference you sent")
    VendResponse byClientRef(@RequestParam String clientRef, Authentication caller) {
        return vends.findByChannelRef(CHANNEL, scoped(caller, clientRef))
                .map(VendResponse::of)
                .orElseThrow(() -> NotFoundException.of("vend with clientRef", clientRef));
    }

    private static String scoped(Authentication caller, String clientRef) {
        if (clientRef == null || clientRef.isBlank() || clientRef.length() > 64) {
            throw new org.vendinghub.domain.ValidationException("clientRef", "clientRef must be 1 to 64 characters");
        }
        return caller.getName() + ":" + clientRef;
    }

    private static ProblemDetail refusal(VendView vend) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, vend.failureMessage());
        problem.setTitle("Vend refused");
        problem.setProperty("code", vend.failureCode());
        problem.setProperty("vendId", vend.id());
        problem.setProperty("status", VendStatus.VOIDED.name());
        return problem;
    }

    /** The request body of POST /api/v1/vends. Exactly one of {@code amount} and {@code unitsTenths}. */
    record VendApiRequest(String clientRef, String meterNumber, MoneyJson amount, Long unitsTenths, Deliver deliver) {

        VendRequest toRequest(ChannelRef ref, String operator) {
            return new VendRequest(ref, meterNumber, amount == null ? null : amount.toMoney(), unitsTenths, Payer.channel(CHANNEL),
                    operator, deliver == null ? null : deliver.sms(), deliver == null ? null : deliver.email(), null);
        }
    }

    record MoneyJson(long amountMinor, String currency) {
        org.vendinghub.domain.Money toMoney() {
            return org.vendinghub.domain.Money.of(amountMinor, currency);
        }
    }

    /** Where to send the token as well as answering this call. */
    record Deliver(String sms, String email) {
    }
}
