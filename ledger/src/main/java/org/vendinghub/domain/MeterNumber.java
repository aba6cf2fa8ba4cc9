package org.vendinghub.domain;

/**
 * An STS meter number (decoder reference number, DRN): 11 or 13 digits whose last digit is a Luhn check
 * digit over the others. The full PAN adds the IIN in front (600727 for 11 digits, 0000 for 13).
 */
public record MeterNumber(String value) {

    public static final String REQUIRED = "meter number is required";
    public static final String WRONG_LENGTH = "meter number must be 11 or 13 digits";
    public static final String WRONG_CHECK_DIGIT = "meter number check digit is wrong";

    public MeterNumber {
        ValidationException.require(value != null && !value.isBlank(), "meterNumber", REQUIRED);
        ValidationException.require(value.matches("\\d{11}|\\d{13}"), "meterNumber", WRONG_LENGTH);
        ValidationException.require(luhnCheckDigit(value.substring(0, value.length() - 1)) == value.charAt(value.length() - 1) - '0',
                "meterNumber", WRONG_CHECK_DIGIT);
    }

    /** The Luhn digit that makes {@code payload + digit} valid: double every second digit from the right. */
    public static int luhnCheckDigit(String payload) {
        int sum = 0;
        for (int i = 0; i < payload.length(); i++) {
            int digit = payload.charAt(payload.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return (10 - sum % 10) % 10;
    }

    /** The IIN that goes with this length of meter number in the 18-digit PAN. */
    public String defaultIin() {
        return value.length() == 11 ? "600727" : "0000";
    }

    @Override
    public String toString() {
        return value;
    }
}
