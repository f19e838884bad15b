package statelab.handler;

import java.util.List;

/**
 * What to do with one batch: the trades to write, grouped by TradeID, and the records to skip.
 *
 * @param shardId     the shard every record of the batch comes from (null for an empty batch)
 * @param recordCount how many records the event holds
 * @param groups      one per TradeID, in order of first appearance
 * @param rejections  in stream order
 */
record BatchPlan(String shardId, int recordCount, List<TradeGroup> groups, List<Rejection> rejections) {
    BatchPlan {
        groups = List.copyOf(groups);
        rejections = List.copyOf(rejections);
    }
}
