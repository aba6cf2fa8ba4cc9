package org.vendinghub.ledger.internal;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.vendinghub.domain.ValidationException;
import org.vendinghub.ledger.ConflictException;
import org.vendinghub.ledger.NewTransfer;
import org.vendinghub.ledger.NotFoundException;
import org.vendinghub.ledger.PostPending;
import org.vendinghub.ledger.ResultCode;
import org.vendinghub.ledger.TransferKind;
import org.vendinghub.ledger.TransferResult;
import org.vendinghub.ledger.TransferUnit;
import org.vendinghub.ledger.TransferView;
import org.vendinghub.ledger.UnitResult;
import org.vendinghub.ledger.SqlTimes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ledger's state machine for many independent units in ONE transaction, with one statement per kind of row
 * instead of one per row: what lets a node post a thousand vends a second. The rules are {@link LedgerEngine}'s:
 * accounts locked in ascending id order with current reads, a replay recognised by id and content, balance rules
 * checked when money is reserved or moved (never at posting), a pending transfer resolved once. Each unit is linked
 * (all or nothing); a unit that breaks a rule is refused alone and the others go on.
 *
 * <p>Runs in the caller's transaction, which should be READ COMMITTED: every read below is then of committed rows,
 * and locking reads take no gap locks, so batches of different nodes do not deadlock on new ids.
 */
@Component
public class BatchLedgerEngine {

