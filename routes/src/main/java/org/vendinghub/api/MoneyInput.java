package org.vendinghub.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import org.vendinghub.domain.Money;

/** An amount in a request: {@code {"amountMinor": 1050, "currency": "KES"}}, minor units (cents), never a fraction. */
@StrictJson
@Schema(description = "An amount of money in the currency's smallest unit", example = "{\"amountMinor\": 1050, \"currency\": \"KES\"}")
public record MoneyInput(
        @Schema(description = "amount in minor units (cents)", example = "1050") @NotNull(message = "amount is required") Long amountMinor,
        @Schema(description = "ISO-4217 code", example = "KES") @NotNull(message = "currency is required") String currency) {

    public Money toMoney() {
        return Money.of(amountMinor, currency);
    }
}
