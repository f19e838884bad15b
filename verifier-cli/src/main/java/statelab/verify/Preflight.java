package statelab.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.kinesis.model.StreamDescriptionSummary;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.ListEventSourceMappingsResponse;
import statelab.trade.TradeFields;

/**
 * The checks before anything is put: the stream is ACTIVE, the table exists with the key {@code id (S)}, the
 * function exists and is not failed, and a mapping from the stream to the function exists and is Enabled. The first
 * failure ends the run with one sentence that says what to do.
 */
public final class Preflight {

    /** What the checks found; {@code checks} are the lines {@code verify-lab preflight} prints. */
    public record Result(String streamArn, int openShards, String mappingUuid, Integer batchSize, List<String> checks) {
    }

    private final AwsClients clients;
    private final LabTarget target;
    private final Environment environment;
    private final String endpoint;

    public Preflight(AwsClients clients, LabTarget target, Environment environment) {
        this.clients = clients;
        this.target = target;
        this.environment = environment;
        this.endpoint = target.endpointDescription(environment);
    }

    public Result run() {
        List<String> checks = new ArrayList<>();
        StreamDescriptionSummary stream = stream();
        checks.add("stream " + target.streamName() + " is ACTIVE with " + stream.openShardCount() + " open shard"
                + (stream.openShardCount() == 1 ? "" : "s"));
        table();
        checks.add("table " + target.tableName() + " exists with the key id (S)");
        GetFunctionConfigurationResponse function = function();
        checks.add("function " + target.functionName() + " exists"
                + (function.stateAsString() != null ? " and is " + function.stateAsString() : ""));
        EventSourceMappingConfiguration mapping = mapping(stream.streamARN());
        checks.add("mapping " + mapping.uuid() + " from " + target.streamName() + " to " + target.functionName()
                + " is Enabled" + (mapping.batchSize() != null ? " (batch size " + mapping.batchSize() + ")" : ""));
        return new Result(stream.streamARN(), stream.openShardCount(), mapping.uuid(), mapping.batchSize(), checks);
    }

    private StreamDescriptionSummary stream() {
        StreamDescriptionSummary stream = call("kinesis:DescribeStreamSummary on " + target.streamName(),
                () -> clients.kinesis().describeStreamSummary(r -> r.streamName(target.streamName()))
                        .streamDescriptionSummary(),
                "Stream " + target.streamName() + " does not exist in " + where() + ": " + environment.makeApply()
                        + ".");
        if (stream.streamStatus() != StreamStatus.ACTIVE) {
            throw new PreflightException("Stream " + target.streamName() + " is " + stream.streamStatusAsString()
                    + ", not ACTIVE: wait until it is ACTIVE, or " + environment.makeApply() + ".");
        }
        return stream;
    }

    private void table() {
        TableDescription table = call("dynamodb:DescribeTable on " + target.tableName(),
                () -> clients.dynamoDb().describeTable(r -> r.tableName(target.tableName())).table(),
                "Table " + target.tableName() + " does not exist in " + where() + ": " + environment.makeApply()
                        + ".");
        List<KeySchemaElement> keys = table.keySchema();
        boolean idIsTheKey = keys.size() == 1 && keys.get(0).keyType() == KeyType.HASH
                && TradeFields.ITEM_ID.equals(keys.get(0).attributeName())
                && table.attributeDefinitions().stream().filter(a -> TradeFields.ITEM_ID.equals(a.attributeName()))
                        .map(AttributeDefinition::attributeTypeAsString).anyMatch("S"::equals);
        if (!idIsTheKey) {
            throw new PreflightException("Table " + target.tableName() + " is not keyed by the string id that "
                    + "StateLambda writes: " + environment.makeApply() + " or pass the lab's table with --table.");
        }
    }

    private GetFunctionConfigurationResponse function() {
        GetFunctionConfigurationResponse function = call("lambda:GetFunctionConfiguration on "
                        + target.functionName(),
                () -> clients.lambda().getFunctionConfiguration(r -> r.functionName(target.functionName())),
                "Function " + target.functionName() + " does not exist in " + where() + ": "
                        + environment.makeApply() + ".");
        if ("Failed".equals(function.stateAsString())) {
            throw new PreflightException("Function " + target.functionName() + " is Failed ("
                    + function.stateReason() + "): " + environment.makeApply() + " to deploy it again.");
        }
        return function;
    }

    private EventSourceMappingConfiguration mapping(String streamArn) {
        ListEventSourceMappingsResponse list = call("lambda:ListEventSourceMappings for " + target.functionName(),
                () -> clients.lambda().listEventSourceMappings(r -> r.functionName(target.functionName())
                        .eventSourceArn(streamArn)),
                "Function " + target.functionName() + " does not exist in " + where() + ": "
                        + environment.makeApply() + ".");
        List<EventSourceMappingConfiguration> mappings = list.eventSourceMappings().stream()
                .filter(m -> streamArn.equals(m.eventSourceArn()))
                .toList();
        if (mappings.isEmpty()) {
            throw new PreflightException("No event source mapping connects stream " + target.streamName()
                    + " to function " + target.functionName() + ": " + environment.makeApply() + ".");
        }
        EventSourceMappingConfiguration mapping = mappings.stream()
                .filter(m -> target.mappingUuid() == null || target.mappingUuid().equals(m.uuid()))
                .findFirst()
                .orElse(mappings.get(0));
        String state = mapping.state();
        if ("Enabled".equals(state)) {
            return mapping;
        }
        String reason = mapping.stateTransitionReason() == null || mapping.stateTransitionReason().isBlank()
                ? "" : " (StateTransitionReason: " + mapping.stateTransitionReason() + ")";
        if ("Creating".equals(state) || "Enabling".equals(state) || "Updating".equals(state)) {
            throw new PreflightException("The mapping from " + target.streamName() + " to " + target.functionName()
                    + " is " + state + ", not Enabled" + reason + ": wait a few seconds and run verify-lab again.");
        }
        throw new PreflightException("The mapping from " + target.streamName() + " to " + target.functionName()
                + " is " + state + ", not Enabled" + reason + ": enable it (aws lambda update-event-source-mapping "
                + "--uuid " + mapping.uuid() + " --enabled) or " + environment.makeApply() + ".");
    }

    private String where() {
        String endpointName = target.endpointDescription(environment);
        return (target.region() != null ? target.region() + " at " : "") + endpointName;
    }

    private <T> T call(String action, Supplier<T> call, String notFound) {
        try {
            return call.get();
        } catch (SdkException e) {
            if (AwsErrors.isNotFound(e)) {
                throw new PreflightException(notFound, e);
            }
            throw new PreflightException(AwsErrors.sentence(action, e, endpoint, environment), e);
        }
    }
}