    private static final String TRANSFER_COLUMNS = "id, kind, debit_account_id, credit_account_id, amount_minor, currency, code, "
            + "pending_id, timeout_seconds, expires_at, linked_id, reference, created_at";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public BatchLedgerEngine(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    public List<UnitResult> apply(List<TransferUnit> units, Instant now) {
        ValidationException.require(!units.isEmpty(), "units", "at least one unit is required");
        requireDistinctIds(units);
        Set<String> pendingIds = pendingIds(units);
        Map<String, TransferView> known = readKnown(ownIds(units), pendingIds);
        Map<String, TransferView> pendings = subset(known, pendingIds);
        Map<String, TransferView> existing = subset(known, ownIds(units));
        Map<String, TransferView> resolutions = new HashMap<>();
        known.values().stream().filter(t -> t.pendingId() != null && pendingIds.contains(t.pendingId()))
                .forEach(t -> resolutions.put(t.pendingId(), t));
        Map<Long, Balance> accounts = lockAccounts(units, pendings);
        Writes writes = new Writes(now);
        List<UnitResult> outcomes = new ArrayList<>(units.size());
        for (TransferUnit unit : units) {
            outcomes.add(applyOne(unit, accounts, pendings, existing, resolutions, writes));
        }
        writes.flush(jdbc, accounts);
        return outcomes;
    }

    private UnitResult applyOne(TransferUnit unit, Map<Long, Balance> accounts, Map<String, TransferView> pendings,
                             Map<String, TransferView> existing, Map<String, TransferView> resolutions, Writes writes) {
        try {
            List<TransferResult> replay = replayOf(unit, existing, pendings);
            if (replay != null) {
                return new UnitResult(replay, null);
            }
            Map<Long, Balance> scratch = new HashMap<>();
            List<TransferView> rows = new ArrayList<>();
            String linkedId = unit.posts().size() + unit.transfers().size() > 1 ? unit.ownIds().iterator().next() : null;
            for (PostPending p : unit.posts()) {
                rows.add(post(p, pendings, resolutions, accounts, scratch, writes.now));
            }
            for (NewTransfer t : unit.transfers()) {
                rows.add(create(t, accounts, scratch, linkedId, writes.now));
            }
            accounts.putAll(scratch); // the unit is accepted: its balances become the batch's
            writes.add(rows);
            rows.stream().filter(r -> r.pendingId() != null).forEach(r -> resolutions.put(r.pendingId(), r));
            return new UnitResult(rows.stream().map(r -> new TransferResult(TransferResult.Outcome.CREATED, r)).toList(), null);
        } catch (RuntimeException refusal) {
            return new UnitResult(List.of(), refusal);
        }
    }

    private TransferView post(PostPending p, Map<String, TransferView> pendings, Map<String, TransferView> resolutions,
                              Map<Long, Balance> accounts, Map<Long, Balance> scratch, Instant now) {
        TransferView pending = pendings.get(p.pendingId());
        if (pending == null) {
            throw new NotFoundException(ResultCode.PENDING_TRANSFER_NOT_FOUND, "pending transfer " + p.pendingId() + " not found");
        }
        if (pending.kind() != TransferKind.PENDING) {
            throw new ConflictException(ResultCode.PENDING_TRANSFER_NOT_PENDING,
                    "transfer " + p.pendingId() + " is " + pending.kind() + ", not a pending transfer");
        }
        TransferView resolution = resolutions.get(p.pendingId());
        if (resolution != null) {
            throw alreadyResolved(pending.id(), resolution.kind());
        }
        if (!now.isBefore(pending.expiresAt())) {
            throw new ConflictException(ResultCode.PENDING_TRANSFER_EXPIRED,
                    "pending transfer " + pending.id() + " expired at " + pending.expiresAt());
        }
        long amount = pending.amountMinor();
        Balance debit = working(pending.debitAccountId(), accounts, scratch);
        Balance credit = working(pending.creditAccountId(), accounts, scratch);
        debit.debitsPending -= amount;
        credit.creditsPending -= amount;
        debit.debitsPosted += amount;
        credit.creditsPosted += amount;
        return new TransferView(p.id(), TransferKind.POST_PENDING, pending.debitAccountId(), pending.creditAccountId(), amount,
                pending.currency(), pending.code(), pending.id(), 0, null, null, pending.reference(), now);
    }

    private TransferView create(NewTransfer t, Map<Long, Balance> accounts, Map<Long, Balance> scratch, String linkedId,
                                Instant now) {
        Balance debit = working(t.debitAccountId(), accounts, scratch);
        Balance credit = working(t.creditAccountId(), accounts, scratch);
        if (!debit.currency.equals(credit.currency)) {
            throw new ValidationException("creditAccountId", "debit and credit account must have the same currency, were "
                    + debit.currency + " and " + credit.currency);
        }
        debit.requireDebitHeadroom(t.amountMinor());
        credit.requireCreditHeadroom(t.amountMinor());
        if (t.pending()) {
            debit.debitsPending += t.amountMinor();
            credit.creditsPending += t.amountMinor();
        } else {
            debit.debitsPosted += t.amountMinor();
            credit.creditsPosted += t.amountMinor();
        }
        return new TransferView(t.id(), t.pending() ? TransferKind.PENDING : TransferKind.SINGLE_PHASE, t.debitAccountId(),
                t.creditAccountId(), t.amountMinor(), debit.currency, t.code(), null, t.timeoutSeconds(),
                t.pending() ? now.plusSeconds(t.timeoutSeconds()) : null, linkedId, t.reference(), now);
    }

    /** The unit's balances as they stand so far in this batch, copied so that a refusal leaves the batch's untouched. */
    private static Balance working(long accountId, Map<Long, Balance> accounts, Map<Long, Balance> scratch) {
        return scratch.computeIfAbsent(accountId, id -> {
            Balance b = accounts.get(id);
            if (b == null) {
                throw new NotFoundException(ResultCode.ACCOUNT_NOT_FOUND, "account " + id + " not found");
            }
            return b.copy();
        });
    }

    /** All of the unit stored before with the same content: its results, EXISTS. None: null. Some: a conflict. */
    private static List<TransferResult> replayOf(TransferUnit unit, Map<String, TransferView> existing, Map<String, TransferView> pendings) {
        List<TransferResult> stored = new ArrayList<>();
        for (PostPending p : unit.posts()) {
            TransferView s = existing.get(p.id());
            if (s != null) {
                TransferView pending = pendings.get(p.pendingId());
                if (s.kind() != TransferKind.POST_PENDING || !p.pendingId().equals(s.pendingId())
                        || pending == null || s.amountMinor() != pending.amountMinor()) {
                    throw new ConflictException(ResultCode.EXISTS_WITH_DIFFERENT_CONTENT, "transfer " + p.id() + " exists with a different content");
                }
                stored.add(new TransferResult(TransferResult.Outcome.EXISTS, s));
            }
        }
        for (NewTransfer t : unit.transfers()) {
            TransferView s = existing.get(t.id());
            if (s != null) {
                requireSameContent(t, s);
                stored.add(new TransferResult(TransferResult.Outcome.EXISTS, s));
            }
        }
        if (stored.isEmpty()) {
            return null;
        }
        if (stored.size() != unit.posts().size() + unit.transfers().size()) {
            throw new ConflictException(ResultCode.LINKED_CHAIN_PARTIALLY_EXISTS,
                    "some transfers of this linked chain exist and others do not: use new ids for a new chain");
        }
        return stored;
    }

    private static void requireSameContent(NewTransfer t, TransferView s) {
        TransferKind kind = t.pending() ? TransferKind.PENDING : TransferKind.SINGLE_PHASE;
        String differing = s.kind() != kind ? "kind"
                : s.debitAccountId() != t.debitAccountId() ? "debit account"
                : s.creditAccountId() != t.creditAccountId() ? "credit account"
                : s.amountMinor() != t.amountMinor() ? "amount"
                : s.code() != t.code() ? "code"
                : s.timeoutSeconds() != t.timeoutSeconds() ? "timeout"
                : !java.util.Objects.equals(s.reference(), t.reference()) ? "reference" : null;
        if (differing != null) {
            throw new ConflictException(ResultCode.EXISTS_WITH_DIFFERENT_CONTENT, "transfer " + t.id() + " exists with a different " + differing);
        }
    }

    private static ConflictException alreadyResolved(String pendingId, TransferKind resolution) {
        ResultCode code = switch (resolution) {
            case POST_PENDING -> ResultCode.PENDING_TRANSFER_ALREADY_POSTED;
            case VOID_PENDING -> ResultCode.PENDING_TRANSFER_ALREADY_VOIDED;
            default -> ResultCode.PENDING_TRANSFER_EXPIRED;
        };
        return new ConflictException(code, "pending transfer " + pendingId + " is already "
                + code.name().substring("PENDING_TRANSFER_".length()).replace("ALREADY_", "").toLowerCase());
    }

    private static void requireDistinctIds(List<TransferUnit> units) {
        Set<String> seen = new HashSet<>();
        for (TransferUnit u : units) {
            for (String id : u.ownIds()) {
                ValidationException.require(seen.add(id), "transfers", "transfer id " + id + " appears twice in one batch");
            }
        }
    }

    private static Set<String> pendingIds(List<TransferUnit> units) {
        Set<String> ids = new HashSet<>();
        units.forEach(u -> u.posts().forEach(p -> ids.add(p.pendingId())));
        return ids;
    }

    private static Set<String> ownIds(List<TransferUnit> units) {
        Set<String> ids = new HashSet<>();
        units.forEach(u -> ids.addAll(u.ownIds()));
        return ids;
    }

    /** Locks every account the units touch, in ascending id order, and reads their current balances. */
    private Map<Long, Balance> lockAccounts(List<TransferUnit> units, Map<String, TransferView> pendings) {
        Set<Long> ids = new TreeSet<>();
        for (TransferUnit u : units) {
            u.transfers().forEach(t -> {
                ids.add(t.debitAccountId());
                ids.add(t.creditAccountId());
            });
            u.posts().stream().map(p -> pendings.get(p.pendingId())).filter(java.util.Objects::nonNull).forEach(p -> {
                ids.add(p.debitAccountId());
                ids.add(p.creditAccountId());
            });
        }
        Map<Long, Balance> locked = new HashMap<>();
        if (ids.isEmpty()) {
            return locked;
        }
        named.query("SELECT id, currency, debits_must_not_exceed_credits, credits_must_not_exceed_debits, credit_limit_minor, "
                + "debits_pending, debits_posted, credits_pending, credits_posted FROM ledger_account WHERE id IN (:ids) "
                + "ORDER BY id FOR UPDATE", Map.of("ids", ids), rs -> {
            Balance b = new Balance(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4), rs.getLong(5));
            b.debitsPending = rs.getLong(6);
            b.debitsPosted = rs.getLong(7);
            b.creditsPending = rs.getLong(8);
            b.creditsPosted = rs.getLong(9);
            b.markRead();
            locked.put(b.id, b);
        });
        return locked;
    }

