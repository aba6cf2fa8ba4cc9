package org.vendinghub.payments;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vendinghub.api.StrictJson;
import org.vendinghub.connectors.common.RejectedException;
import org.vendinghub.connectors.common.TransientException;

import java.net.URI;
import java.security.Principal;
import java.util.List;

/** The M-Pesa paybill's set-up with Safaricom: registering its C2B URLs, for integration engineers (MANAGE_ROUTES). */
@RestController
@RequestMapping("/api/v1/payments/mpesa/c2b")
@Tag(name = "Mobile money")
class PaybillController {

    @StrictJson
    @Schema(description = "What M-Pesa does with a paybill payment when the validation URL cannot be reached")
    record RegisterRequest(@Schema(allowableValues = {"Completed", "Cancelled"}, defaultValue = "Completed") String responseType) {
    }

    private final PaybillRegistration registration;

    PaybillController(PaybillRegistration registration) {
        this.registration = registration;
    }

    @PostMapping("/register-urls")
    @PreAuthorize("hasAuthority('MANAGE_ROUTES')")
    @Operation(summary = "Register the paybill's C2B confirmation and validation URLs with Daraja (permission MANAGE_ROUTES; audited)",
            description = "200 REGISTERED, or ALREADY_REGISTERED when Daraja says so (500.003.1001); 422 with code MPESA_NOT_CONFIGURED, "
                    + "CALLBACK_NOT_CONFIGURED or BAD_CALLBACK_URL when the hub's settings cannot work; 502 with Daraja's code "
                    + "when Daraja refuses or fails.")
    PaybillRegistration.Registered register(@RequestBody(required = false) RegisterRequest body, Principal user) {
        return registration.register(body == null ? null : body.responseType(), user.getName());
    }

    @ExceptionHandler(PaymentRefusedException.class)
    ResponseEntity<ProblemDetail> refused(PaymentRefusedException e, HttpServletRequest request) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "refused", e.getMessage(), e.code(), request);
    }

    @ExceptionHandler({RejectedException.class, TransientException.class})
    ResponseEntity<ProblemDetail> provider(RuntimeException e, HttpServletRequest request) {
        String code = e instanceof RejectedException r ? r.code() : ((TransientException) e).code();
        return problem(HttpStatus.BAD_GATEWAY, "provider", "Daraja did not register the URLs: " + e.getMessage(), code, request);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String detail, String code,
                                                         HttpServletRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create("urn:vendinghub:problem:" + type));
        body.setTitle(status.getReasonPhrase());
        body.setInstance(URI.create(request.getRequestURI()));
        body.setProperty("code", code);
        body.setProperty("errors", List.of());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
