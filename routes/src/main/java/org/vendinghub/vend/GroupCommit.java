package org.vendinghub.vend;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Group commit: many threads each ask for one piece of work, one worker does all that is waiting in ONE database
 * transaction and wakes them with their own outcomes. While a batch commits, the next one gathers, so batches grow
 * with load and cost nothing when it is quiet (a lone request runs at once, alone).
 *
 * <p>The work function returns one {@link Outcome} per item, in order: a refusal is that item's answer, thrown to its
 * caller, and never fails the others. When the whole batch fails (a deadlock, a constraint a twin broke first, a bug),
 * it is rolled back and each item is tried again alone, in its own transaction, so that one bad item fails only itself.
 *
 * @param <T> one caller's request
 * @param <R> its result
 */
final class GroupCommit<T, R> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    /** One item's answer: a value, or the exception its caller gets. */
    record Outcome<R>(R value, RuntimeException refusal) {

        static <R> Outcome<R> of(R value) {
            return new Outcome<>(value, null);
        }

        static <R> Outcome<R> refused(RuntimeException refusal) {
            return new Outcome<>(null, refusal);
        }
    }

    private record Pending<T, R>(T item, CompletableFuture<R> result) {
    }

    private final String name;
    private final int batchMax;
    private final Duration waitMax;
    private final TransactionTemplate tx;
    private final Function<List<T>, List<Outcome<R>>> work;
    private final LinkedBlockingQueue<Pending<T, R>> queue = new LinkedBlockingQueue<>();
    private final List<Thread> workers = new ArrayList<>();
    private final DistributionSummary batchSizes;
    private final Timer batchTimes;
    private volatile boolean open = true;

    GroupCommit(String name, int workers, int batchMax, Duration waitMax, TransactionTemplate tx,
                Function<List<T>, List<Outcome<R>>> work, MeterRegistry metrics) {
        if (workers < 1 || batchMax < 1) {
            throw new IllegalArgumentException("a group commit needs at least one worker and a batch of at least one");
        }
        this.name = name;
        this.batchMax = batchMax;
        this.waitMax = waitMax;
        this.tx = tx;
        this.work = work;
        this.batchSizes = DistributionSummary.builder("vend.batch.size").description("items per group-commit transaction")
                .tag("step", name).register(metrics);
        this.batchTimes = Timer.builder("vend.batch.duration").description("time of one group-commit transaction")
                .tag("step", name).register(metrics);
        for (int i = 0; i < workers; i++) {
            Thread t = new Thread(this::run, name + "-" + i);
            t.setDaemon(true);
            t.start();
            this.workers.add(t);
        }
    }

    /** Does the work for {@code item} with whatever else is waiting; returns its result or throws its refusal. */
    R submit(T item) {
        if (!open) {
            throw new IllegalStateException(name + " is shut down");
        }
        CompletableFuture<R> result = new CompletableFuture<>();
        queue.add(new Pending<>(item, result));
        try {
            return result.get(waitMax.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(name + " did not answer within " + waitMax.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + " was interrupted", e);
        }
    }

    private void run() {
        List<Pending<T, R>> batch = new ArrayList<>(batchMax);
        while (open) {
            try {
                Pending<T, R> first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, batchMax - 1);
                execute(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException | Error e) {
                log.error("{}: a batch of {} failed outside its transaction", name, batch.size(), e);
                batch.forEach(p -> p.result().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
        failWaiting();
    }

    private void execute(List<Pending<T, R>> batch) {
        List<T> items = batch.stream().map(Pending::item).toList();
        List<Outcome<R>> outcomes;
        batchSizes.record(batch.size());
        long started = System.nanoTime();
        try {
            outcomes = tx.execute(s -> work.apply(items));
            batchTimes.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        } catch (RuntimeException batchFailure) {
            if (batch.size() == 1) {
                batch.get(0).result().completeExceptionally(batchFailure);
                return;
            }
            log.debug("{}: batch of {} failed ({}), retrying each alone", name, batch.size(), batchFailure.toString());
            batch.forEach(this::executeAlone);
            return;
        }
        complete(batch, outcomes);
    }

    private void executeAlone(Pending<T, R> pending) {
        try {
            complete(List.of(pending), tx.execute(s -> work.apply(List.of(pending.item()))));
        } catch (RuntimeException failure) {
            pending.result().completeExceptionally(failure);
        }
    }

    private void complete(List<Pending<T, R>> batch, List<Outcome<R>> outcomes) {
        if (outcomes == null || outcomes.size() != batch.size()) {
            throw new IllegalStateException(name + " returned " + (outcomes == null ? "nothing" : outcomes.size() + " outcomes")
                    + " for " + batch.size() + " items");
        }
        for (int i = 0; i < batch.size(); i++) {
            Outcome<R> o = outcomes.get(i);
            if (o.refusal() != null) {
                batch.get(i).result().completeExceptionally(o.refusal());
            } else {
                batch.get(i).result().complete(o.value());
            }
        }
    }

    private void failWaiting() {
        Pending<T, R> p;
        while ((p = queue.poll()) != null) {
            p.result().completeExceptionally(new IllegalStateException(name + " is shut down"));
        }
    }

    @Override
    public void close() {
        open = false;
        for (Thread t : workers) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        failWaiting();
    }
}