    /** Transfers by id, as committed (a read of rows that never change once written). */
    public Map<String, TransferView> read(Set<String> ids) {
        Map<String, TransferView> rows = new HashMap<>();
        if (ids.isEmpty()) {
            return rows;
        }
        named.query("SELECT " + TRANSFER_COLUMNS + " FROM ledger_transfer WHERE id IN (:ids)", Map.of("ids", ids), rs -> {
            TransferView v = transfer(rs);
            rows.put(v.id(), v);
        });
        return rows;
    }

    /**
     * In one query: the transfers the units would create (a replay finds them), the pending transfers they post, and
     * anything that already resolved those. Read before the accounts are locked: a resolution committed in between
     * (the sweeper expiring a reservation) makes this batch break the unique key on pending_id, so it is rolled back
     * and its units are tried again one by one, reading afresh.
     */
    private Map<String, TransferView> readKnown(Set<String> ownIds, Set<String> pendingIds) {
        Set<String> ids = new HashSet<>(ownIds);
        ids.addAll(pendingIds);
        Map<String, TransferView> rows = new HashMap<>();
        named.query("SELECT " + TRANSFER_COLUMNS + " FROM ledger_transfer WHERE id IN (:ids)"
                + (pendingIds.isEmpty() ? "" : " OR pending_id IN (:pendings)"),
                Map.of("ids", ids, "pendings", pendingIds), rs -> {
                    TransferView v = transfer(rs);
                    rows.put(v.id(), v);
                });
        return rows;
    }

