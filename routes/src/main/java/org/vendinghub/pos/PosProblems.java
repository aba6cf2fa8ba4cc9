package org.vendinghub.pos;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.vendinghub.vend.VendRejectedException;

import java.net.URI;
import java.util.List;

/**
 * RFC 7807 problems of the POS APIs, in the shape of {@link org.vendinghub.api.ApiProblemHandler} (which answers
 * everything not handled here: bad JSON, validation, not found, conflicts). A terminal without a signed-in cashier
 * gets 401 OPERATOR_LOGIN_REQUIRED, not the hub users' "your groups lack the permission".
 */
@RestControllerAdvice(basePackageClasses = PosProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PosProblems {

    @ExceptionHandler(PosRefusedException.class)
    ResponseEntity<ProblemDetail> refused(PosRefusedException e, HttpServletRequest request) {
        return answer(of(e.status(), e.code(), e.getMessage(), request.getRequestURI()));
    }

    @ExceptionHandler(VendRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(VendRejectedException e, HttpServletRequest request) {
        return answer(of(HttpStatus.UNPROCESSABLE_ENTITY, e.code(), e.getMessage(), request.getRequestURI()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e, HttpServletRequest request) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof PosCaller) {
            return answer(of(HttpStatus.UNAUTHORIZED, "OPERATOR_LOGIN_REQUIRED", "a cashier must sign in on this terminal first "
                    + "(POST /api/pos/v1/sessions) and send the session token in " + PosCaller.SESSION_HEADER, request.getRequestURI()));
        }
        return answer(of(HttpStatus.FORBIDDEN, null, "your groups do not grant the permission this request needs", request.getRequestURI()));
    }

    /** A problem body like the rest of the hub's: type, title, status, detail, instance, code, errors. */
    static ProblemDetail of(HttpStatus status, String code, String detail, String instance) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create("urn:vendinghub:problem:" + switch (status) {
            case UNAUTHORIZED -> "unauthorized";
            case FORBIDDEN -> "forbidden";
            case NOT_FOUND -> "not-found";
            case CONFLICT -> "conflict";
            case UNPROCESSABLE_ENTITY -> "refused";
            default -> "http-" + status.value();
        }));
        body.setTitle(status.getReasonPhrase());
        body.setInstance(URI.create(instance));
        body.setProperty("code", code);
        body.setProperty("errors", List.of());
        return body;
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemDetail body) {
        return ResponseEntity.status(body.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
