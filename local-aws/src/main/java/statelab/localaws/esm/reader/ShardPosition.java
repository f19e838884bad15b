package statelab.localaws.esm.reader;

import statelab.localaws.esm.model.SequenceNumber;

/** Where to open a shard iterator. Never persisted as an iterator: a checkpoint is an {@link AfterSequence}. */
public sealed interface ShardPosition {

    record TrimHorizon() implements ShardPosition {
    }

    record Latest() implements ShardPosition {
    }

    record AtTimestamp(long epochMillis) implements ShardPosition {
    }

    record AfterSequence(SequenceNumber sequenceNumber) implements ShardPosition {
    }
}
