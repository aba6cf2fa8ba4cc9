package org.vendinghub.vend;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Group commit without a database: batching, per-item answers, and a failed batch retried one item at a time. */
class GroupCommitTest {

    private final Transactions transactions = new Transactions();
    private final List<List<Integer>> batches = new CopyOnWriteArrayList<>();
    private final ExecutorService callers = Executors.newFixedThreadPool(32);
    private GroupCommit<Integer, String> group;

    @AfterEach
    void stop() {
        callers.shutdownNow();
        if (group != null) {
            group.close();
        }
    }

    private GroupCommit<Integer, String> group(int batchMax, Function<List<Integer>, List<GroupCommit.Outcome<String>>> work) {
        group = new GroupCommit<>("test", 1, batchMax, Duration.ofSeconds(10), new TransactionTemplate(transactions), items -> {
            batches.add(List.copyOf(items));
            return work.apply(items);
        }, new SimpleMeterRegistry());
        return group;
    }

    /** Answers "n=<item>", refuses negative items alone, and fails the whole batch when it holds 13. */
    private static List<GroupCommit.Outcome<String>> answer(List<Integer> items) {
        if (items.size() > 1 && items.contains(13)) {
            throw new IllegalStateException("a constraint broke for the batch");
        }
        if (items.contains(13)) {
            throw new IllegalStateException("13 breaks it alone too");
        }
        return items.stream().map(i -> i < 0 ? GroupCommit.Outcome.<String>refused(new IllegalArgumentException("refused " + i))
                : GroupCommit.Outcome.of("n=" + i)).toList();
    }

    /**
     * Holds a first batch (item 0) in its transaction while {@code items} are submitted, so that they all queue up behind
     * it, then lets it finish; returns the futures of {@code items}.
     */
    private List<Future<String>> queuedBehindARunningBatch(int batchMax, List<Integer> items) throws Exception {
        CountDownLatch firstBatchRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        GroupCommit<Integer, String> g = group(batchMax, batch -> {
            if (batch.contains(0)) {
                firstBatchRunning.countDown();
                await(release);
            }
            return answer(batch);
        });
        Future<String> first = callers.submit(() -> g.submit(0));
        assertThat(firstBatchRunning.await(5, TimeUnit.SECONDS)).isTrue();
        List<Future<String>> futures = new ArrayList<>();
        items.forEach(i -> futures.add(callers.submit(() -> g.submit(i))));
        Thread.sleep(200); // they queue up behind the running batch
        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("n=0");
        return futures;
    }

    @Test
    void requests_arriving_while_a_batch_runs_go_together_into_the_next_one_and_each_caller_gets_its_own_answer() throws Exception {
        List<Integer> waiting = new ArrayList<>();
        for (int i = 100; i < 120; i++) {
            waiting.add(i);
        }
        List<Future<String>> others = queuedBehindARunningBatch(100, waiting);

        for (int i = 0; i < others.size(); i++) {
            assertThat(others.get(i).get(5, TimeUnit.SECONDS)).isEqualTo("n=" + waiting.get(i));
        }
        assertThat(batches).hasSize(2);
        assertThat(batches.get(1)).containsExactlyInAnyOrderElementsOf(waiting);
        assertThat(transactions.commits).hasValue(2);
    }

    @Test
    void a_refused_item_fails_only_its_own_caller() throws Exception {
        GroupCommit<Integer, String> g = group(100, GroupCommitTest::answer);
        assertThat(g.submit(5)).isEqualTo("n=5");
        assertThatThrownBy(() -> g.submit(-5)).isInstanceOf(IllegalArgumentException.class).hasMessage("refused -5");
    }

    @Test
    void when_a_whole_batch_fails_each_item_is_tried_again_alone_and_only_the_bad_one_fails() throws Exception {
        List<Future<String>> others = queuedBehindARunningBatch(100, List.of(11, 12, 13, 14));

        assertThat(others.get(0).get(5, TimeUnit.SECONDS)).isEqualTo("n=11");
        assertThat(others.get(1).get(5, TimeUnit.SECONDS)).isEqualTo("n=12");
        assertThat(others.get(3).get(5, TimeUnit.SECONDS)).isEqualTo("n=14");
        assertThatThrownBy(() -> others.get(2).get(5, TimeUnit.SECONDS)).hasRootCauseMessage("13 breaks it alone too");
        assertThat(transactions.rollbacks.get()).as("the batch of four and 13 alone").isEqualTo(2);
        assertThat(batches.subList(2, batches.size())).as("one at a time after the failed batch")
                .allSatisfy(b -> assertThat(b).hasSize(1));
    }

    @Test
    void a_batch_never_takes_more_than_its_maximum() throws Exception {
        List<Future<String>> others = queuedBehindARunningBatch(4, List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
        for (Future<String> f : others) {
            f.get(5, TimeUnit.SECONDS);
        }
        assertThat(batches).allSatisfy(b -> assertThat(b.size()).isLessThanOrEqualTo(4));
        assertThat(batches.stream().mapToInt(List::size).sum()).isEqualTo(11);
    }

    @Test
    void after_close_nothing_is_accepted() {
        GroupCommit<Integer, String> g = group(4, GroupCommitTest::answer);
        g.close();
        assertThatThrownBy(() -> g.submit(1)).isInstanceOf(IllegalStateException.class).hasMessage("test is shut down");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A transaction manager that only counts commits and rollbacks. */
    private static final class Transactions extends AbstractPlatformTransactionManager {
        final AtomicInteger commits = new AtomicInteger();
        final AtomicInteger rollbacks = new AtomicInteger();

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            commits.incrementAndGet();
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
            rollbacks.incrementAndGet();
        }
    }
}
