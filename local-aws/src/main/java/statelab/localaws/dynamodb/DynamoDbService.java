package statelab.localaws.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import statelab.localaws.ServiceContext;
import statelab.localaws.edge.AwsException;
import statelab.localaws.edge.AwsRequest;
import statelab.localaws.edge.AwsResponse;
import statelab.localaws.edge.AwsService;
import statelab.localaws.emulators.EmulatorForwarder;
import statelab.localaws.emulators.EmulatorSupervisor;
import statelab.localaws.protocol.Input;
import statelab.localaws.protocol.Json;
import statelab.localaws.protocol.JsonRpcProtocol;
import statelab.localaws.store.JsonFileStore;

/**
 * DynamoDB: dynalite answers the data plane and the table calls it knows; the control calls Terraform's
 * {@code aws_dynamodb_table} makes that dynalite lacks are answered here ({@link TableControlCalls}), and
 * the stream specification, which dynalite drops, is kept here and shown in the table descriptions
 * ({@link TableDescriptions}).
 */
public final class DynamoDbService implements AwsService {
    static final String TARGET_PREFIX = "DynamoDB_20120810";
    static final String CONTENT_TYPE = "application/x-amz-json-1.0";

    /** An operation answered (or finished) by local-aws rather than passed through. */
    @FunctionalInterface
    interface LocalOperation {
        AwsResponse apply(AwsRequest request, Input input);
    }

    private final EmulatorForwarder forwarder;
    private final JsonRpcProtocol errors = new JsonRpcProtocol("DynamoDB", TARGET_PREFIX, CONTENT_TYPE, Map.of());
    private final Map<String, LocalOperation> localOperations = new HashMap<>();
    /** What dynalite 4.0.0 implements (its actions/ folder); anything else gets an error naming it. */
    private static final Set<String> DYNALITE_OPERATIONS = Set.of("BatchGetItem", "BatchWriteItem", "CreateTable",
            "DeleteItem", "DeleteTable", "DescribeTable", "DescribeTimeToLive", "GetItem", "ListTables",
            "ListTagsOfResource", "PutItem", "Query", "Scan", "TagResource", "UntagResource", "UpdateItem", "UpdateTable");

    public DynamoDbService(ServiceContext context, EmulatorSupervisor emulators) {
        this.forwarder = new EmulatorForwarder("DynamoDB", emulators::dynamodb,
                () -> emulators.isReady(EmulatorSupervisor.DYNAMODB), Duration.ofSeconds(60));
        JsonFileStore<TableSettings> store = new JsonFileStore<>(context.folder("dynamodb").resolve("tables"),
                TableSettings.class);
        new TableControlCalls(this, store, context.clock()).register(localOperations);
        new TableDescriptions(this, store, context.clock()).register(localOperations);
    }

    @Override
    public Set<String> signingNames() {
        return Set.of("dynamodb");
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
        try {
            String target = request.header("X-Amz-Target");
            String operation = target == null || target.indexOf('.') < 0 ? null : target.substring(target.indexOf('.') + 1);
            if (target != null && !target.startsWith(TARGET_PREFIX + ".")) {
                throw AwsException.notImplemented("DynamoDB", target + " (only " + TARGET_PREFIX
                        + " is served; DynamoDB Streams is not emulated)");
            }
            LocalOperation local = operation == null ? null : localOperations.get(operation);
            if (local == null) {
                if (operation != null && !DYNALITE_OPERATIONS.contains(operation)) {
                    throw AwsException.notImplemented("DynamoDB", operation);
                }
                return forwarder.forward(request);
            }
            return local.apply(request, new Input(Json.readRequestObject(request.body())));
        } catch (AwsException e) {
            return errors.error(e);
        }
    }

    /** Sends the request as it is to dynalite. */
    AwsResponse forward(AwsRequest request) {
        return forwarder.forward(request);
    }

    /** Sends another operation of the same caller to dynalite (e.g. DescribeTable to check that a table exists). */
    AwsResponse call(AwsRequest original, String operation, JsonNode body) {
        Map<String, List<String>> headers = new LinkedHashMap<>(original.headers());
        headers.put("X-Amz-Target", List.of(TARGET_PREFIX + "." + operation));
        headers.put("Content-Type", List.of(CONTENT_TYPE));
        AwsRequest request = new AwsRequest("POST", "/", "/", "", headers, Json.bytes(body), original.requestId(),
                original.scope());
        return forwarder.forward(request);
    }

    /** dynalite's DescribeTable answer for a table, or its error response (as a client would get it). */
    DescribedTable describe(AwsRequest original, String tableName) {
        ObjectNode body = Json.object().put("TableName", tableName);
        AwsResponse response = call(original, "DescribeTable", body);
        if (response.status() != 200) {
            return new DescribedTable(null, response);
        }
        return new DescribedTable((ObjectNode) Json.readRequestObject(response.body()).get("Table"), response);
    }

    /** A table description, or (when {@code table} is null) the error answer to return as it is. */
    record DescribedTable(ObjectNode table, AwsResponse errorResponse) {
        boolean exists() {
            return table != null;
        }
    }

    /** A JSON answer with the CRC32 header the DynamoDB SDKs check. */
    static AwsResponse ok(JsonNode body) {
        return withBody(200, Map.of(), Json.bytes(body));
    }

    /** A copy of a (dynalite) response with a new body; its CRC32 header is computed again. */
    static AwsResponse withBody(int status, Map<String, String> headers, byte[] body) {
        Map<String, String> copy = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("x-amz-crc32") && !name.equalsIgnoreCase("content-type")) {
                copy.put(name, value);
            }
        });
        CRC32 crc = new CRC32();
        crc.update(body);
        copy.put("Content-Type", CONTENT_TYPE);
        copy.put("x-amz-crc32", Long.toString(crc.getValue()));
        return new AwsResponse(status, copy, body);
    }

    static String text(AwsResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
