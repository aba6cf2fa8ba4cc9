package org.vendinghub.admin;

import org.vendinghub.api.MoneyInput;
import org.vendinghub.domain.Money;
import org.vendinghub.domain.ValidationException;

/**
 * Money in requests: its currency must be the one of the account it lands in (the ledger never converts), and its sign
 * is checked here so that the error names the JSON path ({@code amount.amountMinor}) rather than the ledger's
 * parameter name.
 */
final class Amounts {

    private Amounts() {
    }

    static long positive(MoneyInput amount, String currency, String field) {
        long minor = in(amount, currency, field);
        ValidationException.require(minor > 0, field + ".amountMinor", "amount must be positive");
        return minor;
    }

    static long notNegative(MoneyInput amount, String currency, String field) {
        long minor = in(amount, currency, field);
        ValidationException.require(minor >= 0, field + ".amountMinor", "amount must not be negative");
        return minor;
    }

    static long nonZero(MoneyInput amount, String currency, String field) {
        long minor = in(amount, currency, field);
        ValidationException.require(minor != 0, field + ".amountMinor", "amount must not be zero");
        return minor;
    }

    static Long positiveOrNull(MoneyInput amount, String currency, String field) {
        return amount == null ? null : positive(amount, currency, field);
    }

    private static long in(MoneyInput amount, String currency, String field) {
        ValidationException.require(currency.equals(amount.currency()), field + ".currency",
                "currency must be " + currency + ", the currency of this account");
        return amount.amountMinor();
    }

    static Money money(Long amountMinor, String currency) {
        return amountMinor == null ? null : Money.of(amountMinor, currency);
    }
}
