package statelab.handler;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** One call of the handler as Lambda makes it, with what it answered or threw and what it logged. */
record Invocation(StreamsEventResponse response, RuntimeException thrown, CapturingLogger log) {

    static Invocation of(StateLambda handler, KinesisEvent event) {
        LambdaContextStub context = new LambdaContextStub();
        try {
            return new Invocation(handler.handleRequest(event, context), null, context.log());
        } catch (RuntimeException e) {
            return new Invocation(null, e, context.log());
        }
    }

    /** The sequence numbers the handler asked the mapping to redeliver from. */
    List<String> failedItems() {
        if (response == null) {
            throw new AssertionError("the invocation threw " + thrown);
        }
        return response.getBatchItemFailures().stream()
                .map(StreamsEventResponse.BatchItemFailure::getItemIdentifier).toList();
    }

    JsonNode summary() {
        return log.onlyLineOf(JsonLog.BATCH_SUMMARY);
    }

    /**
     * What the event source mapping does with a batch (kinesis-esm-semantics.md, sections 3 and 4): a thrown error
     * retries the whole batch, a partial failure retries from the reported record on, success ends it.
     */
    static List<Invocation> deliverUntilDone(StateLambda handler, KinesisEvent event, int maxInvocations) {
        List<Invocation> invocations = new ArrayList<>();
        KinesisEvent batch = event;
        while (invocations.size() < maxInvocations) {
            Invocation invocation = of(handler, batch);
            invocations.add(invocation);
            if (invocation.thrown() != null) {
                continue;
            }
            List<String> failed = invocation.failedItems();
            if (failed.isEmpty()) {
                return invocations;
            }
            batch = KinesisEvents.from(batch, failed.get(0));
        }
        throw new AssertionError("the batch was not done after " + maxInvocations + " invocations");
    }
}
