package org.vendinghub.vend;

import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.vendinghub.domain.Money;
import org.vendinghub.domain.ValidationException;
import org.vendinghub.domain.VendId;
import org.vendinghub.ledger.ConflictException;
import org.vendinghub.ledger.InsufficientFundsException;
import org.vendinghub.ledger.NotFoundException;
import org.vendinghub.ledger.meter.MeterService;
import org.vendinghub.ledger.meter.MeterStatus;
import org.vendinghub.ledger.meter.MeterView;
import org.vendinghub.ledger.pricing.PriceBreakdown;
import org.vendinghub.ledger.pricing.PricingService;
import org.vendinghub.ledger.pricing.PurchaseRefusedException;
import org.vendinghub.ledger.sale.ReleaseOutcome;
import org.vendinghub.ledger.sale.VendMoneyService;

import java.time.Clock;
import java.time.Instant;

/**
 * The steps of one credit vend, called by the vend routes. Each step reads the vend's state first and does only what is
 * still to do, so a redelivered message (after a crash or a rollback) resumes the vend instead of repeating it.
 */
@Component
public class VendSteps {

    private static final Logger log = LoggerFactory.getLogger(VendSteps.class);

    private final VendStore store;
    private final MeterService meters;
    private final PricingService pricing;
    private final VendMoneyService money;
    private final TokenIssuer tokens;
    private final TransactionTemplate tx;
    private final VendProperties properties;
    private final Clock clock;

    VendSteps(VendStore store, MeterService meters, PricingService pricing, VendMoneyService money, TokenIssuer tokens,
              TransactionTemplate tx, VendProperties properties, Clock clock) {
        this.store = store;
        this.meters = meters;
        this.pricing = pricing;
        this.money = money;
        this.tokens = tokens;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
    }

    /** True while the vend still needs the saga (it was received or reserved but has no outcome yet). */
    public boolean unsettled(@Header(VendHeaders.VEND_ID) String vendId) {
        return !tx.execute(s -> store.status(VendId.parse(vendId))).settled();
    }

    /** Step 1 and 2: check the meter, price the purchase and reserve the money (a pending transfer). */
    public void reserve(@Header(VendHeaders.VEND_ID) String vendId) {
        VendId id = VendId.parse(vendId);
        tx.executeWithoutResult(s -> {
            if (store.status(id) != VendStatus.RECEIVED) {
                return; // reserved before a crash: carry on to the token
            }
            VendRequest request = store.request(id);
            MeterView meter = vendableMeter(request.meterNumber());
            PriceBreakdown price = price(meter, request, clock.instant());
            try {
                money.reserve(id, request.payer(), Money.of(price.tenderedMinor(), price.currency()),
                        properties.reservationTimeout().toSeconds());
            } catch (InsufficientFundsException e) {
                throw new VendRejectedException("INSUFFICIENT_FUNDS", e.getMessage());
            } catch (ValidationException e) {
                throw new VendRejectedException("INVALID_PAYER", e.getMessage());
            }
            store.markReserved(id, meter.id(), price);
        });
    }

    /** Step 3, the point of no return: TIDs, tokens, and the money posted, in one database transaction. */
    public void issue(@Header(VendHeaders.VEND_ID) String vendId) {
        VendId id = VendId.parse(vendId);
        tx.executeWithoutResult(s -> {
            if (store.status(id) != VendStatus.RESERVED) {
                return;
            }
            VendView vend = store.findWithoutTokens(id).orElseThrow();
            PriceBreakdown price = vend.breakdown();
            MeterView meter = meters.meter(vend.meterId());
            Instant now = clock.instant();
            var issued = tokens.creditWithDueKeyChanges(meter, price.unitsTenths(), now);
            try {
                money.commit(id, meter.id(), price, now);
            } catch (ConflictException e) {
                throw new VendRejectedException(e.code().name(), "the money could not be posted: " + e.getMessage());
            }
            store.markIssued(id, meter.id(), issued.creditedTenths(), issued.tokens());
        });
    }

    /** Compensation before the token exists: gives the reserved money back. Safe to run more than once. */
    public void compensate(@Header(VendHeaders.VEND_ID) String vendId) {
        VendId id = VendId.parse(vendId);
        ReleaseOutcome outcome;
        try {
            outcome = money.release(id);
        } catch (ConflictException alreadyPosted) {
            log.error("ALERT vend {} was asked to compensate after its money was posted; left as it is: {}", id, alreadyPosted.getMessage());
            return;
        }
        tx.executeWithoutResult(s -> store.markVoided(id, null, null)); // the reason comes from the error handler, or explain()
        log.info("vend {} compensated: {}", id, outcome);
    }

    /** Records the refusal the channel is told about. The money (if any was reserved) is released by compensation. */
    public void rejected(@Header(VendHeaders.VEND_ID) String vendId, VendRejectedException rejection) {
        tx.executeWithoutResult(s -> store.markVoided(VendId.parse(vendId), rejection.code(), rejection.getMessage()));
    }

    /** A vend that ended without a reason (a bug or a crash compensated it) is given the generic one. */
    public void explain(@Header(VendHeaders.VEND_ID) String vendId) {
        store.explainVoided(VendId.parse(vendId), "NOT_COMPLETED", "the vend could not be completed; no money was kept");
    }

    /** True when the failed vend's money was already taken by a provider, so a refund must be asked for. */
    public boolean refundDue(@Header(VendHeaders.VEND_ID) String vendId) {
        VendView vend = store.findWithoutTokens(VendId.parse(vendId)).orElseThrow();
        boolean due = vend.status() == VendStatus.VOIDED && properties.refundChannels().contains(vend.channel())
                && "NONE".equals(vend.refundStatus());
        if (due) {
            store.markRefund(VendId.parse(vendId), "REQUIRED");
        }
        return due;
    }

    /** True when the vend has its tokens and somebody asked for them by SMS or e-mail. */
    public boolean deliveryDue(@Header(VendHeaders.VEND_ID) String vendId) {
        VendView vend = store.findWithoutTokens(VendId.parse(vendId)).orElseThrow();
        return vend.status() == VendStatus.ISSUED && "PENDING".equals(vend.deliveryStatus());
    }

    private MeterView vendableMeter(String meterNumber) {
        MeterView meter;
        try {
            meter = meters.byNumber(meterNumber);
        } catch (NotFoundException e) {
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

    private PriceBreakdown price(MeterView meter, VendRequest request, Instant at) {
        try {
            if (request.amount() != null) {
                if (request.amount().amountMinor() > properties.maxAmountMinor()) {
                    throw new VendRejectedException("AMOUNT_TOO_LARGE", "the most one vend may be is " + properties.maxAmountMinor()
                            + " minor units");
                }
                PriceBreakdown price = pricing.quoteAmount(meter.id(), request.amount().amountMinor(), at);
                if (!price.currency().equals(request.amount().currency())) {
                    throw new VendRejectedException("WRONG_CURRENCY", "meter " + meter.meterNumber() + " is sold in " + price.currency()
                            + ", not " + request.amount().currency());
                }
                return price;
            }
            return pricing.quoteUnits(meter.id(), request.unitsTenths(), at);
        } catch (PurchaseRefusedException e) {
            throw new VendRejectedException("AMOUNT_TOO_SMALL", e.getMessage());
        } catch (NotFoundException | ValidationException e) {
            throw new VendRejectedException("CANNOT_PRICE", e.getMessage());
        }
    }
}
