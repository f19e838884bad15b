package statelab.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class TradeGroupExecutorTest {
    private final Trades trades = new Trades(7);
    private int nextPosition;

    private TradeGroup group(String tradeId, long... versions) {
        List<PlannedWrite> writes = new ArrayList<>();
        for (long version : versions) {
            int position = nextPosition++;
            writes.add(new PlannedWrite(new RecordRef(position, KinesisEvents.sequenceNumber(position)),
                    trades.version(tradeId, version)));
        }
        return new TradeGroup(tradeId, writes);
    }

    private List<RecordResult> apply(TradeWriter writer, int concurrency, List<TradeGroup> groups) {
        BatchResults results = new BatchResults(nextPosition);
        new TradeGroupExecutor(writer, concurrency).apply(groups, results);
        return results.inStreamOrder();
    }

    @Test
    void appliesTheRecordsOfOneTradeIdInStreamOrder() {
        InMemoryStateTable table = new InMemoryStateTable().duringWrite(() -> sleep(2));
        List<TradeGroup> groups = List.of(group("a", 1, 3, 2, 3, 7), group("b", 0), group("c", 5, 4));
        List<RecordResult> results = apply(table, 4, groups);

        assertEquals(List.of(1L, 3L, 2L, 3L, 7L), table.versionsAttempted("a"));
        assertEquals(List.of(5L, 4L), table.versionsAttempted("c"));
        assertEquals(List.of(Outcome.WRITTEN, Outcome.WRITTEN, Outcome.DUPLICATE_OR_STALE, Outcome.DUPLICATE_OR_STALE,
                Outcome.WRITTEN, Outcome.WRITTEN, Outcome.WRITTEN, Outcome.DUPLICATE_OR_STALE),
                results.stream().map(RecordResult::outcome).toList());
        assertEquals(7, table.items().get("a").version());
        assertEquals(5, table.items().get("c").version());
    }

    @Test
    void writesDifferentTradeIdsAtTheSameTime() {
        // each write waits until four are in flight together: only a concurrent executor gets past the barrier
        CyclicBarrier fourAtOnce = new CyclicBarrier(4);
        InMemoryStateTable table = new InMemoryStateTable().duringWrite(() -> await(fourAtOnce));
        List<RecordResult> results = apply(table, 4, List.of(group("a", 0), group("b", 0), group("c", 0), group("d", 0)));
        assertTrue(results.stream().allMatch(result -> result.outcome() == Outcome.WRITTEN), results.toString());
        assertEquals(4, table.maxInFlight());
    }

    @Test
    void neverWritesMoreTradeIdsAtOnceThanTheConcurrency() {
        InMemoryStateTable table = new InMemoryStateTable().duringWrite(() -> sleep(5));
        List<TradeGroup> groups = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            groups.add(group("t" + i, 0, 1));
        }
        apply(table, 3, groups);
        assertEquals(48, table.calls());
        assertTrue(table.maxInFlight() <= 3, "max in flight: " + table.maxInFlight());
    }

    @Test
    void aFailedRecordStopsItsTradeIdButNotTheOthers() {
        InMemoryStateTable table = new InMemoryStateTable().failing("b");
        List<RecordResult> results = apply(table, 2, List.of(group("a", 0, 1), group("b", 0, 1, 2), group("c", 0)));

        assertEquals(List.of(0L), table.versionsAttempted("b"), "later versions of b are not written ahead of v0");
        assertEquals(List.of(Outcome.WRITTEN, Outcome.WRITTEN, Outcome.FAILED, Outcome.FAILED, Outcome.FAILED,
                Outcome.WRITTEN), results.stream().map(RecordResult::outcome).toList());
        assertEquals("InternalServerError (HTTP 500): injected", results.get(2).detail());
        assertEquals(TradeGroupExecutor.NOT_ATTEMPTED, results.get(3).detail());
        assertEquals(1, table.items().get("a").version());
    }

    @Test
    void aRefusedRecordIsRejectedAndItsTradeIdGoesOn() {
        InMemoryStateTable table = new InMemoryStateTable().refusing("a");
        List<RecordResult> results = apply(table, 2, List.of(group("a", 0, 1)));
        assertEquals(List.of(0L, 1L), table.versionsAttempted("a"));
        assertEquals(List.of(Outcome.REJECTED, Outcome.REJECTED), results.stream().map(RecordResult::outcome).toList());
    }

    @Test
    void aBugInTheWriterFailsTheInvocationLoudly() {
        TradeWriter broken = trade -> {
            throw new NullPointerException("bug");
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> apply(broken, 2, List.of(group("a", 0))));
        assertTrue(e.getCause() instanceof NullPointerException);
    }

    @Test
    void runsManyBatchesOnTheSamePool() {
        InMemoryStateTable table = new InMemoryStateTable();
        TradeGroupExecutor executor = new TradeGroupExecutor(table, 3);
        for (int batch = 0; batch < 20; batch++) {
            nextPosition = 0;
            List<TradeGroup> groups = List.of(group("a", batch), group("b", batch));
            BatchResults results = new BatchResults(nextPosition);
            executor.apply(groups, results);
            assertEquals(2, results.inStreamOrder().size());
        }
        assertEquals(19, table.items().get("b").version());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
            throw new IllegalStateException("writes did not run concurrently", e);
        }
    }
}
