package org.vendinghub.vend;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.vendinghub.audit.AuditLog;
import org.vendinghub.domain.VendId;
import org.vendinghub.ledger.IdempotencyService;
import org.vendinghub.ledger.NotFoundException;
import org.vendinghub.ledger.debt.DebtService;
import org.vendinghub.ledger.debt.DebtView;
import org.vendinghub.ledger.meter.MeterService;
import org.vendinghub.ledger.meter.MeterStatus;
import org.vendinghub.ledger.meter.MeterView;
import org.vendinghub.ledger.pricing.PriceCalculator;
import org.vendinghub.ledger.pricing.PriceInput;
import org.vendinghub.ledger.pricing.PricingService;
import org.vendinghub.ledger.pricing.PurchaseRefusedException;
import org.vendinghub.ledger.sale.VendMoneyService;
import org.vendinghub.ledger.tariff.TariffFee;
import org.vendinghub.sts.CreditTokenRequest;
import org.vendinghub.sts.ManagementTokenRequest;
import org.vendinghub.sts.TokenRequest;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * What cashiers and operators do around a vend: check a meter before taking money, reprint, reverse within the
 * window, and issue engineering tokens. Every operator action that changes something is audited.
 */
@Service
public class VendOperations {

    private final VendStore store;
    private final MeterService meters;
    private final VendCheckFacts checkFacts;
    private final DebtService debts;
    private final PricingService pricing;
    private final VendMoneyService money;
    private final TokenIssuer tokens;
    private final IdempotencyService idempotency;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final TransactionTemplate readOnly;
    private final VendProperties properties;
    private final Clock clock;

    VendOperations(VendStore store, MeterService meters, VendCheckFacts checkFacts, DebtService debts, PricingService pricing,
                   VendMoneyService money, TokenIssuer tokens, IdempotencyService idempotency, AuditLog audit,
                   TransactionTemplate tx, VendProperties properties, Clock clock) {
        this.store = store;
        this.meters = meters;
        this.checkFacts = checkFacts;
        this.debts = debts;
        this.pricing = pricing;
        this.money = money;
        this.tokens = tokens;
        this.idempotency = idempotency;
        this.audit = audit;
        this.tx = tx;
        this.readOnly = new TransactionTemplate(tx.getTransactionManager());
        this.readOnly.setReadOnly(true);
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The vend check: never throws for a meter that exists but cannot vend; it says why instead. One read-only
     * transaction, and the meter priced by the same batch reads the vend's reserve step uses: a cashier asks before
     * every sale, and with a transaction per service call and JPA reads it cost five times the CPU of the vend itself.
     */
    public VendCheck check(String meterNumber) {
        return readOnly.execute(s -> checkInTransaction(meterNumber));
    }

    private VendCheck checkInTransaction(String meterNumber) {
        MeterView meter = meters.byNumber(meterNumber); // NotFoundException: unknown meter
        VendCheckFacts.Facts facts = checkFacts.of(meter);
        String[] refusal = refusal(meter);
        PriceInput input = null;
        if (refusal == null) {
            try {
                input = pricing.inputsFor(List.of(meter), clock.instant()).of(meter);
            } catch (NotFoundException noPrices) {
                refusal = new String[] {noPrices.code().name(), noPrices.getMessage()};
            }
        }
        List<DebtView> open = meter.customerId() == null ? List.of() : debts.debtsOfCustomer(meter.customerId()).stream()
                .filter(d -> d.outstandingMinor() > 0).toList();
        return new VendCheck(meter.meterNumber(), refusal == null, refusal == null ? null : refusal[0], refusal == null ? null : refusal[1],
                facts.customerName(), facts.customerAddress(), facts.accountNumber(), facts.utilityName(), facts.currency(),
                input == null ? 1 : minimumPurchase(input), properties.maxAmountMinor(),
                input == null ? 0 : input.feesDue().stream().mapToLong(TariffFee::amountMinor).sum(),
                open.stream().mapToLong(DebtView::outstandingMinor).sum(),
                open.stream().mapToInt(DebtView::recoveryBp).max().orElse(0), facts.keyChangeDue(), facts.tariffName(), meter.sts());
    }

    private static String[] refusal(MeterView meter) {
        if (meter.status() != MeterStatus.ACTIVE) {
            return new String[] {"BLOCKED_METER", "meter " + meter.meterNumber() + " is blocked"
                    + (meter.blockedReason() == null ? "" : ": " + meter.blockedReason())};
        }
        if (meter.tariffId() == null) {
            return new String[] {"NO_TARIFF", "meter " + meter.meterNumber() + " has no tariff"};
        }
        return null;
    }

    /** The pricing rule itself says what the smallest purchase is now (fees due and one unit). */
    private static long minimumPurchase(PriceInput input) {
        try {
            PriceCalculator.forAmount(input, 1);
            return 1;
        } catch (PurchaseRefusedException e) {
            return e.minimumMinor();
        }
    }

    /** The meter's recent vends with their tokens, newest first, for a reprint. The reprint itself is audited. */
    public List<VendView> recentVends(String meterNumber, int limit, String actor) {
        List<VendView> vends = store.recentVendsOfMeter(meters.byNumber(meterNumber).meterNumber(), Math.min(Math.max(limit, 1), 50));
        audit.record(actor, "TOKENS_REPRINTED", "meter " + meterNumber, vends.size() + " recent vends shown");
        return vends;
    }

    /**
     * Takes back an issued credit vend within the window and before its token was confirmed delivered: the money goes
     * back by compensating transfers and the vend is REVERSED. Outside the rules it is refused with the reason.
     */
    public VendView reverse(VendId id, String reason, String actor) {
        VendView done = tx.execute(s -> {
            VendView vend = store.find(id).orElseThrow(() -> NotFoundException.of("vend", id));
            refuseReversalOutsideRules(vend, reason);
            money.reverse(id, vend.meterId(), vend.breakdown(), vend.issuedAt());
            store.markReversed(id, reason);
            audit.record(actor, "VEND_REVERSED", "vend " + id, "meter " + vend.meterNumber() + ", " + vend.amountMinor() + " "
                    + vend.currency() + " minor: " + reason);
            return store.find(id).orElseThrow();
        });
        return done;
    }

    private void refuseReversalOutsideRules(VendView vend, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 200) {
            throw new VendRejectedException("REASON_REQUIRED", "a reversal needs a reason of 1 to 200 characters");
        }
        if (!"CREDIT".equals(vend.purpose())) {
            throw new VendRejectedException("NOT_REVERSIBLE", "only credit vends can be reversed; engineering tokens move no money");
        }
        switch (vend.status()) {
            case REVERSED -> throw new VendRejectedException("ALREADY_REVERSED", "vend " + vend.id() + " was already reversed");
            case DELIVERED -> throw new VendRejectedException("ALREADY_DELIVERED", "the token of vend " + vend.id()
                    + " was delivered to the customer; it can no longer be reversed");
            case ISSUED -> { }
            default -> throw new VendRejectedException("NOT_ISSUED", "vend " + vend.id() + " is " + vend.status()
                    + ": only an issued vend can be reversed");
        }
        Instant deadline = vend.issuedAt().plus(properties.reversalWindow());
        if (clock.instant().isAfter(deadline)) {
            throw new VendRejectedException("REVERSAL_WINDOW_PASSED", "vend " + vend.id() + " was issued at " + vend.issuedAt()
                    + "; reversals are allowed for " + properties.reversalWindow().toMinutes() + " minutes");
        }
    }

