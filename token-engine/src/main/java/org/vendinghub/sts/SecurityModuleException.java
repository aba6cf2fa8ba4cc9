package org.vendinghub.sts;

/** A security module could not do its work: unknown key, keystore unreadable, key does not decrypt. */
public class SecurityModuleException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SecurityModuleException(String message) {
        super(message);
    }

    public SecurityModuleException(String message, Throwable cause) {
        super(message, cause);
    }
}
