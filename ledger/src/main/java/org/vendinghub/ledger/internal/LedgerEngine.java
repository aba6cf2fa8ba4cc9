package org.vendinghub.ledger.internal;

import jakarta.persistence.EntityManager;
import org.springframework.stereotype.Component;
import org.vendinghub.domain.ValidationException;
import org.vendinghub.ledger.ConflictException;
import org.vendinghub.ledger.InsufficientFundsException;
import org.vendinghub.ledger.NewTransfer;
import org.vendinghub.ledger.NotFoundException;
import org.vendinghub.ledger.PendingStatus;
import org.vendinghub.ledger.PostPending;
import org.vendinghub.ledger.ResultCode;
import org.vendinghub.ledger.TransferKind;
import org.vendinghub.ledger.TransferResult;
import org.vendinghub.ledger.VoidPending;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The ledger's state machine. Every method must run inside a transaction (LedgerService opens it) and:
 * locks the accounts it touches in ascending id order (no deadlocks between two transfers), re-reads them with
 * a locking read (current balances, not the transaction's snapshot), checks everything, and only then writes.
 * Balances and the transfer row change in the same transaction.
 */
@Component
public class LedgerEngine {

    private static final String EXPIRY_ID_PREFIX = "expired:";

    private final EntityManager em;
    private final TransferRepository transfers;
    private final PendingOpenRepository openPendings;

    public LedgerEngine(EntityManager em, TransferRepository transfers, PendingOpenRepository openPendings) {
        this.em = em;
        this.transfers = transfers;
        this.openPendings = openPendings;
    }

    /** Creates the chain atomically (linked when more than one), or recognises a retry of the whole chain. */
    public List<TransferResult> create(List<NewTransfer> chain, Instant now) {
        ValidationException.require(!chain.isEmpty(), "transfers", "at least one transfer is required");
        ValidationException.require(new HashSet<>(chain.stream().map(NewTransfer::id).toList()).size() == chain.size(),
                "transfers", "transfer ids in one linked chain must differ");
        Map<Long, AccountEntity> accounts = lockAccounts(chain.stream()
                .flatMap(t -> java.util.stream.Stream.of(t.debitAccountId(), t.creditAccountId())).toList());
        Optional<List<TransferResult>> replay = replayOfChain(chain);
        if (replay.isPresent()) {
            return replay.get();
        }
        String linkedId = chain.size() > 1 ? chain.get(0).id() : null;
        List<TransferResult> results = new ArrayList<>();
        for (NewTransfer t : chain) {
            results.add(apply(t, accounts.get(t.debitAccountId()), accounts.get(t.creditAccountId()), linkedId, now));
        }
        em.flush();
        return results;
    }

    private Optional<List<TransferResult>> replayOfChain(List<NewTransfer> chain) {
        List<TransferResult> existing = new ArrayList<>();
        for (NewTransfer t : chain) {
            Optional<TransferEntity> stored = transfers.findCurrent(t.id());
            if (stored.isPresent()) {
                requireSameContent(t, stored.get());
                existing.add(new TransferResult(TransferResult.Outcome.EXISTS, stored.get().view()));
            }
        }
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        if (existing.size() != chain.size()) {
            throw new ConflictException(ResultCode.LINKED_CHAIN_PARTIALLY_EXISTS,
                    "some transfers of this linked chain exist and others do not: use new ids for a new chain");
        }
        return Optional.of(existing);
    }

    private static void requireSameContent(NewTransfer t, TransferEntity stored) {
        TransferKind kind = t.pending() ? TransferKind.PENDING : TransferKind.SINGLE_PHASE;
        String differing = stored.getKind() != kind ? "kind"
                : stored.getDebitAccountId() != t.debitAccountId() ? "debit account"
                : stored.getCreditAccountId() != t.creditAccountId() ? "credit account"
                : stored.getAmountMinor() != t.amountMinor() ? "amount"
                : stored.getCode() != t.code() ? "code"
                : stored.view().timeoutSeconds() != t.timeoutSeconds() ? "timeout"
                : !Objects.equals(stored.view().reference(), t.reference()) ? "reference" : null;
        if (differing != null) {
            throw new ConflictException(ResultCode.EXISTS_WITH_DIFFERENT_CONTENT,
                    "transfer " + t.id() + " exists with a different " + differing);
        }
    }

    private TransferResult apply(NewTransfer t, AccountEntity debit, AccountEntity credit, String linkedId, Instant now) {
        if (!debit.getCurrency().equals(credit.getCurrency())) {
            throw new ValidationException("creditAccountId", "debit and credit account must have the same currency, were "
                    + debit.getCurrency() + " and " + credit.getCurrency());
        }
        requireHeadroom(debit, credit, t.amountMinor());
        Instant expiresAt = null;
        if (t.pending()) {
            debit.reserveDebit(t.amountMinor());
            credit.reserveCredit(t.amountMinor());
            expiresAt = now.plusSeconds(t.timeoutSeconds());
        } else {
            debit.postDebit(t.amountMinor());
            credit.postCredit(t.amountMinor());
        }
        TransferEntity row = new TransferEntity(t.id(), t.pending() ? TransferKind.PENDING : TransferKind.SINGLE_PHASE,
                debit.getId(), credit.getId(), t.amountMinor(), debit.getCurrency(), t.code(), null,
                t.pending() ? Math.toIntExact(t.timeoutSeconds()) : null, expiresAt, linkedId, t.reference(), now);
        em.persist(row);
        if (t.pending()) {
            em.persist(new PendingOpenEntity(t.id(), expiresAt));
        }
        return new TransferResult(TransferResult.Outcome.CREATED, row.view());
    }

    /** Checked when money is reserved or moved, never at posting: a post only spends what was reserved. */
    private static void requireHeadroom(AccountEntity debit, AccountEntity credit, long amount) {
        if (debit.isDebitsMustNotExceedCredits() && amount > debit.debitHeadroom()) {
            throw new InsufficientFundsException(ResultCode.EXCEEDS_CREDITS, debit.getId(), debit.debitHeadroom(), amount);
        }
        if (credit.isCreditsMustNotExceedDebits() && amount > credit.creditHeadroom()) {
            throw new InsufficientFundsException(ResultCode.EXCEEDS_DEBITS, credit.getId(), credit.creditHeadroom(), amount);
        }
    }

    public TransferResult post(PostPending p, Instant now) {
        TransferEntity pending = requirePending(p.pendingId());
        Map<Long, AccountEntity> accounts = lockAccounts(List.of(pending.getDebitAccountId(), pending.getCreditAccountId()));
        long amount = p.amountMinor() == null ? pending.getAmountMinor() : p.amountMinor();
        Optional<TransferEntity> replay = resolutionReplay(p.id(), TransferKind.POST_PENDING, pending, amount);
        if (replay.isPresent()) {
            return new TransferResult(TransferResult.Outcome.EXISTS, replay.get().view());
        }
        requireUnresolved(pending, now);
        ValidationException.require(amount <= pending.getAmountMinor(), "amountMinor",
                "amount must not exceed the pending amount of " + pending.getAmountMinor());
        AccountEntity debit = accounts.get(pending.getDebitAccountId());
        AccountEntity credit = accounts.get(pending.getCreditAccountId());
        debit.releaseDebit(pending.getAmountMinor());
        credit.releaseCredit(pending.getAmountMinor());
        debit.postDebit(amount);
        credit.postCredit(amount);
        return resolve(p.id(), TransferKind.POST_PENDING, pending, amount, now);
    }

    public TransferResult voidPending(VoidPending v, Instant now) {
        TransferEntity pending = requirePending(v.pendingId());
        Map<Long, AccountEntity> accounts = lockAccounts(List.of(pending.getDebitAccountId(), pending.getCreditAccountId()));
        Optional<TransferEntity> replay = resolutionReplay(v.id(), TransferKind.VOID_PENDING, pending, pending.getAmountMinor());
        if (replay.isPresent()) {
            return new TransferResult(TransferResult.Outcome.EXISTS, replay.get().view());
        }
        requireUnresolved(pending, now);
        release(pending, accounts);
        return resolve(v.id(), TransferKind.VOID_PENDING, pending, pending.getAmountMinor(), now);
    }

    /** Expires one pending transfer if it is still open and its time is up; false when there was nothing to do. */
    public boolean expire(String pendingId, Instant now) {
        Optional<TransferEntity> found = transfers.findById(pendingId);
        if (found.isEmpty() || found.get().getKind() != TransferKind.PENDING) {
            return false;
        }
        TransferEntity pending = found.get();
        Map<Long, AccountEntity> accounts = lockAccounts(List.of(pending.getDebitAccountId(), pending.getCreditAccountId()));
        if (transfers.findResolutionCurrent(pendingId).isPresent() || now.isBefore(pending.getExpiresAt())) {
            return false; // resolved by a post or void that won the race, or not yet due
        }
        release(pending, accounts);
        resolve(EXPIRY_ID_PREFIX + pendingId, TransferKind.EXPIRE_PENDING, pending, pending.getAmountMinor(), now);
        return true;
    }

    public PendingStatus status(String pendingId, Instant now) {
        TransferEntity pending = requirePending(pendingId);
        Optional<TransferEntity> resolution = transfers.findByPendingId(pendingId);
        if (resolution.isPresent()) {
            return switch (resolution.get().getKind()) {
                case POST_PENDING -> PendingStatus.POSTED;
                case VOID_PENDING -> PendingStatus.VOIDED;
                default -> PendingStatus.EXPIRED;
            };
        }
        return now.isBefore(pending.getExpiresAt()) ? PendingStatus.PENDING : PendingStatus.EXPIRED;
    }

    private static void release(TransferEntity pending, Map<Long, AccountEntity> accounts) {
        accounts.get(pending.getDebitAccountId()).releaseDebit(pending.getAmountMinor());
        accounts.get(pending.getCreditAccountId()).releaseCredit(pending.getAmountMinor());
    }

    private TransferResult resolve(String id, TransferKind kind, TransferEntity pending, long amount, Instant now) {
        TransferEntity row = new TransferEntity(id, kind, pending.getDebitAccountId(), pending.getCreditAccountId(), amount,
                pending.view().currency(), pending.getCode(), pending.getId(), null, null, null, pending.view().reference(), now);
        em.persist(row);
        openPendings.deleteById(pending.getId());
        em.flush();
        return new TransferResult(TransferResult.Outcome.CREATED, row.view());
    }

    private TransferEntity requirePending(String pendingId) {
        TransferEntity pending = transfers.findById(pendingId).orElseThrow(() -> new NotFoundException(
                ResultCode.PENDING_TRANSFER_NOT_FOUND, "pending transfer " + pendingId + " not found"));
        if (pending.getKind() != TransferKind.PENDING) {
            throw new ConflictException(ResultCode.PENDING_TRANSFER_NOT_PENDING,
                    "transfer " + pendingId + " is " + pending.getKind() + ", not a pending transfer");
        }
        return pending;
    }

    /** The same post/void sent again: its own id exists. Must be checked before "already resolved". */
    private Optional<TransferEntity> resolutionReplay(String id, TransferKind kind, TransferEntity pending, long amount) {
        Optional<TransferEntity> stored = transfers.findCurrent(id);
        if (stored.isPresent()) {
            TransferEntity s = stored.get();
            if (s.getKind() != kind || !pending.getId().equals(s.getPendingId()) || s.getAmountMinor() != amount) {
                throw new ConflictException(ResultCode.EXISTS_WITH_DIFFERENT_CONTENT,
                        "transfer " + id + " exists with a different " + (s.getKind() != kind ? "kind"
                                : !pending.getId().equals(s.getPendingId()) ? "pending id" : "amount"));
            }
        }
        return stored;
    }

    private void requireUnresolved(TransferEntity pending, Instant now) {
        Optional<TransferEntity> resolution = transfers.findResolutionCurrent(pending.getId());
        if (resolution.isPresent()) {
            ResultCode code = switch (resolution.get().getKind()) {
                case POST_PENDING -> ResultCode.PENDING_TRANSFER_ALREADY_POSTED;
                case VOID_PENDING -> ResultCode.PENDING_TRANSFER_ALREADY_VOIDED;
                default -> ResultCode.PENDING_TRANSFER_EXPIRED;
            };
            throw new ConflictException(code, "pending transfer " + pending.getId() + " is already "
                    + code.name().substring("PENDING_TRANSFER_".length()).replace("ALREADY_", "").toLowerCase());
        }
        if (!now.isBefore(pending.getExpiresAt())) {
            throw new ConflictException(ResultCode.PENDING_TRANSFER_EXPIRED,
                    "pending transfer " + pending.getId() + " expired at " + pending.getExpiresAt());
        }
    }

    /** Locks the accounts in ascending id order, each with a locking read of its latest balances ({@link Rows#lockFresh}). */
    public Map<Long, AccountEntity> lockAccounts(Collection<Long> ids) {
        Map<Long, AccountEntity> locked = new TreeMap<>();
        for (long id : new TreeSet<>(ids)) {
            locked.put(id, Rows.lockFresh(em, AccountEntity.class, id,
                    () -> new NotFoundException(ResultCode.ACCOUNT_NOT_FOUND, "account " + id + " not found")));
        }
        return locked;
    }

    public AccountEntity lockAccount(long id) {
        return lockAccounts(List.of(id)).get(id);
    }

    /** Changes how far a credit-normal account may be overdrawn; never below what is already used. */
    public AccountEntity setCreditLimit(long accountId, long creditLimitMinor) {
        ValidationException.require(creditLimitMinor >= 0, "creditLimitMinor", "credit limit must not be negative");
        AccountEntity account = lockAccount(accountId);
        long usedBeyondCredits = -(account.debitHeadroom() - account.view().creditLimitMinor());
        ValidationException.require(creditLimitMinor >= usedBeyondCredits, "creditLimitMinor",
                "credit limit cannot be lower than the " + usedBeyondCredits + " already used");
        account.setCreditLimitMinor(creditLimitMinor);
        em.flush();
        return account;
    }
}
