package statelab.handler;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Applies a batch's trade groups: different TradeIDs at the same time on a small fixed pool (so a batch of 100 is
 * not 100 round trips in a row), the records of one TradeID one after the other in stream order.
 *
 * <p>When a record of a TradeID fails, the later records of that TradeID are not attempted (and count as failed):
 * the mapping redelivers them anyway, and writing a later version first would let the table skip a version that the
 * stream gave in order. Other TradeIDs go on: their progress is kept, and redelivery finds them already written.
 */
final class TradeGroupExecutor {
    static final String NOT_ATTEMPTED = "not attempted: an earlier record of this TradeID failed";

    private final TradeWriter writer;
    private final ExecutorService pool;

    /** Builds the pool once per execution environment; its threads are daemons and idle between invocations. */
    TradeGroupExecutor(TradeWriter writer, int concurrency) {
        this.writer = writer;
        this.pool = Executors.newFixedThreadPool(concurrency, daemonThreads());
    }

    /** Blocks until every group is done; each record's outcome goes into {@code results}. */
    void apply(List<TradeGroup> groups, BatchResults results) {
        List<Callable<Void>> tasks = new ArrayList<>(groups.size());
        for (TradeGroup group : groups) {
            tasks.add(() -> {
                applyInOrder(group, results);
                return null;
            });
        }
        try {
            for (Future<Void> done : pool.invokeAll(tasks)) {
                done.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the batch", e);
        } catch (ExecutionException e) {
            // not a DynamoDB outcome (those are results) but a bug: fail the invocation loudly
            throw new IllegalStateException("writing a trade group failed unexpectedly", e.getCause());
        }
    }

    private void applyInOrder(TradeGroup group, BatchResults results) {
        boolean failed = false;
        for (PlannedWrite write : group.writes()) {
            if (failed) {
                results.record(new RecordResult(write.record(), group.tradeId(), Outcome.FAILED, NOT_ATTEMPTED));
                continue;
            }
            WriteResult result = writer.write(write.trade());
            results.record(new RecordResult(write.record(), group.tradeId(), result.outcome(), result.detail()));
            failed = result.outcome() == Outcome.FAILED;
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "state-writer-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
