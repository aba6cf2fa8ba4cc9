package org.vendinghub.console;

import org.vendinghub.domain.ValidationException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The errors of one submitted form, by field name, shown next to their fields. An error about a field the form
 * does not show goes under {@link #FORM}, shown above the form.
 */
public final class FormErrors {

    static final String FORM = "form";

    private final Map<String, String> byField = new LinkedHashMap<>();

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String get(String field) {
        return byField.get(field);
    }

    public boolean any() {
        return !byField.isEmpty();
    }

    public Map<String, String> all() {
        return Map.copyOf(byField);
    }

    void add(String field, String message) {
        byField.putIfAbsent(field, message);
    }

    /** Puts the service's complaint on the field it names when the form shows that field, else above the form. */
    void add(ValidationException e, Set<String> formFields) {
        add(formFields.contains(e.field()) ? e.field() : FORM, formFields.contains(e.field()) ? e.getMessage() : e.field() + " " + e.getMessage());
    }

    void form(String message) {
        add(FORM, message);
    }
}
