package org.vendinghub.domain;

/**
 * Input that breaks a rule. {@code field} names the offending input (as the REST layer names it) and
 * {@code message} says which rule was broken, in words an operator can act on. Maps to HTTP 400.
 */
public class ValidationException extends IllegalArgumentException {

    private final String field;

    public ValidationException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** Throws unless {@code condition} holds; keeps call sites to one line. */
    public static void require(boolean condition, String field, String message) {
        if (!condition) {
            throw new ValidationException(field, message);
        }
    }
}
