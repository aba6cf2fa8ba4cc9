package org.vendinghub.vend;

/** A vend refused for a business reason (unknown or blocked meter, no tariff, too small, no float). Never retried. */
public class VendRejectedException extends RuntimeException {

    private final String code;

    public VendRejectedException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
