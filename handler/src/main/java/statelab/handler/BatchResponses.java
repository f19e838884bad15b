package statelab.handler;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.util.List;
import java.util.Optional;

/**
 * The partial batch response, and the only place a {@code BatchItemFailure} is built.
 *
 * <p>One item at most: the first record, in stream order, that could not be written. Lambda checkpoints before it and
 * redelivers from it on, so later records, written or not, come again; the write condition makes that harmless.
 * Rejected records never appear here: retrying cannot cure them and would block the shard.
 */
final class BatchResponses {
    private BatchResponses() {
    }

    static StreamsEventResponse success() {
        return new StreamsEventResponse(List.of());
    }

    static StreamsEventResponse retryFrom(String sequenceNumber) {
        return new StreamsEventResponse(List.of(new StreamsEventResponse.BatchItemFailure(sequenceNumber)));
    }

    static StreamsEventResponse of(Optional<RecordResult> firstFailure) {
        return firstFailure.map(failure -> retryFrom(failure.record().sequenceNumber())).orElseGet(BatchResponses::success);
    }
}
