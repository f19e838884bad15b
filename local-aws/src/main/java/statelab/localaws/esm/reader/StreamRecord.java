package statelab.localaws.esm.reader;

import statelab.localaws.esm.model.SequenceNumber;

/** One record read from a shard, as the mapping needs it. {@code data} is never modified. */
public record StreamRecord(String shardId, SequenceNumber sequenceNumber, String partitionKey, byte[] data,
        long arrivalMillis) {
}
