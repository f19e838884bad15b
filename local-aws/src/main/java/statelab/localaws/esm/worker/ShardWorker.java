package statelab.localaws.esm.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import statelab.localaws.esm.invoke.BatchRecord;
import statelab.localaws.esm.invoke.KinesisEvent;
import statelab.localaws.esm.model.Mapping;
import statelab.localaws.esm.model.SequenceNumber;
import statelab.localaws.esm.reader.ShardCursor;
import statelab.localaws.esm.reader.ShardPosition;
import statelab.localaws.esm.reader.StreamReader;
import statelab.localaws.esm.reader.StreamRecord;
import statelab.localaws.esm.store.ShardCheckpoint;

/**
 * Everything a mapping does with one shard: a reader thread that polls it (at the poll interval when idle,
 * at once while records are waiting) into a buffer, one {@link SlotWorker} thread per parallel slot that
 * invokes the function, and the checkpoint, written after every batch that moves it. When the shard is closed
 * and every record of it is done, the checkpoint says so, and the mapping may start the shard's children.
 */
final class ShardWorker {
    private static final System.Logger LOG = System.getLogger(ShardWorker.class.getName());
    /** GetRecords returns at most 10,000 records */
    private static final int MAX_READ = 10_000;
    /** how many records a slot may hold beyond the one in flight, in batches */
    private static final int BUFFERED_BATCHES = 2;
    private static final int MIN_BUFFERED_RECORDS = 500;
    private static final int MAX_EMPTY_READS_BEHIND = 3;

    private final MappingRunner runner;
    private final RunnerServices services;
    private final String shardId;
    private final ShardPosition start;
    private final ShardProgress progress;
    private final ShardBuffer buffer;
    private final StopSignal stop = new StopSignal();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean readerEnded;
    private volatile boolean finished;

    ShardWorker(MappingRunner runner, RunnerServices services, String shardId, ShardPosition start,
            SequenceNumber checkpoint, int slots) {
        this.runner = runner;
        this.services = services;
        this.shardId = shardId;
        this.start = start;
        this.progress = new ShardProgress(checkpoint);
        this.buffer = new ShardBuffer(slots);
    }

    void start() {
        String prefix = "esm-" + runner.mapping().uuid().substring(0, 8) + "-" + shortId();
        threads.add(daemon(prefix + "-reader", this::readLoop));
        for (int slot = 0; slot < buffer.slotCount(); slot++) {
            threads.add(daemon(prefix + "-slot" + slot, new SlotWorker(this, slot, services, stop)));
        }
        threads.forEach(Thread::start);
    }

    /** Asks every thread to stop; a batch in flight is finished (and checkpointed) first. */
    void stop() {
        stop.stop();
        buffer.close();
    }

    /** Waits up to {@code timeout} for the threads; true when all ended. */
    boolean awaitStopped(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread thread : threads) {
            long left = deadline - System.nanoTime();
            try {
                if (left > 0) {
                    thread.join(Math.max(1, left / 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return threads.stream().noneMatch(Thread::isAlive);
    }

    boolean finished() {
        return finished;
    }

    String shardId() {
        return shardId;
    }

    String mappingUuid() {
        return runner.mapping().uuid();
    }

    Mapping mapping() {
        return runner.mapping();
    }

    ShardBuffer buffer() {
        return buffer;
    }

    private void readLoop() {
        ShardCursor cursor = new ShardCursor(services.reader(), runner.mapping().stream(), shardId, start);
        int failuresInARow = 0;
        int emptyReadsBehind = 0;
        while (!stop.stopped()) {
            int batchSize = runner.mapping().config().batchSize();
            int capacity = Math.max(BUFFERED_BATCHES * batchSize, MIN_BUFFERED_RECORDS);
            if (!buffer.awaitRoom(capacity, BUFFERED_BATCHES * KinesisEvent.MAX_PAYLOAD_BYTES)) {
                return;
            }
            ShardCursor.Page page;
            try {
                page = cursor.next(Math.min(MAX_READ, capacity));
                if (failuresInARow > 0) {
                    LOG.log(System.Logger.Level.INFO, describe() + ": reading again after " + failuresInARow
                            + " failed attempts");
                }
                failuresInARow = 0;
            } catch (StreamReader.StreamUnavailableException | StreamReader.StreamNotFoundException e) {
                failuresInARow++;
                if (Integer.bitCount(failuresInARow) == 1) {
                    LOG.log(System.Logger.Level.WARNING, describe() + ": " + e.getMessage() + " (attempt "
                            + failuresInARow + "; retrying)");
                }
                stop.pause(services.readBackoff().delay(failuresInARow));
                continue;
            } catch (RuntimeException e) {
                failuresInARow++;
                LOG.log(System.Logger.Level.ERROR, describe() + ": reading failed; retrying", e);
                stop.pause(services.readBackoff().delay(failuresInARow));
                continue;
            }
            if (!page.records().isEmpty()) {
                progress.fetched(page.records().stream().map(StreamRecord::sequenceNumber).toList());
                buffer.add(page.records());
            }
            if (page.shardEnded()) {
                readerEnded = true;
                finishIfDone();
                return;
            }
            emptyReadsBehind = page.records().isEmpty() && page.millisBehindLatest() > 0 ? emptyReadsBehind + 1 : 0;
            if (page.records().isEmpty() && (page.millisBehindLatest() == 0 || emptyReadsBehind > MAX_EMPTY_READS_BEHIND)) {
                // caught up: wait for the poll interval; while records are waiting, read on at once (but never
                // spin on a stream that keeps saying it is behind without handing out records)
                emptyReadsBehind = 0;
                stop.pause(services.pollInterval());
            }
        }
    }

    /** Records processed or given up by a slot: moves (and persists) the checkpoint when it can. */
    synchronized void completed(List<BatchRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        Optional<SequenceNumber> moved = progress.completed(records.stream().map(BatchRecord::sequenceNumber).toList());
        moved.ifPresent(sequenceNumber -> write(sequenceNumber, false));
        finishIfDone();
    }

    private synchronized void finishIfDone() {
        if (finished || !readerEnded || !progress.allDone()) {
            return;
        }
        write(progress.checkpoint(), true);
        finished = true;
        LOG.log(System.Logger.Level.INFO, describe() + ": shard closed and fully processed");
        stop();
        runner.shardFinished(shardId);
    }

    private void write(SequenceNumber sequenceNumber, boolean shardFinished) {
        services.checkpoints().write(new ShardCheckpoint(mappingUuid(), shardId, sequenceNumber, shardFinished,
                services.clock().millis()));
    }

    private String describe() {
        return "event source mapping " + mappingUuid() + " " + shardId;
    }

    private String shortId() {
        int dash = shardId.lastIndexOf('-');
        return dash < 0 ? shardId : shardId.substring(dash + 1).replaceFirst("^0+(?=.)", "");
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }
}
