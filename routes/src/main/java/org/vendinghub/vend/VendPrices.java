package org.vendinghub.vend;

import org.vendinghub.domain.ValidationException;
import org.vendinghub.ledger.NotFoundException;
import org.vendinghub.ledger.meter.MeterStatus;
import org.vendinghub.ledger.meter.MeterView;
import org.vendinghub.ledger.pricing.PriceBreakdown;
import org.vendinghub.ledger.pricing.PriceCalculator;
import org.vendinghub.ledger.pricing.PriceInput;
import org.vendinghub.ledger.pricing.PurchaseRefusedException;

import java.util.function.Supplier;

/** The refusals of a credit vend before money moves: a meter that cannot vend, a purchase that cannot be priced. */
final class VendPrices {

    private VendPrices() {
    }

    /** The meter, when it may vend; a refusal naming why not otherwise ({@code meter} null: not registered). */
    static MeterView vendable(String meterNumber, MeterView meter) {
        if (meter == null) {
            throw new VendRejectedException("UNKNOWN_METER", "meter " + meterNumber + " is not registered");
        }
        if (meter.status() != MeterStatus.ACTIVE) {
            throw new VendRejectedException("BLOCKED_METER", "meter " + meterNumber + " is blocked"
                    + (meter.blockedReason() == null ? "" : ": " + meter.blockedReason()));
        }
        if (meter.tariffId() == null) {
            throw new VendRejectedException("NO_TARIFF", "meter " + meterNumber + " has no tariff");
        }
        return meter;
    }

    /** The price of the request for the meter, from its price inputs; refusals carry the channel's code. */
    static PriceBreakdown price(MeterView meter, VendRequest request, Supplier<PriceInput> input, long maxAmountMinor) {
        try {
            if (request.amount() != null) {
                if (request.amount().amountMinor() > maxAmountMinor) {
                    throw new VendRejectedException("AMOUNT_TOO_LARGE", "the most one vend may be is " + maxAmountMinor + " minor units");
                }
                PriceBreakdown price = PriceCalculator.forAmount(input.get(), request.amount().amountMinor());
                if (!price.currency().equals(request.amount().currency())) {
                    throw new VendRejectedException("WRONG_CURRENCY", "meter " + meter.meterNumber() + " is sold in " + price.currency()
                            + ", not " + request.amount().currency());
                }
                return price;
            }
            return PriceCalculator.forUnits(input.get(), request.unitsTenths());
        } catch (PurchaseRefusedException e) {
            throw new VendRejectedException("AMOUNT_TOO_SMALL", e.getMessage());
        } catch (NotFoundException | ValidationException e) {
            throw new VendRejectedException("CANNOT_PRICE", e.getMessage());
        }
    }
}
