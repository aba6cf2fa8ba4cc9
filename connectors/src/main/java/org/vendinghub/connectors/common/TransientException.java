package org.vendinghub.connectors.common;

/**
 * A remote fault worth retrying: a timeout, a refused or dropped connection, HTTP 5xx or 429, an SMTP 4xx reply.
 * The connector routes never retry; the calling route's error policy does (retry at exactly one layer).
 * {@code code} is a stable label for logs and metrics (e.g. {@code SMS_TIMEOUT}); the message says what
 * happened in words a support person can act on and never carries a secret.
 */
public class TransientException extends RuntimeException {

    private final String code;

    public TransientException(String code, String message) {
        this(code, message, null);
    }

    public TransientException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
