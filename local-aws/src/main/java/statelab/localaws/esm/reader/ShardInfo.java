package statelab.localaws.esm.reader;

/** A shard and its lineage: after a split or merge, a child is read only once its parents are finished. */
public record ShardInfo(String shardId, String parentShardId, String adjacentParentShardId) {
}
