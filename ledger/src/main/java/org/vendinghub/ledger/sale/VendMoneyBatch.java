package org.vendinghub.ledger.sale;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.vendinghub.domain.Money;
import org.vendinghub.domain.ValidationException;
import org.vendinghub.domain.VendId;
import org.vendinghub.ledger.AccountType;
import org.vendinghub.ledger.ConflictException;
import org.vendinghub.ledger.LedgerService;
import org.vendinghub.ledger.NewTransfer;
import org.vendinghub.ledger.PostPending;
import org.vendinghub.ledger.ResultCode;
import org.vendinghub.ledger.TransferCode;
import org.vendinghub.ledger.TransferUnit;
import org.vendinghub.ledger.TransferView;
import org.vendinghub.ledger.UnitResult;
import org.vendinghub.ledger.pricing.PriceBreakdown;
import org.vendinghub.ledger.pricing.PricingService;
import org.vendinghub.ledger.vendor.SaleCommission;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The money of many vends in the caller's transaction: {@link VendMoneyService}'s reserve and commit, for a batch,
 * with the same transfers (same ids, accounts and codes), so that release, reversal and the sweeper treat a vend alike
 * however it was booked. Each vend stands or falls alone: a refusal is its result, never the batch's.
 *
 * <p>Account ids are cached: an account, once opened, keeps its id for ever.
 */
@Service
public class VendMoneyBatch {

    private final LedgerService ledger;
    private final PricingService pricing;
    private final NamedParameterJdbcTemplate named;
    private final Map<String, Long> accountIds = new ConcurrentHashMap<>();
    private final Map<Long, String> ownerRefs = new ConcurrentHashMap<>();
    private final VendPostings.Accounts accounts = new CachedAccounts();

