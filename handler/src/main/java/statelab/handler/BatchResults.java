package statelab.handler;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One slot per record of the batch, filled by the writer threads as they finish. Thread-safe: each slot is set at
 * most once, atomically, and the readers run after every writer task has completed.
 */
final class BatchResults {
    private final AtomicReferenceArray<RecordResult> slots;

    BatchResults(int recordCount) {
        this.slots = new AtomicReferenceArray<>(recordCount);
    }

    void record(RecordResult result) {
        if (!slots.compareAndSet(result.record().position(), null, result)) {
            throw new IllegalStateException("record " + result.record().position() + " already has an outcome");
        }
    }

    /** The results in stream order; throws if a record was left without an outcome (a bug, never bad input). */
    List<RecordResult> inStreamOrder() {
        List<RecordResult> results = new ArrayList<>(slots.length());
        for (int i = 0; i < slots.length(); i++) {
            RecordResult result = slots.get(i);
            if (result == null) {
                throw new IllegalStateException("record " + i + " has no outcome");
            }
            results.add(result);
        }
        return results;
    }

    /** The first record, in stream order, that a retry must redeliver. */
    static Optional<RecordResult> firstFailure(List<RecordResult> inStreamOrder) {
        return inStreamOrder.stream().filter(result -> result.outcome() == Outcome.FAILED).findFirst();
    }

    static int count(List<RecordResult> results, Outcome outcome) {
        return (int) results.stream().filter(result -> result.outcome() == outcome).count();
    }
}
