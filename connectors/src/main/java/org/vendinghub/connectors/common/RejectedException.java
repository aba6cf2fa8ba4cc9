package org.vendinghub.connectors.common;

/**
 * A permanent refusal by the remote system or by our own configuration (invalid number, bad credentials,
 * insufficient provider balance, HTTP 4xx, SMTP 5xx): sending the same request again cannot succeed, so it
 * is never retried. {@code code} is stable and machine-readable ({@code SMS_403}, {@code SMS_HTTP_401},
 * {@code EMAIL_550}, {@code SMS_NOT_CONFIGURED}); the message says what happened in words a support person
 * can act on and never carries a secret.
 */
public class RejectedException extends RuntimeException {

    private final String code;

    public RejectedException(String code, String message) {
        this(code, message, null);
    }

    public RejectedException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
