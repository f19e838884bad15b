package statelab.localaws.esm.worker;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import statelab.localaws.esm.model.SequenceNumber;

/**
 * Which records of a shard are done, and so how far the checkpoint may go: to the last record such that it and
 * every record fetched before it were processed or given up. With parallel slots, batches finish out of order;
 * the checkpoint still never passes a record that is not done. Thread-safe.
 */
final class ShardProgress {
    /** fetched records not yet behind the checkpoint, in sequence order, and whether each is done */
    private final TreeMap<SequenceNumber, Boolean> pending = new TreeMap<>();
    private SequenceNumber checkpoint;

    ShardProgress(SequenceNumber checkpoint) {
        this.checkpoint = checkpoint;
    }

    synchronized void fetched(Collection<SequenceNumber> sequenceNumbers) {
        for (SequenceNumber sequenceNumber : sequenceNumbers) {
            pending.put(sequenceNumber, Boolean.FALSE);
        }
    }

    /** Marks records done; returns the new checkpoint when it moved. */
    synchronized Optional<SequenceNumber> completed(Collection<SequenceNumber> sequenceNumbers) {
        for (SequenceNumber sequenceNumber : sequenceNumbers) {
            pending.replace(sequenceNumber, Boolean.TRUE);
        }
        SequenceNumber moved = null;
        while (!pending.isEmpty()) {
            Map.Entry<SequenceNumber, Boolean> first = pending.firstEntry();
            if (!first.getValue()) {
                break;
            }
            moved = first.getKey();
            pending.pollFirstEntry();
        }
        if (moved == null) {
            return Optional.empty();
        }
        checkpoint = moved;
        return Optional.of(moved);
    }

    synchronized boolean allDone() {
        return pending.isEmpty();
    }

    synchronized SequenceNumber checkpoint() {
        return checkpoint;
    }
}