    /** Engineering and free tokens: no money, TIDs from the meter like any token, audited. Replays return the first answer. */
    public VendService.Outcome engineering(EngineeringRequest request) {
        VendId id = VendIds.next(clock);
        String hash = IdempotencyService.sha256Hex(request.canonical());
        return tx.execute(s -> {
            IdempotencyService.Claim claim = idempotency.claim(request.channelRef(), hash, id.toString());
            if (claim.replay()) {
                return new VendService.Outcome(store.find(VendId.parse(claim.resultRef())).orElseThrow(), false);
            }
            MeterView meter = meters.byNumber(request.meterNumber());
            store.insertEngineering(id, request, hash);
            List<VendToken> issued = issueEngineering(meter, request);
            Long units = request.type() == EngineeringRequest.Type.FREE_UNITS ? issued.get(issued.size() - 1).value() : null;
            store.markIssued(id, meter.id(), units, issued);
            audit.record(request.operator(), "ENGINEERING_TOKEN", "meter " + meter.meterNumber(), request.type() + " "
                    + request.value() + ": " + request.reason());
            return new VendService.Outcome(store.find(id).orElseThrow(), true);
        });
    }

    private List<VendToken> issueEngineering(MeterView meter, EngineeringRequest request) {
        if (request.type() == EngineeringRequest.Type.KEY_CHANGE) {
            List<VendToken> kct = tokens.keyChangeTokens(meter);
            if (kct.isEmpty()) {
                throw new VendRejectedException("NO_KEY_CHANGE_DUE", "meter " + meter.meterNumber()
                        + " has no key change due: change its supply group, tariff index or key revision first");
            }
            return kct;
        }
        return tokens.engineering(meter, List.of(factory(request)), clock.instant());
    }

    private static TokenIssuer.TokenRequestFactory factory(EngineeringRequest r) {
        return new TokenIssuer.TokenRequestFactory() {
            @Override
            public TokenRequest request(long tid) {
                return switch (r.type()) {
                    case CLEAR_CREDIT -> ManagementTokenRequest.of(ManagementTokenRequest.CLEAR_CREDIT, r.value(), tid);
                    case CLEAR_TAMPER -> ManagementTokenRequest.of(ManagementTokenRequest.CLEAR_TAMPER_CONDITION, 0, tid);
                    case MAX_POWER_LIMIT -> ManagementTokenRequest.of(ManagementTokenRequest.SET_MAXIMUM_POWER_LIMIT, r.value(), tid);
                    case FREE_UNITS -> CreditTokenRequest.units(0, r.value(), tid);
                    case KEY_CHANGE -> throw new IllegalStateException("key change tokens have no TID");
                };
            }

            @Override
            public String description() {
                return switch (r.type()) {
                    case CLEAR_CREDIT -> r.value() == 0xFFFF ? "Clear all credit" : "Clear credit register " + r.value();
                    case CLEAR_TAMPER -> "Clear tamper";
                    case MAX_POWER_LIMIT -> "Maximum power " + r.value() + " W";
                    case FREE_UNITS -> "Free units " + TokenIssuer.tenths(r.value()) + " kWh";
                    case KEY_CHANGE -> "Key change";
                };
            }
        };
    }
}
