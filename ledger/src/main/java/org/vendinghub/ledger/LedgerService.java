package org.vendinghub.ledger;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.vendinghub.domain.ValidationException;
import org.vendinghub.ledger.internal.AccountEntity;
import org.vendinghub.ledger.internal.AccountRepository;
import org.vendinghub.ledger.internal.BatchLedgerEngine;
import org.vendinghub.ledger.internal.LedgerEngine;
import org.vendinghub.ledger.internal.PendingOpenRepository;
import org.vendinghub.ledger.internal.TransferEntity;
import org.vendinghub.ledger.internal.TransferRepository;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The double-entry ledger: accounts with posted and pending balances, INSERT-only transfers with caller-chosen
 * ids, pending transfers posted / voided once or expired by {@link #expirePendingTransfers(Instant)}.
 *
 * <p>Every method joins the caller's transaction when there is one (the hub persists a token and posts its
 * transfer in one transaction). A rejection is an exception ({@link ValidationException} 400,
 * {@link NotFoundException} 404, {@link ConflictException} 409, {@link InsufficientFundsException} 422) and, like
 * any runtime exception, marks the transaction for rollback: nothing is half-written.
 */
@Service
public class LedgerService {

    /** How many expiries one sweep does at most, so that one call stays short. */
    public static final int EXPIRY_BATCH_MAX = 500;

    private final LedgerEngine engine;
    private final BatchLedgerEngine batchEngine;
    private final AccountRepository accounts;
    private final TransferRepository transfers;
    private final PendingOpenRepository openPendings;
    private final TransactionTemplate newTransaction;
    private final Clock clock;

