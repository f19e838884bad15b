package statelab.localaws.esm.worker;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import statelab.localaws.esm.reader.StreamRecord;

/**
 * Records read from one shard and not yet taken into a batch, one queue per parallel slot. A record goes to
 * the slot of its partition key, so records of one key stay in order and are never in two batches at once
 * (ParallelizationFactor). The reader fills it while the function runs (throughput is the function's, not
 * the poller's) and waits when it is full; a slot takes a batch when it has enough records, when the batching
 * window ends, or when the payload limit would be reached.
 */
final class ShardBuffer {
    /** a rough event size per record for the window's "payload would pass 6 MB" rule; the exact cut comes later */
    private static final int ENVELOPE_ESTIMATE = 600;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<ArrayDeque<StreamRecord>> slots = new ArrayList<>();
    private final long[] estimatedBytes;
    private boolean closed;

    ShardBuffer(int slotCount) {
        for (int i = 0; i < slotCount; i++) {
            slots.add(new ArrayDeque<>());
        }
        estimatedBytes = new long[slotCount];
    }

    int slotCount() {
        return slots.size();
    }

    int slotOf(String partitionKey) {
        return Math.floorMod(partitionKey.hashCode(), slots.size());
    }

    static long estimate(StreamRecord record) {
        return (record.data().length + 2L) / 3 * 4 + record.partitionKey().length() + ENVELOPE_ESTIMATE;
    }

    void add(List<StreamRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        lock.lock();
        try {
            for (StreamRecord record : records) {
                int slot = slotOf(record.partitionKey());
                slots.get(slot).addLast(record);
                estimatedBytes[slot] += estimate(record);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Puts records that did not fit a batch back in front of their slot, in order. */
    void putBack(int slot, List<StreamRecord> records) {
        lock.lock();
        try {
            for (int i = records.size() - 1; i >= 0; i--) {
                slots.get(slot).addFirst(records.get(i));
                estimatedBytes[slot] += estimate(records.get(i));
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until every slot has room (fewer than {@code maxRecords} records and {@code maxBytes} estimated
     * bytes); false when the buffer was closed.
     */
    boolean awaitRoom(int maxRecords, long maxBytes) {
        lock.lock();
        try {
            while (!closed && !hasRoom(maxRecords, maxBytes)) {
                changed.await();
            }
            return !closed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    private boolean hasRoom(int maxRecords, long maxBytes) {
        for (int i = 0; i < slots.size(); i++) {
            if (slots.get(i).size() >= maxRecords || estimatedBytes[i] >= maxBytes) {
                return false;
            }
        }
        return true;
    }

    /**
     * Takes up to {@code maxRecords} records of a slot, waiting until there are that many, or the estimated
     * payload reaches {@code maxBytes}, or {@code windowEndNanos} (System.nanoTime) has passed and there is at
     * least one. Empty only when the buffer was closed.
     */
    List<StreamRecord> take(int slot, int maxRecords, long maxBytes, long windowEndNanos) {
        lock.lock();
        try {
            ArrayDeque<StreamRecord> queue = slots.get(slot);
            while (!closed) {
                if (queue.size() >= maxRecords || estimatedBytes[slot] >= maxBytes) {
                    break;
                }
                long left = windowEndNanos - System.nanoTime();
                if (!queue.isEmpty() && left <= 0) {
                    break;
                }
                if (queue.isEmpty()) {
                    changed.await();
                } else {
                    changed.await(left, TimeUnit.NANOSECONDS);
                }
            }
            if (closed) {
                return List.of();
            }
            List<StreamRecord> taken = new ArrayList<>(Math.min(maxRecords, queue.size()));
            while (taken.size() < maxRecords && !queue.isEmpty()) {
                StreamRecord record = queue.pollFirst();
                estimatedBytes[slot] -= estimate(record);
                taken.add(record);
            }
            changed.signalAll();
            return taken;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return slots.stream().mapToInt(ArrayDeque::size).sum();
        } finally {
            lock.unlock();
        }
    }

    void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
