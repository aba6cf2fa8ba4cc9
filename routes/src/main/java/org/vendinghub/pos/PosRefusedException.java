package org.vendinghub.pos;

import org.springframework.http.HttpStatus;

/**
 * A POS request refused for a reason the terminal can act on: the HTTP status says how (401 sign in again, 403 not
 * allowed, 404 not found, 409 not in this state, 422 refused by the rules) and {@code code} says exactly why.
 */
public class PosRefusedException extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    PosRefusedException(HttpStatus status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static PosRefusedException unauthorized(String code, String message) {
        return new PosRefusedException(HttpStatus.UNAUTHORIZED, code, message);
    }

    static PosRefusedException forbidden(String code, String message) {
        return new PosRefusedException(HttpStatus.FORBIDDEN, code, message);
    }

    static PosRefusedException notFound(String code, String message) {
        return new PosRefusedException(HttpStatus.NOT_FOUND, code, message);
    }

    static PosRefusedException conflict(String code, String message) {
        return new PosRefusedException(HttpStatus.CONFLICT, code, message);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
