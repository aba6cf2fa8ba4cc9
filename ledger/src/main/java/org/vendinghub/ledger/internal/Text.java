package org.vendinghub.ledger.internal;

import org.vendinghub.domain.ValidationException;

/** Checks for free-text fields, with the messages the REST layer shows as they are. */
public final class Text {

    private Text() {
    }

    /** Required text of 1..max characters after trimming; returns the trimmed value. */
    public static String required(String value, String field, String label, int max) {
        ValidationException.require(value != null && !value.isBlank(), field, label + " is required");
        String trimmed = value.trim();
        ValidationException.require(trimmed.length() <= max, field, label + " must be at most " + max + " characters");
        return trimmed;
    }

    /** Optional text: null or blank becomes null. */
    public static String optional(String value, String field, String label, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return required(value, field, label, max);
    }

    public static String currency(String value) {
        ValidationException.require(value != null && value.matches("[A-Z]{3}"), "currency",
                "currency must be an ISO-4217 code of three capital letters");
        return value;
    }

    public static String phone(String value) {
        String phone = optional(value, "phone", "phone", 16);
        ValidationException.require(phone == null || phone.matches("\\+?[0-9]{7,15}"), "phone",
                "phone must be 7 to 15 digits, optionally after a +");
        return phone;
    }

    public static String email(String value) {
        String email = optional(value, "email", "e-mail", 254);
        ValidationException.require(email == null || email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"), "email",
                "e-mail must look like name@example.org");
        return email;
    }

    public static String user(String value, String field) {
        return required(value, field, field, 64);
    }
}
