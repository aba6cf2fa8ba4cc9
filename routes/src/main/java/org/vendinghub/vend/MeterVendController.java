package org.vendinghub.vend;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vendinghub.domain.ChannelRef;
import org.vendinghub.domain.VendId;

import java.util.List;

/** Around a vend: check a meter, reprint its tokens, reverse a vend, issue engineering tokens. */
@RestController
@Tag(name = "Vends", description = "Sell tokens: vend by amount or units, follow a vend, replay safely")
class MeterVendController {

    private final VendService vends;

    MeterVendController(VendService vends) {
        this.vends = vends;
    }

    @GetMapping("/api/v1/meters/{meterNumber}/vend-check")
    @PreAuthorize("hasAnyAuthority('VEND', 'VIEW_VENDS')")
    @Operation(summary = "What a cashier confirms before taking money: customer, whether the meter can vend, limits, deductions")
    VendCheck check(@PathVariable String meterNumber) {
        return vends.check(meterNumber);
    }

    @GetMapping("/api/v1/meters/{meterNumber}/tokens")
    @PreAuthorize("hasAuthority('VIEW_VENDS')")
    @Operation(summary = "Reprint: the meter's recent vends with their tokens and receipts (audited)")
    List<VendResponse> tokens(@PathVariable String meterNumber, @RequestParam(defaultValue = "10") int limit, Authentication caller) {
        return vends.recentVends(meterNumber, limit, caller.getName()).stream().map(VendResponse::of).toList();
    }

    @PostMapping("/api/v1/vends/{id}/reversal")
    @PreAuthorize("hasAuthority('REVERSE_VENDS')")
    @Operation(summary = "Reverse an issued vend within the reversal window and before its token was delivered")
    VendResponse reverse(@PathVariable String id, @RequestBody ReversalRequest body, Authentication caller) {
        return VendResponse.of(vends.reverse(VendId.parse(id), body == null ? null : body.reason(), caller.getName()));
    }

    @PostMapping("/api/v1/meters/{meterNumber}/engineering-tokens")
    @PreAuthorize("hasAuthority('ISSUE_ENGINEERING_TOKENS')")
    @Operation(summary = "Engineering and free tokens: CLEAR_CREDIT, CLEAR_TAMPER, MAX_POWER_LIMIT (watts), FREE_UNITS (tenths), KEY_CHANGE")
    ResponseEntity<VendResponse> engineering(@PathVariable String meterNumber, @RequestBody EngineeringApiRequest body,
                                             Authentication caller) {
        EngineeringRequest request = new EngineeringRequest(
                new ChannelRef("ENGINEERING", caller.getName() + ":" + body.clientRef()), meterNumber, body.type(), body.value(),
                caller.getName(), body.reason());
        VendService.Outcome outcome = vends.engineering(request);
        return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK).body(VendResponse.of(outcome.vend()));
    }

    record ReversalRequest(String reason) {
    }

    record EngineeringApiRequest(String clientRef, EngineeringRequest.Type type, long value, String reason) {
    }
}
