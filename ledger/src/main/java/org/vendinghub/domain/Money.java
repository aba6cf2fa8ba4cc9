package org.vendinghub.domain;

/**
 * An amount of money in the currency's smallest unit (cents), with its ISO-4217 code.
 * Never a double: every sum in the hub is exact.
 */
public record Money(long amountMinor, String currency) {

    public Money {
        ValidationException.require(currency != null && currency.matches("[A-Z]{3}"), "currency",
                "currency must be an ISO-4217 code of three capital letters");
    }

    public static Money of(long amountMinor, String currency) {
        return new Money(amountMinor, currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(amountMinor, other.amountMinor), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(amountMinor, other.amountMinor), currency);
    }

    /** Decimals of the currency's major unit (KES 2, UGX 0); 2 for a code the JDK does not know, as the hub assumes cents. */
    public static int fractionDigits(String currency) {
        try {
            return Math.max(0, java.util.Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException e) {
            return 2;
        }
    }

    public boolean isPositive() {
        return amountMinor > 0;
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new ValidationException("currency", "cannot combine " + currency + " with " + other.currency);
        }
    }

    @Override
    public String toString() {
        return amountMinor + " " + currency + " minor";
    }
}
