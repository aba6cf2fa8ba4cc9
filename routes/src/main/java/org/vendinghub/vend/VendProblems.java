package org.vendinghub.vend;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A refused vend operation is a 422 with the refusal's code, in the vend APIs. */
@RestControllerAdvice(basePackageClasses = VendProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class VendProblems {

    @ExceptionHandler(VendRejectedException.class)
    ProblemDetail rejected(VendRejectedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
        problem.setTitle("Refused");
        problem.setProperty("code", e.code());
        return problem;
    }
}
