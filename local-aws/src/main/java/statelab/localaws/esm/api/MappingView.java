package statelab.localaws.esm.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import statelab.localaws.config.AwsNames;
import statelab.localaws.esm.invoke.KinesisEvent;
import statelab.localaws.esm.model.Mapping;
import statelab.localaws.esm.model.MappingConfig;
import statelab.localaws.protocol.Json;

/**
 * A mapping as Create, Get, Update, Delete and List return it for a Kinesis source: every key present even at
 * its default, as current AWS does (kinesis-esm-semantics.md §5), so that Terraform reads back exactly what it
 * wrote and a second plan shows no change.
 */
final class MappingView {
    private MappingView() {
    }

    static ObjectNode of(Mapping mapping, AwsNames names) {
        MappingConfig config = mapping.config();
        ObjectNode view = Json.object();
        view.put("BatchSize", config.batchSize());
        view.put("BisectBatchOnFunctionError", config.bisectBatchOnFunctionError());
        ObjectNode onFailure = view.putObject("DestinationConfig").putObject("OnFailure");
        if (config.onFailureDestination() != null) {
            onFailure.put("Destination", config.onFailureDestination());
        }
        view.put("EventSourceArn", mapping.eventSourceArn());
        view.put("EventSourceMappingArn", names.eventSourceMappingArn(mapping.region(), mapping.uuid()));
        view.put("FunctionArn", mapping.functionArn());
        var responseTypes = view.putArray("FunctionResponseTypes");
        if (config.reportBatchItemFailures()) {
            responseTypes.add(MappingSettings.REPORT_BATCH_ITEM_FAILURES);
        }
        view.putRawValue("LastModified", epochSeconds(mapping.lastModifiedMillis()));
        view.put("LastProcessingResult", mapping.lastProcessingResult());
        view.put("MaximumBatchingWindowInSeconds", config.maximumBatchingWindowInSeconds());
        view.put("MaximumRecordAgeInSeconds", config.maximumRecordAgeInSeconds());
        view.put("MaximumRetryAttempts", config.maximumRetryAttempts());
        view.put("ParallelizationFactor", config.parallelizationFactor());
        view.put("StartingPosition", mapping.startingPosition().name());
        if (mapping.startingPositionTimestampMillis() != null) {
            view.putRawValue("StartingPositionTimestamp", epochSeconds(mapping.startingPositionTimestampMillis()));
        }
        view.put("State", mapping.state().name());
        view.put("StateTransitionReason", mapping.stateTransitionReason());
        view.put("TumblingWindowInSeconds", 0);
        view.put("UUID", mapping.uuid());
        return view;
    }

    /** Epoch seconds written as AWS writes them ({@code 1733300000.123}), never in exponent form. */
    private static RawValue epochSeconds(long millis) {
        return new RawValue(KinesisEvent.epochSeconds(millis));
    }
}