    private static Map<String, TransferView> subset(Map<String, TransferView> rows, Set<String> ids) {
        Map<String, TransferView> found = new HashMap<>();
        ids.forEach(id -> {
            if (rows.containsKey(id)) {
                found.put(id, rows.get(id));
            }
        });
        return found;
    }

    private static TransferView transfer(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new TransferView(rs.getString(1), TransferKind.valueOf(rs.getString(2)), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                rs.getString(6), org.vendinghub.ledger.TransferCode.valueOf(rs.getString(7)), rs.getString(8), rs.getInt(9),
                SqlTimes.instant(rs.getObject(10, java.time.LocalDateTime.class)), rs.getString(11), rs.getString(12),
                SqlTimes.instant(rs.getObject(13, java.time.LocalDateTime.class)));
    }

    /** An account's balances while a batch runs; what the batch changed is written as deltas at the end. */
    static final class Balance {
        final long id;
        final String currency;
        final boolean debitsMustNotExceedCredits;
        final boolean creditsMustNotExceedDebits;
        final long creditLimit;
        long debitsPending;
        long debitsPosted;
        long creditsPending;
        long creditsPosted;
        private long[] read;

        Balance(long id, String currency, boolean debitsRule, boolean creditsRule, long creditLimit) {
            this.id = id;
            this.currency = currency;
            this.debitsMustNotExceedCredits = debitsRule;
            this.creditsMustNotExceedDebits = creditsRule;
            this.creditLimit = creditLimit;
        }

        void markRead() {
            read = new long[]{debitsPending, debitsPosted, creditsPending, creditsPosted};
        }

        Balance copy() {
            Balance c = new Balance(id, currency, debitsMustNotExceedCredits, creditsMustNotExceedDebits, creditLimit);
            c.debitsPending = debitsPending;
            c.debitsPosted = debitsPosted;
            c.creditsPending = creditsPending;
            c.creditsPosted = creditsPosted;
            c.read = read;
            return c;
        }

