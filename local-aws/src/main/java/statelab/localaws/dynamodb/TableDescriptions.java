package statelab.localaws.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import statelab.localaws.edge.AwsException;
import statelab.localaws.edge.AwsRequest;
import statelab.localaws.edge.AwsResponse;
import statelab.localaws.protocol.Input;
import statelab.localaws.protocol.Json;
import statelab.localaws.store.JsonFileStore;

/**
 * Table create/describe/update/delete pass through to dynalite, with one thing added: dynalite ignores a
 * table's {@code StreamSpecification}, so local-aws keeps it and shows it (with {@code LatestStreamArn} and
 * {@code LatestStreamLabel}) in every table description, as AWS does. No stream records are produced: the
 * DynamoDB Streams API is not emulated (README). The Tags of CreateTable, which dynalite also drops, are
 * applied with TagResource right after. Settings of a deleted table are dropped with it.
 */
final class TableDescriptions {
    private static final DateTimeFormatter STREAM_LABEL =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    private static final Set<String> VIEW_TYPES = Set.of("NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY");

    private final DynamoDbService service;
    private final JsonFileStore<TableSettings> store;
    private final Clock clock;

    TableDescriptions(DynamoDbService service, JsonFileStore<TableSettings> store, Clock clock) {
        this.service = service;
        this.store = store;
        this.clock = clock;
    }

    void register(Map<String, DynamoDbService.LocalOperation> operations) {
        operations.put("CreateTable", this::createTable);
        operations.put("DescribeTable", this::describeTable);
        operations.put("UpdateTable", this::updateTable);
        operations.put("DeleteTable", this::deleteTable);
    }

    private AwsResponse createTable(AwsRequest request, Input input) {
        String table = input.requiredString("TableName");
        StreamSpec stream = StreamSpec.read(input).orElse(StreamSpec.OFF);
        ObjectNode withoutStream = input.node().deepCopy();
        withoutStream.remove("StreamSpecification");
        // dynalite drops the Tags of CreateTable; they are put with TagResource once the table exists
        JsonNode tags = withoutStream.remove("Tags");
        AwsResponse response = service.call(request, "CreateTable", withoutStream);
        if (response.status() != 200) {
            return response;
        }
        if (tags != null && tags.isArray() && !tags.isEmpty()) {
            JsonNode arn = Json.readRequestObject(response.body()).path("TableDescription").path("TableArn");
            ObjectNode tagRequest = Json.object().put("ResourceArn", arn.asText());
            tagRequest.set("Tags", tags);
            AwsResponse tagged = service.call(request, "TagResource", tagRequest);
            if (tagged.status() != 200) {
                return tagged;
            }
        }
        TableSettings settings = TableSettings.DEFAULTS.withStream(stream.enabled(), stream.viewType(),
                stream.enabled() ? STREAM_LABEL.format(clock.instant()) : null);
        store.write(table, settings);
        return withStream(response, "TableDescription", settings);
    }

    private AwsResponse describeTable(AwsRequest request, Input input) {
        String table = input.requiredString("TableName");
        AwsResponse response = service.forward(request);
        if (response.status() != 200) {
            return response;
        }
        return withStream(response, "Table", store.read(table).orElse(TableSettings.DEFAULTS));
    }

    private AwsResponse updateTable(AwsRequest request, Input input) {
        String table = input.requiredString("TableName");
        java.util.Optional<StreamSpec> requested = StreamSpec.read(input);
        if (requested.isEmpty()) {
            AwsResponse response = service.forward(request);
            return response.status() != 200 ? response
                    : withStream(response, "TableDescription", store.read(table).orElse(TableSettings.DEFAULTS));
        }
        DynamoDbService.DescribedTable described = service.describe(request, table);
        if (!described.exists()) {
            return described.errorResponse();
        }
        TableSettings settings = store.read(table).orElse(TableSettings.DEFAULTS);
        StreamSpec stream = requested.get();
        if (stream.enabled() && settings.streamEnabled()) {
            throw AwsException.validation("Table already has an enabled stream: TableName: " + table);
        }
        if (!stream.enabled() && !settings.streamEnabled()) {
            throw AwsException.validation("Table already has a disabled stream: TableName: " + table);
        }
        ObjectNode rest = input.node().deepCopy();
        rest.remove("StreamSpecification");
        AwsResponse response;
        if (rest.size() > 1) {
            response = service.call(request, "UpdateTable", rest);
            if (response.status() != 200) {
                return response;
            }
        } else {
            ObjectNode body = Json.object();
            body.set("TableDescription", described.table());
            response = DynamoDbService.ok(body);
        }
        TableSettings updated = settings.withStream(stream.enabled(), stream.enabled() ? stream.viewType() : null,
                stream.enabled() ? STREAM_LABEL.format(clock.instant()) : null);
        store.write(table, updated);
        return withStream(response, "TableDescription", updated);
    }

    private AwsResponse deleteTable(AwsRequest request, Input input) {
        String table = input.requiredString("TableName");
        AwsResponse response = service.forward(request);
        if (response.status() == 200) {
            store.delete(table);
        }
        return response;
    }

    /** dynalite's answer with the stream members of AWS's TableDescription added when a stream is on. */
    private static AwsResponse withStream(AwsResponse response, String member, TableSettings settings) {
        if (!settings.streamEnabled()) {
            return response;
        }
        ObjectNode body = Json.readRequestObject(response.body());
        JsonNode description = body.get(member);
        if (description instanceof ObjectNode table) {
            table.putObject("StreamSpecification").put("StreamEnabled", true)
                    .put("StreamViewType", settings.streamViewType());
            table.put("LatestStreamLabel", settings.streamLabel());
            JsonNode arn = table.get("TableArn");
            if (arn != null && arn.isTextual()) {
                table.put("LatestStreamArn", arn.textValue() + "/stream/" + settings.streamLabel());
            }
        }
        return DynamoDbService.withBody(response.status(), response.headers(), Json.bytes(body));
    }

    /** A {@code StreamSpecification} member, validated as AWS does. */
    record StreamSpec(boolean enabled, String viewType) {
        static final StreamSpec OFF = new StreamSpec(false, null);

        static java.util.Optional<StreamSpec> read(Input input) {
            return input.optionalObject("StreamSpecification").map(node -> {
                Input spec = new Input(node);
                boolean enabled = spec.optionalBoolean("StreamEnabled")
                        .orElseThrow(() -> Input.missing("streamSpecification.streamEnabled"));
                String viewType = spec.optionalString("StreamViewType").orElse(null);
                if (enabled && viewType == null) {
                    throw AwsException.validation("One or more parameter values were invalid: StreamViewType is required"
                            + " when StreamEnabled is true");
                }
                if (viewType != null && !VIEW_TYPES.contains(viewType)) {
                    throw AwsException.validation("1 validation error detected: Value '" + viewType
                            + "' at 'streamSpecification.streamViewType' failed to satisfy constraint: Member must satisfy"
                            + " enum value set: " + List.copyOf(new java.util.TreeSet<>(VIEW_TYPES)));
                }
                return new StreamSpec(enabled, viewType);
            });
        }
    }
}
