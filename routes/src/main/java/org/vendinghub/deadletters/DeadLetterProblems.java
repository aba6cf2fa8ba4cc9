package org.vendinghub.deadletters;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;
import java.util.List;

/**
 * The broker's own answers, as problems: unreachable is 503 (ask again later), a refused management operation 409.
 * Everything else is answered by {@link org.vendinghub.api.ApiProblemHandler}.
 */
@RestControllerAdvice(basePackageClasses = DeadLetterProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DeadLetterProblems {

    @ExceptionHandler(BrokerUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(BrokerUnavailableException e, HttpServletRequest request) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "broker-unavailable", "BROKER_UNAVAILABLE", e.getMessage(), request);
    }

    @ExceptionHandler(ManagementRefusedException.class)
    ResponseEntity<ProblemDetail> refused(ManagementRefusedException e, HttpServletRequest request) {
        return problem(HttpStatus.CONFLICT, "broker-refused", "BROKER_REFUSED", e.getMessage(), request);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String code, String detail,
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
