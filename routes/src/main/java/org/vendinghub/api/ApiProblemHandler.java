package org.vendinghub.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.vendinghub.domain.ValidationException;
import org.vendinghub.ledger.ConflictException;
import org.vendinghub.ledger.LedgerRejection;
import org.vendinghub.ledger.NotFoundException;

/**
 * Turns every failure of a {@code @RestController} into an RFC 7807 problem ({@code application/problem+json}):
 * {@code type, title, status, detail, instance}, plus {@code code} (the ledger's {@code ResultCode}, or null) and
 * {@code errors} (a list of {@code {field, message}}, empty when no field is to blame).
 *
 * <ul>
 *   <li>400: bad input of any kind, each naming the field: ledger {@link ValidationException}, bean validation,
 *       unreadable or ill-typed JSON (with the JSON path), ill-typed or missing parameters.</li>
 *   <li>403 permission missing, 404 not found, 405 method, 406 not acceptable, 409 conflict (ledger or a unique key),
 *       415 media type, 422 refused by the ledger (funds, purchase too small).</li>
 *   <li>500 only for bugs: a generic detail and an {@code errorId} that is also in the log. Input never gets here.</li>
 * </ul>
 * Details never repeat the values sent (a vending key must not come back in an error).
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(ApiProblemHandler.ORDER)
public class ApiProblemHandler {

    /**
     * Ahead of Spring Boot's own problem-details advice (order 0), behind narrower advices: an API that maps its own
     * exceptions (e.g. {@code @RestControllerAdvice(basePackageClasses = ...)}) gives its advice
     * {@code @Order(Ordered.HIGHEST_PRECEDENCE)}, so that it is asked first and this class answers everything else.
     */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

    /** One offending input: {@code field} is the JSON path or parameter name as the client sent it. */
    public record FieldProblem(String field, String message) {
    }

    private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);
    private static final String TYPE_PREFIX = "urn:vendinghub:problem:";

    @ExceptionHandler(ValidationException.class)
    ResponseEntity<ProblemDetail> validation(ValidationException e, HttpServletRequest request) {
        return invalid(request, List.of(new FieldProblem(e.field(), e.getMessage())));
    }

    @ExceptionHandler(LedgerRejection.class)
    ResponseEntity<ProblemDetail> rejection(LedgerRejection e, HttpServletRequest request) {
        if (e instanceof NotFoundException) {
            return problem(HttpStatus.NOT_FOUND, "not-found", e.getMessage(), e.code().name(), List.of(), request);
        }
        if (e instanceof ConflictException) {
            return problem(HttpStatus.CONFLICT, "conflict", e.getMessage(), e.code().name(), List.of(), request);
        }
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "refused", e.getMessage(), e.code().name(), List.of(), request);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e, HttpServletRequest request) {
        log.info("Refused {} {}: a database constraint was violated ({})", request.getMethod(), request.getRequestURI(),
                e.getMostSpecificCause().getClass().getSimpleName());
        return problem(HttpStatus.CONFLICT, "conflict", "the request conflicts with data already stored (a duplicate or a"
                + " reference to something that does not exist)", "ALREADY_EXISTS", List.of(), request);
    }

    /** {@code @Valid @RequestBody} ({@link org.springframework.web.bind.MethodArgumentNotValidException}) and {@code @ModelAttribute}. */
    @ExceptionHandler(BindException.class)
    ResponseEntity<ProblemDetail> bind(BindException e, HttpServletRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        e.getFieldErrors().forEach(f -> errors.add(new FieldProblem(f.getField(), fieldMessage(f))));
        e.getGlobalErrors().forEach(g -> errors.add(new FieldProblem(g.getObjectName(), g.getDefaultMessage())));
        return invalid(request, errors);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> methodValidation(HandlerMethodValidationException e, HttpServletRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> {
            String parameter = result.getMethodParameter().getParameterName();
            result.getResolvableErrors().forEach(error -> errors.add(new FieldProblem(
                    error instanceof FieldError f ? f.getField() : parameter, error.getDefaultMessage())));
        });
        return invalid(request, errors);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraints(ConstraintViolationException e, HttpServletRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            String path = v.getPropertyPath().toString();
            errors.add(new FieldProblem(path.substring(path.lastIndexOf('.') + 1), v.getMessage()));
        }
        return invalid(request, errors);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return invalid(request, List.of(unreadableBody(e)));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return invalid(request, List.of(new FieldProblem(e.getName(), "must be " + describe(e.getRequiredType()))));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
        return invalid(request, List.of(new FieldProblem(e.getParameterName(), "is required")));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        String sent = e.getContentType() == null ? "no Content-Type" : "Content-Type " + e.getContentType();
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", sent + " is not supported: send "
                + MediaType.APPLICATION_JSON_VALUE, null, List.of(), request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", e.getMethod() + " is not allowed here; allowed: "
                + String.join(", ", e.getSupportedMethods() == null ? new String[0] : e.getSupportedMethods()), null, List.of(), request);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "this resource answers in "
                + MediaType.APPLICATION_JSON_VALUE + " only", null, List.of(), request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e, HttpServletRequest request) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "your groups do not grant the permission this request needs",
                null, List.of(), request);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "there is nothing at " + request.getRequestURI(), null, List.of(), request);
    }

    /** Other Spring MVC exceptions know their status (ResponseStatusException, binding problems...); the rest are bugs. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        if (e instanceof ErrorResponse error && error.getStatusCode().is4xxClientError()) {
            HttpStatus status = HttpStatus.valueOf(error.getStatusCode().value());
            return problem(status, "http-" + status.value(), error.getBody().getDetail(), null, List.of(), request);
        }
        String errorId = UUID.randomUUID().toString();
        log.error("Error {} answering {} {}", errorId, request.getMethod(), request.getRequestURI(), e);
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "the hub failed to answer this request; quote error id " + errorId + " to support", null, List.of(), request);
        response.getBody().setProperty("errorId", errorId);
        return response;
    }

    private static ResponseEntity<ProblemDetail> invalid(HttpServletRequest request, List<FieldProblem> errors) {
        String detail = errors.stream().map(f -> f.field() == null ? f.message() : f.field() + ": " + f.message())
                .collect(Collectors.joining("; "));
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", detail, null, errors, request);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String detail, String code,
                                                         List<FieldProblem> errors, HttpServletRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create(TYPE_PREFIX + type));
        body.setTitle(status.getReasonPhrase());
        body.setInstance(URI.create(request.getRequestURI()));
        body.setProperty("code", code);
        body.setProperty("errors", errors);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    /** A bean-validation message, or for a value that could not be converted (query parameters) the type it must have. */
    private static String fieldMessage(FieldError f) {
        if (f.isBindingFailure()) {
            Class<?> type = f.contains(org.springframework.beans.TypeMismatchException.class)
                    ? f.unwrap(org.springframework.beans.TypeMismatchException.class).getRequiredType() : null;
            return "must be " + describe(type);
        }
        return f.getDefaultMessage();
    }

    private static FieldProblem unreadableBody(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        ValidationException rule = causeOf(e, ValidationException.class);
        JsonMappingException mapping = causeOf(e, JsonMappingException.class);
        String path = mapping == null ? null : path(mapping.getPath());
        if (rule != null) { // a domain record refused its value while Jackson built it
            String field = path == null || path.isEmpty() ? rule.field() : path.endsWith(rule.field()) ? path : path + "." + rule.field();
            return new FieldProblem(field, rule.getMessage());
        }
        if (cause instanceof JsonParseException parse) {
            return new FieldProblem(null, "the body is not valid JSON (line " + parse.getLocation().getLineNr() + ", column "
                    + parse.getLocation().getColumnNr() + ")");
        }
        if (mapping instanceof UnrecognizedPropertyException unknown) {
            return new FieldProblem(path, "is not a known property; known: " + String.join(", ", names(unknown.getKnownPropertyIds())));
        }
        if (mapping instanceof InvalidFormatException || mapping instanceof MismatchedInputException) {
            Class<?> target = ((MismatchedInputException) mapping).getTargetType();
            return new FieldProblem(path == null || path.isEmpty() ? null : path, path == null || path.isEmpty()
                    ? "the body must be " + describe(target) : "must be " + describe(target));
        }
        if (mapping != null && path != null && !path.isEmpty()) {
            return new FieldProblem(path, "has a value that cannot be used here");
        }
        if (e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")) {
            return new FieldProblem(null, "a JSON body is required");
        }
        return new FieldProblem(null, "the body cannot be read as JSON of the expected shape");
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getFieldName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static List<String> names(Collection<Object> ids) {
        return ids == null ? List.of() : ids.stream().map(String::valueOf).sorted().toList();
    }

    /** What a value must be, in words a client developer reads without knowing Java. */
    static String describe(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (type == long.class || type == Long.class || type == int.class || type == Integer.class
                || type == short.class || type == Short.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class || type == char[].class) {
            return "a string";
        }
        if (type == java.time.Instant.class) {
            return "an ISO-8601 instant such as 2026-01-31T22:00:00Z";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object";
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
