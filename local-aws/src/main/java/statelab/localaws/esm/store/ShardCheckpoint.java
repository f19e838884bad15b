package statelab.localaws.esm.store;

import statelab.localaws.esm.model.SequenceNumber;

/**
 * How far a mapping got in one shard: the last sequence number whose record and every record before it were
 * processed (or given up). Never an iterator: those expire.
 *
 * @param sequenceNumber null when nothing of the shard was processed yet
 * @param shardFinished the shard is closed and every record of it was processed: its children may start
 */
public record ShardCheckpoint(String mappingUuid, String shardId, SequenceNumber sequenceNumber,
        boolean shardFinished, long updatedMillis) {
}