    public LedgerService(LedgerEngine engine, BatchLedgerEngine batchEngine, AccountRepository accounts, TransferRepository transfers,
                         PendingOpenRepository openPendings, PlatformTransactionManager transactionManager,
                         ObjectProvider<Clock> clock) {
        this.engine = engine;
        this.batchEngine = batchEngine;
        this.accounts = accounts;
        this.transfers = transfers;
        this.openPendings = openPendings;
        this.newTransaction = new TransactionTemplate(transactionManager);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** The account of this type, currency and owner; created on first use (safe under concurrent calls). */
    @Transactional
    public AccountView openAccount(AccountType type, String currency, String ownerRef) {
        ValidationException.require(type != null, "type", "account type is required");
        ValidationException.require(currency != null && currency.matches("[A-Z]{3}"), "currency",
                "currency must be an ISO-4217 code of three capital letters");
        ValidationException.require(ownerRef != null && ownerRef.matches("|[a-z]+:[A-Za-z0-9_.-]{1,48}"), "ownerRef",
                "owner reference must be empty or kind:id, e.g. vendor:12");
        Optional<AccountEntity> existing = accounts.findByTypeAndCurrencyAndOwnerRef(type, currency, ownerRef);
        if (existing.isPresent()) {
            return existing.get().view();
        }
        accounts.insertIgnore(type.name(), currency, ownerRef, type.rule() == AccountType.Rule.DEBITS_MUST_NOT_EXCEED_CREDITS,
                type.rule() == AccountType.Rule.CREDITS_MUST_NOT_EXCEED_DEBITS, now());
        // A twin may have inserted it after this transaction's snapshot: then only a locking read sees it. That lock is
        // taken out of id order, so create accounts ahead of the hot path (openSystemAccounts, vendor creation...).
        return accounts.findByTypeAndCurrencyAndOwnerRef(type, currency, ownerRef)
                .or(() -> accounts.findCurrent(type, currency, ownerRef)).orElseThrow().view();
    }

    /** The utility's own accounts that have no owner, all at once: called when a utility (currency) is set up. */
    @Transactional
    public List<AccountView> openSystemAccounts(String currency) {
        return java.util.stream.Stream.of(AccountType.VEND_CLEARING, AccountType.ENERGY_REVENUE, AccountType.FIXED_FEE_REVENUE,
                AccountType.TAX_PAYABLE, AccountType.DEBT_TAKE_ON, AccountType.COMMISSION_EXPENSE,
                AccountType.VENDOR_DISCOUNT_EXPENSE, AccountType.ADJUSTMENT).map(t -> openAccount(t, currency, "")).toList();
    }

    /** The utility's own account of a type in a currency (revenue, tax, clearing...). */
    @Transactional
    public AccountView systemAccount(AccountType type, String currency) {
        return openAccount(type, currency, "");
    }

    @Transactional(readOnly = true)
    public Optional<AccountView> findAccount(AccountType type, String currency, String ownerRef) {
        return accounts.findByTypeAndCurrencyAndOwnerRef(type, currency, ownerRef).map(AccountEntity::view);
    }

    @Transactional(readOnly = true)
    public AccountView account(long accountId) {
        return accounts.findById(accountId).map(AccountEntity::view)
                .orElseThrow(() -> new NotFoundException(ResultCode.ACCOUNT_NOT_FOUND, "account " + accountId + " not found"));
    }

    /** How far a float may go below zero. Refused when lower than what the account already uses. */
    @Transactional
    public AccountView setCreditLimit(long accountId, long creditLimitMinor) {
        return engine.setCreditLimit(accountId, creditLimitMinor).view();
    }

    /** Creates one single-phase or pending transfer; a retry with the same id and content returns EXISTS. */
    @Transactional
    public TransferResult create(NewTransfer transfer) {
        return engine.create(List.of(transfer), now()).get(0);
    }

    /** Creates the transfers in order, all or none: the first failure rolls the whole chain back. */
    @Transactional
    public List<TransferResult> createLinked(List<NewTransfer> chain) {
        ValidationException.require(chain != null && chain.size() <= 100, "transfers", "a linked chain has 1 to 100 transfers");
        return engine.create(new ArrayList<>(chain), now());
    }

    /**
     * Many independent units in the caller's transaction, with one statement per kind of row (the hub's vend batches).
     * Each unit is linked: recorded whole, recognised whole as a replay, or refused alone with the reason in its result
     * while the others go on. The caller's transaction should be READ COMMITTED (see {@link BatchLedgerEngine}).
     */
    @Transactional
    public List<UnitResult> createBatch(List<TransferUnit> units) {
        ValidationException.require(units != null && !units.isEmpty() && units.size() <= 10_000, "units",
                "a batch has 1 to 10000 units");
        return batchEngine.apply(units, now());
    }

    /** Transfers by id, as committed; ids not found are missing from the map. */
    @Transactional(readOnly = true)
    public java.util.Map<String, TransferView> transfers(java.util.Set<String> ids) {
        return batchEngine.read(ids);
    }

    /** Posts a pending transfer (fully or partly); the pending amount not posted goes back. */
    @Transactional
    public TransferResult post(PostPending post) {
        return engine.post(post, now());
    }

    /** Releases a pending transfer's reservation. */
    @Transactional
    public TransferResult voidPending(VoidPending voidPending) {
        return engine.voidPending(voidPending, now());
    }

    @Transactional(readOnly = true)
    public PendingStatus pendingStatus(String pendingId) {
        return engine.status(pendingId, now());
    }

    /**
     * Expires pending transfers whose timeout has passed at {@code now}, each in its own short transaction so that
     * one sweep never holds many locks. Returns the ids it expired (at most {@link #EXPIRY_BATCH_MAX}); a transfer
     * posted or voided concurrently is skipped. The hub calls this from a scheduled route.
     */
    public List<String> expirePendingTransfers(Instant now) {
        List<String> due = openPendings.findExpired(now, PageRequest.of(0, EXPIRY_BATCH_MAX));
        List<String> expired = new ArrayList<>();
        for (String pendingId : due) {
            if (Boolean.TRUE.equals(newTransaction.execute(status -> engine.expire(pendingId, now)))) {
                expired.add(pendingId);
            }
        }
        return expired;
    }

    @Transactional(readOnly = true)
    public Optional<TransferView> transfer(String transferId) {
        return transfers.findById(transferId).map(TransferEntity::view);
    }

    /** Transfers that moved money in or out of an account, oldest first (paged). */
    @Transactional(readOnly = true)
    public Page<TransferView> statement(long accountId, Pageable page) {
        account(accountId);
        return transfers.statement(accountId, page).map(TransferEntity::view);
    }

    /** All transfers carrying this reference (a vend id, an adjustment id), oldest first. */
    @Transactional(readOnly = true)
    public List<TransferView> transfersByReference(String reference) {
        return transfers.findByReferenceOrderByCreatedAtAscIdAsc(reference).stream().map(TransferEntity::view).toList();
    }

    /** What was posted to the credit of an account under one transfer code (reports: collected, written off...). */
    @Transactional(readOnly = true)
    public long postedCreditsByCode(long accountId, TransferCode code) {
        return transfers.sumPostedCredits(accountId, code);
    }

    /** The ledger's clock, truncated to the column precision so that stored and returned times agree. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
