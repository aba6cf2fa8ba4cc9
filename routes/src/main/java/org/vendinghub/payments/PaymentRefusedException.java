package org.vendinghub.payments;

/** A payment the hub will not start: the meter cannot vend or the amount is out of bounds. HTTP 422 with the code. */
public class PaymentRefusedException extends RuntimeException {

    private final String code;

    public PaymentRefusedException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
