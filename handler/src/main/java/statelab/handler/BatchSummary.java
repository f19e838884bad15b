package statelab.handler;

import java.util.List;

/**
 * The counts of one invocation. {@code written + duplicateOrStale + rejected + failed == records}.
 *
 * @param firstFailedSequenceNumber the record the mapping will redeliver from; null when nothing failed
 */
record BatchSummary(String shardId, int records, int written, int duplicateOrStale, int rejected, int failed,
                    long millis, String firstFailedSequenceNumber) {

    static BatchSummary of(String shardId, List<RecordResult> inStreamOrder, long millis) {
        return new BatchSummary(shardId, inStreamOrder.size(),
                BatchResults.count(inStreamOrder, Outcome.WRITTEN),
                BatchResults.count(inStreamOrder, Outcome.DUPLICATE_OR_STALE),
                BatchResults.count(inStreamOrder, Outcome.REJECTED),
                BatchResults.count(inStreamOrder, Outcome.FAILED),
                millis,
                BatchResults.firstFailure(inStreamOrder).map(result -> result.record().sequenceNumber()).orElse(null));
    }
}