        void requireDebitHeadroom(long amount) {
            long headroom = creditsPosted + creditLimit - debitsPosted - debitsPending;
            if (debitsMustNotExceedCredits && amount > headroom) {
                throw new org.vendinghub.ledger.InsufficientFundsException(ResultCode.EXCEEDS_CREDITS, id, headroom, amount);
            }
        }

        void requireCreditHeadroom(long amount) {
            long headroom = debitsPosted - creditsPosted - creditsPending;
            if (creditsMustNotExceedDebits && amount > headroom) {
                throw new org.vendinghub.ledger.InsufficientFundsException(ResultCode.EXCEEDS_DEBITS, id, headroom, amount);
            }
        }

        long[] deltas() {
            return new long[]{debitsPending - read[0], debitsPosted - read[1], creditsPending - read[2], creditsPosted - read[3]};
        }
    }

    /** The rows a batch adds and removes, written with one batched statement per kind at the end. */
    private static final class Writes {
        final Instant now;
        final List<TransferView> transfers = new ArrayList<>();

        Writes(Instant now) {
            this.now = now;
        }

        void add(List<TransferView> rows) {
            transfers.addAll(rows);
        }

        void flush(JdbcTemplate jdbc, Map<Long, Balance> accounts) {
            if (transfers.isEmpty()) {
                return;
            }
            jdbc.batchUpdate("INSERT INTO ledger_transfer (id, kind, debit_account_id, credit_account_id, amount_minor, currency, "
                    + "code, pending_id, timeout_seconds, expires_at, linked_id, reference, created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", transfers, transfers.size(), (ps, t) -> {
                        ps.setString(1, t.id());
                        ps.setString(2, t.kind().name());
                        ps.setLong(3, t.debitAccountId());
                        ps.setLong(4, t.creditAccountId());
                        ps.setLong(5, t.amountMinor());
                        ps.setString(6, t.currency());
                        ps.setString(7, t.code().name());
                        ps.setString(8, t.pendingId());
                        ps.setObject(9, t.kind() == TransferKind.PENDING ? (Object) Math.toIntExact(t.timeoutSeconds()) : null);
                        ps.setObject(10, SqlTimes.utc(t.expiresAt()));
                        ps.setString(11, t.linkedId());
                        ps.setString(12, t.reference());
                        ps.setObject(13, SqlTimes.utc(t.createdAt()));
                    });
            List<TransferView> opened = transfers.stream().filter(t -> t.kind() == TransferKind.PENDING).toList();
            if (!opened.isEmpty()) {
                jdbc.batchUpdate("INSERT INTO ledger_pending_open (transfer_id, expires_at) VALUES (?, ?)", opened, opened.size(),
                        (ps, t) -> {
                            ps.setString(1, t.id());
                            ps.setObject(2, SqlTimes.utc(t.expiresAt()));
                        });
            }
            List<String> resolved = transfers.stream().map(TransferView::pendingId).filter(java.util.Objects::nonNull).toList();
            if (!resolved.isEmpty()) {
                jdbc.batchUpdate("DELETE FROM ledger_pending_open WHERE transfer_id = ?", resolved, resolved.size(),
                        (ps, id) -> ps.setString(1, id));
            }
            List<Balance> changed = accounts.values().stream().filter(b -> java.util.Arrays.stream(b.deltas()).anyMatch(d -> d != 0))
                    .sorted(java.util.Comparator.comparingLong(b -> b.id)).toList();
            jdbc.batchUpdate("UPDATE ledger_account SET debits_pending = debits_pending + ?, debits_posted = debits_posted + ?, "
                    + "credits_pending = credits_pending + ?, credits_posted = credits_posted + ? WHERE id = ?", changed, changed.size(),
                    (ps, b) -> {
                        long[] d = b.deltas();
                        ps.setLong(1, d[0]);
                        ps.setLong(2, d[1]);
                        ps.setLong(3, d[2]);
                        ps.setLong(4, d[3]);
                        ps.setLong(5, b.id);
                    });
        }
    }
}
