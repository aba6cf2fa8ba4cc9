package org.vendinghub.console;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Turns what a user typed into numbers, collecting a message per field instead of throwing, so that one submit shows
 * every mistake at once. Amounts are typed in major units ("12.50") and kept in minor units (cents).
 */
final class Input {

    private final FormErrors errors;

    Input(FormErrors errors) {
        this.errors = errors;
    }

    String required(String field, String value, int maxLength) {
        String text = value == null ? "" : value.trim();
        if (text.isEmpty()) {
            errors.add(field, "is required");
        } else if (text.length() > maxLength) {
            errors.add(field, "at most " + maxLength + " characters");
        }
        return text;
    }

    static String optional(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    Long id(String field, String value) {
        Long parsed = optionalLong(field, value);
        if (parsed == null && !errors.has(field)) {
            errors.add(field, "choose one");
        }
        return parsed;
    }

    Long optionalLong(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            errors.add(field, "must be a whole number");
            return null;
        }
    }

    int integer(String field, String value, int min, int max) {
        Long parsed = optionalLong(field, value);
        if (parsed == null) {
            if (!errors.has(field)) {
                errors.add(field, "is required");
            }
            return min;
        }
        if (parsed < min || parsed > max) {
            errors.add(field, "must be between " + min + " and " + max);
            return min;
        }
        return parsed.intValue();
    }

    /** "12.50" -> 1250 minor units; at most two decimals. */
    long money(String field, String value, boolean positive) {
        BigDecimal amount = decimal(field, value, 2);
        if (amount == null) {
            return 0;
        }
        if (positive && amount.signum() <= 0) {
            errors.add(field, "must be more than zero");
        }
        return amount.movePointRight(2).longValueExact();
    }

    /** A percentage with up to two decimals ("15" or "2.5") -> basis points. */
    int percentBp(String field, String value) {
        BigDecimal percent = decimal(field, value, 2);
        if (percent == null) {
            return 0;
        }
        if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
            errors.add(field, "must be between 0 and 100");
            return 0;
        }
        return percent.movePointRight(2).intValueExact();
    }

    /** kWh with one decimal -> tenths. */
    long unitsTenths(String field, String value) {
        BigDecimal units = decimal(field, value, 1);
        if (units == null) {
            return 0;
        }
        if (units.signum() < 0) {
            errors.add(field, "must not be negative");
        }
        return units.movePointRight(1).longValueExact();
    }

    /** A rate per kWh in major units with up to 6 decimals -> minor units x 10^4. */
    long ratePerUnitMinorE4(String field, String value) {
        BigDecimal rate = decimal(field, value, 6);
        if (rate == null) {
            return 0;
        }
        if (rate.signum() < 0) {
            errors.add(field, "must not be negative");
        }
        return rate.movePointRight(6).longValueExact();
    }

    /** A calendar day, taken as the start of that day in UTC. */
    Instant day(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim()).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(field, "must be a date like 2026-01-31");
            return null;
        }
    }

    private BigDecimal decimal(String field, String value, int scaleMax) {
        if (value == null || value.isBlank()) {
            errors.add(field, "is required");
            return null;
        }
        try {
            BigDecimal parsed = new BigDecimal(value.trim().replace(",", ""));
            if (parsed.stripTrailingZeros().scale() > scaleMax) {
                errors.add(field, "at most " + scaleMax + " decimals");
                return null;
            }
            if (parsed.abs().compareTo(BigDecimal.valueOf(1_000_000_000_000L)) > 0) {
                errors.add(field, "is too large");
                return null;
            }
            return parsed.setScale(scaleMax, RoundingMode.UNNECESSARY);
        } catch (NumberFormatException | ArithmeticException e) {
            errors.add(field, "must be a number");
            return null;
        }
    }
}
