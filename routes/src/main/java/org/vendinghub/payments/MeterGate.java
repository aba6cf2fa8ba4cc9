package org.vendinghub.payments;

import org.springframework.stereotype.Component;
import org.vendinghub.domain.MeterNumber;
import org.vendinghub.domain.ValidationException;
import org.vendinghub.ledger.NotFoundException;
import org.vendinghub.ledger.meter.MeterService;
import org.vendinghub.ledger.meter.MeterStatus;
import org.vendinghub.ledger.meter.MeterView;
import org.vendinghub.vend.VendProperties;

import java.util.Optional;

/** Before a customer pays: can this meter vend, and is the amount within bounds? Same reasons as the vend flow's. */
@Component
class MeterGate {

    private final MeterService meters;
    private final VendProperties vend;

    MeterGate(MeterService meters, VendProperties vend) {
        this.meters = meters;
        this.vend = vend;
    }

    /** Empty when the payment may go ahead; otherwise why not (UNKNOWN_METER, BLOCKED_METER, NO_TARIFF, BAD_AMOUNT). */
    Optional<PaymentRefusedException> refusal(String meterNumber, long amountMinor) {
        MeterView meter;
        try {
            meter = meters.byNumber(new MeterNumber(meterNumber == null ? "" : meterNumber.strip()).value());
        } catch (NotFoundException | ValidationException e) {
            return Optional.of(new PaymentRefusedException("UNKNOWN_METER", "meter " + meterNumber + " is not registered"));
        }
        if (meter.status() != MeterStatus.ACTIVE) {
            return Optional.of(new PaymentRefusedException("BLOCKED_METER", "meter " + meterNumber + " is blocked"));
        }
        if (meter.tariffId() == null) {
            return Optional.of(new PaymentRefusedException("NO_TARIFF", "meter " + meterNumber + " has no tariff"));
        }
        if (amountMinor <= 0 || amountMinor > vend.maxAmountMinor()) {
            return Optional.of(new PaymentRefusedException("BAD_AMOUNT", "the amount must be positive and at most "
                    + vend.maxAmountMinor() + " minor units"));
        }
        return Optional.empty();
    }

    /** The number to text the token to: the payer's, or (when the provider masked it) the meter's customer's. */
    Optional<MeterView> meter(String meterNumber) {
        try {
            return Optional.of(meters.byNumber(new MeterNumber(meterNumber).value()));
        } catch (NotFoundException | ValidationException e) {
            return Optional.empty();
        }
    }
}