    public VendMoneyBatch(LedgerService ledger, PricingService pricing,
                          org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.ledger = ledger;
        this.pricing = pricing;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** One vend's reservation: the tendered amount from the payer until {@code timeoutSeconds}. */
    public record Reservation(VendId vendId, Payer payer, Money amount, long timeoutSeconds) {
    }

    /** One vend's sale to post, priced as {@code price} at {@code at}. */
    public record Sale(VendId vendId, long meterId, PriceBreakdown price, Instant at) {
    }

    /** A vend's result in a batch: done (or already done before), or refused with the reason. */
    public record Result(RuntimeException refusal) {

        static final Result OK = new Result(null);

        public boolean ok() {
            return refusal == null;
        }
    }

    /** Reserves each vend's money: pending transfers payer -> VEND_CLEARING, balance rules checked in order. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Result> reserveAll(List<Reservation> reservations) {
        Result[] results = new Result[reservations.size()];
        List<TransferUnit> units = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < reservations.size(); i++) {
            Reservation r = reservations.get(i);
            try {
                ValidationException.require(r.amount().isPositive(), "amountMinor", "amount must be positive");
                long payer = payerAccount(r.payer(), r.amount().currency());
                long clearing = accounts.system(AccountType.VEND_CLEARING, r.amount().currency());
                units.add(new TransferUnit(List.of(), List.of(NewTransfer.pending(VendTransferIds.reserve(r.vendId()),
                        payer, clearing, r.amount().amountMinor(), TransferCode.VEND_RESERVE, r.timeoutSeconds(), r.vendId().toString()))));
                positions.add(i);
            } catch (RuntimeException refused) {
                results[i] = new Result(refused);
            }
        }
        apply(units, positions, results);
        return List.of(results);
    }

    /**
     * Posts each vend's reservation and splits it as its breakdown says, with commissions and the month's units and
     * fees; must run in the transaction that persists the tokens. A vend already committed is left as it is.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Result> commitAll(List<Sale> sales) {
        Result[] results = new Result[sales.size()];
        Set<String> reserveIds = new HashSet<>();
        sales.forEach(s -> reserveIds.add(VendTransferIds.reserve(s.vendId())));
        Map<String, TransferView> reserved = ledger.transfers(reserveIds);
        Map<Long, SaleCommission> commissions = commissionsOf(reserved.values());
        List<TransferUnit> units = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < sales.size(); i++) {
            try {
                units.add(commitUnit(sales.get(i), reserved.get(VendTransferIds.reserve(sales.get(i).vendId())), commissions));
                positions.add(i);
            } catch (RuntimeException refused) {
                results[i] = new Result(refused);
            }
        }
        List<UnitResult> outcomes = apply(units, positions, results);
        List<PricingService.Sale> newSales = new ArrayList<>();
        for (int k = 0; k < outcomes.size(); k++) {
            UnitResult o = outcomes.get(k);
            if (o.created()) {
                Sale s = sales.get(positions.get(k));
                newSales.add(new PricingService.Sale(s.meterId(), s.price(), s.at(), s.vendId().toString()));
            }
        }
        pricing.recordSales(newSales);
        return List.of(results);
    }

    private TransferUnit commitUnit(Sale sale, TransferView reserved, Map<Long, SaleCommission> commissions) {
        if (reserved == null) {
            throw new ConflictException(ResultCode.INVALID_STATE, "vend " + sale.vendId() + " has no reservation to commit");
        }
        PriceBreakdown price = sale.price();
        ValidationException.require(reserved.amountMinor() == price.tenderedMinor() && reserved.currency().equals(price.currency()),
                "price", "the breakdown is for " + price.tenderedMinor() + " " + price.currency() + " but "
                        + reserved.amountMinor() + " " + reserved.currency() + " was reserved");
        List<NewTransfer> chain = new ArrayList<>(VendPostings.splits(sale.vendId(), reserved.creditAccountId(), price, accounts));
        SaleCommission terms = commissions.get(reserved.debitAccountId());
        if (terms != null) {
            chain.addAll(VendPostings.commissions(reserved.reference(), terms, price.tenderedMinor(), price.currency(), accounts));
        }
        return new TransferUnit(List.of(PostPending.full(VendTransferIds.post(sale.vendId()), VendTransferIds.reserve(sale.vendId()))),
                chain);
    }

    private List<UnitResult> apply(List<TransferUnit> units, List<Integer> positions, Result[] results) {
        if (units.isEmpty()) {
            return List.of();
        }
        List<UnitResult> outcomes = ledger.createBatch(units);
        for (int k = 0; k < outcomes.size(); k++) {
            results[positions.get(k)] = outcomes.get(k).ok() ? Result.OK : new Result(outcomes.get(k).refusal());
        }
        return outcomes;
    }

    /** The commission terms of the vendors whose floats paid, by payer account id: one query for the batch. */
    private Map<Long, SaleCommission> commissionsOf(java.util.Collection<TransferView> reservations) {
        Map<Long, Long> vendorByAccount = new HashMap<>();
        for (TransferView r : reservations) {
            Long vendorId = VendPostings.vendorOf(ownerRefOf(r.debitAccountId()));
            if (vendorId != null) {
                vendorByAccount.put(r.debitAccountId(), vendorId);
            }
        }
        Map<Long, SaleCommission> byAccount = new HashMap<>();
        if (vendorByAccount.isEmpty()) {
            return byAccount;
        }
        Map<Long, SaleCommission> byVendor = new HashMap<>();
        named.query("SELECT v.id, CASE WHEN v.terms = 'COMMISSION' THEN v.commission_bp ELSE 0 END, a.id, COALESCE(a.commission_bp, 0) "
                + "FROM vendor v LEFT JOIN agent a ON a.id = v.agent_id WHERE v.id IN (:ids)",
                Map.of("ids", new HashSet<>(vendorByAccount.values())), rs -> {
                    long agent = rs.getLong(3);
                    byVendor.put(rs.getLong(1), new SaleCommission(rs.getLong(1), rs.getInt(2), rs.wasNull() ? null : agent, rs.getInt(4)));
                });
        vendorByAccount.forEach((account, vendor) -> {
            if (byVendor.containsKey(vendor)) {
                byAccount.put(account, byVendor.get(vendor));
            }
        });
        return byAccount;
    }

    private long payerAccount(Payer payer, String currency) {
        String key = payer.accountType() + "|" + currency + "|" + payer.ownerRef();
        Long cached = accountIds.get(key);
        if (cached != null) {
            return cached;
        }
        long id = payer.kind() == Payer.Kind.CHANNEL
                ? ledger.openAccount(payer.accountType(), currency, payer.ownerRef()).id()
                : ledger.findAccount(payer.accountType(), currency, payer.ownerRef())
                        .orElseThrow(() -> new ValidationException("payer", "payer " + payer.ownerRef() + " has no " + currency + " account"))
                        .id();
        accountIds.put(key, id);
        return id;
    }

    private String ownerRefOf(long accountId) {
        return ownerRefs.computeIfAbsent(accountId, id -> ledger.account(id).ownerRef());
    }

    /** Account ids through the cache; a miss opens (or finds) the account through the ledger. */
    private final class CachedAccounts implements VendPostings.Accounts {

        @Override
        public long system(AccountType type, String currency) {
            return cached(type, currency, "", () -> ledger.systemAccount(type, currency).id());
        }

        @Override
        public long debtReceivable(String debtId, String currency) {
            return cached(AccountType.DEBT_RECEIVABLE, currency, "debt:" + debtId,
                    () -> ledger.findAccount(AccountType.DEBT_RECEIVABLE, currency, "debt:" + debtId).orElseThrow(() ->
                            new ConflictException(ResultCode.INVALID_STATE, "debt " + debtId + " has no receivable account")).id());
        }

        @Override
        public long commissionPayable(String ownerRef, String currency) {
            return cached(AccountType.COMMISSION_PAYABLE, currency, ownerRef,
                    () -> ledger.openAccount(AccountType.COMMISSION_PAYABLE, currency, ownerRef).id());
        }

        private long cached(AccountType type, String currency, String owner, java.util.function.LongSupplier open) {
            String key = type + "|" + currency + "|" + owner;
            Long id = accountIds.get(key);
            if (id == null) {
                id = open.getAsLong();
                accountIds.put(key, id);
            }
            return id;
        }
    }
}
