package statelab.localaws.esm.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import statelab.localaws.config.AwsNames;
import statelab.localaws.edge.AwsException;
import statelab.localaws.edge.AwsRequest;
import statelab.localaws.edge.AwsResponse;
import statelab.localaws.esm.MappingRegistry;
import statelab.localaws.esm.model.Mapping;
import statelab.localaws.esm.model.MappingConfig;
import statelab.localaws.esm.model.MappingState;
import statelab.localaws.esm.model.StartingPosition;
import statelab.localaws.esm.model.StreamArn;
import statelab.localaws.esm.reader.StreamReader;
import statelab.localaws.protocol.Input;
import statelab.localaws.protocol.Json;
import statelab.localaws.protocol.RestJsonRouter;
import statelab.localaws.spi.FunctionDirectory;
import statelab.localaws.spi.FunctionDirectory.FunctionRef;

/**
 * Create, Get, Update, Delete and ListEventSourceMappings (rest-json, {@code /2015-03-31/event-source-mappings})
 * with AWS's status codes, shapes, defaults and errors (kinesis-esm-semantics.md §5).
 */
public final class MappingApi {
    static final String PATH = "/2015-03-31/event-source-mappings/";
    private static final int PAGE_LIMIT = 100;

    private final MappingRegistry registry;
    private final FunctionDirectory functions;
    private final StreamReader streams;
    private final AwsNames names;
    private final Clock clock;

    public MappingApi(MappingRegistry registry, FunctionDirectory functions, StreamReader streams, AwsNames names,
            Clock clock) {
        this.registry = registry;
        this.functions = functions;
        this.streams = streams;
        this.names = names;
        this.clock = clock;
    }

    public void registerRoutes(RestJsonRouter router) {
        router.add("POST", PATH, (request, params) -> create(request));
        router.add("GET", PATH, (request, params) -> list(request));
        router.add("GET", PATH + "{UUID}", (request, params) -> view(200, registry.get(params.get("UUID"))
                .orElseThrow(MappingApi::notFound)));
        router.add("PUT", PATH + "{UUID}", (request, params) -> update(request, params.get("UUID")));
        router.add("DELETE", PATH + "{UUID}", (request, params) -> view(202, registry.delete(params.get("UUID"))));
    }

    private AwsResponse create(AwsRequest request) {
        Input in = new Input(Json.readRequestObject(request.body()));
        String functionName = in.requiredString("FunctionName");
        String eventSourceArn = in.optionalString("EventSourceArn").filter(arn -> !arn.isEmpty())
                .orElseThrow(() -> AwsException.invalidParameter("Unrecognized event source."));
        NotEmulated.refuseEventSource(eventSourceArn);
        StreamArn stream = StreamArn.parse(eventSourceArn).orElseThrow(() -> AwsException.invalidParameter(
                "Unrecognized event source, must be kinesis, dynamodb stream or sqs. Unsupported source arn : "
                        + eventSourceArn));
        StartingPosition position = startingPosition(in);
        Long timestamp = startingPositionTimestamp(in, position);
        MappingConfig config = MappingSettings.read(in, MappingConfig.defaults());
        NotEmulated.refuseOptions(in.node());
        boolean enabled = in.optionalBoolean("Enabled").orElse(true);
        Map<String, String> tags = Tags.read(in.node().get("Tags"));
        String functionArn = functionArn(functionName);
        requireStream(stream);
        long now = clock.millis();
        Mapping mapping = new Mapping(UUID.randomUUID().toString(), names.region(request.scope().region()),
                functionArn, eventSourceArn, position, timestamp, config, enabled, MappingState.Creating,
                Mapping.USER_ACTION, Mapping.NO_RECORDS_PROCESSED, now, now, null, tags);
        return view(202, registry.create(mapping));
    }

    private AwsResponse update(AwsRequest request, String uuid) {
        Input in = new Input(Json.readRequestObject(request.body()));
        Mapping updated = registry.update(uuid, current -> {
            MappingConfig config = MappingSettings.read(in, current.config());
            NotEmulated.refuseOptions(in.node());
            String functionArn = in.optionalString("FunctionName").map(this::functionArn).orElse(current.functionArn());
            boolean enabled = in.optionalBoolean("Enabled").orElse(current.enabled());
            return current.withChanges(functionArn, config, enabled, current.state(), current.lastModifiedMillis());
        });
        return view(202, updated);
    }

    private AwsResponse list(AwsRequest request) {
        String sourceFilter = request.queryParam("EventSourceArn");
        String functionFilter = request.queryParam("FunctionName");
        FunctionName wanted = functionFilter == null || functionFilter.isEmpty() ? null : FunctionName.parse(functionFilter);
        if (functionFilter != null && !functionFilter.isEmpty() && wanted == null) {
            throw AwsException.invalidParameter("Invalid function name: " + functionFilter);
        }
        int maxItems = maxItems(request.queryParam("MaxItems"));
        String after = decodeMarker(request.queryParam("Marker"));
        List<Mapping> matching = registry.all().stream()
                .filter(m -> sourceFilter == null || sourceFilter.isEmpty() || m.eventSourceArn().equals(sourceFilter))
                .filter(m -> wanted == null || wanted.name().equals(FunctionName.parse(m.functionArn()).name()))
                .filter(m -> after == null || orderKey(m).compareTo(after) > 0)
                .toList();
        ObjectNode body = Json.object();
        ArrayNode page = body.putArray("EventSourceMappings");
        int pageSize = Math.min(maxItems, PAGE_LIMIT);
        for (Mapping mapping : matching.subList(0, Math.min(pageSize, matching.size()))) {
            page.add(MappingView.of(mapping, names));
        }
        if (matching.size() > pageSize) {
            body.put("NextMarker", encodeMarker(orderKey(matching.get(pageSize - 1))));
        }
        return RestJsonRouter.json(200, body);
    }

    private static StartingPosition startingPosition(Input in) {
        String text = in.optionalString("StartingPosition").orElseThrow(() -> AwsException.invalidParameter(
                "1 validation error detected: Value null at 'startingPosition' failed to satisfy constraint: Member"
                        + " must not be null."));
        return StartingPosition.parse(text).orElseThrow(() -> AwsException.validation("1 validation error detected:"
                + " Value '" + text + "' at 'startingPosition' failed to satisfy constraint: Member must satisfy enum"
                + " value set: " + StartingPosition.VALUE_SET));
    }

    /** Epoch seconds (a JSON number, possibly with a fraction), kept to the millisecond. */
    private static Long startingPositionTimestamp(Input in, StartingPosition position) {
        JsonNode value = in.node().get("StartingPositionTimestamp");
        boolean given = value != null && !value.isNull();
        if (position == StartingPosition.AT_TIMESTAMP && !given) {
            throw AwsException.invalidParameter("StartingPositionTimestamp must be provided when StartingPosition is"
                    + " AT_TIMESTAMP.");
        }
        if (!given) {
            return null;
        }
        if (position != StartingPosition.AT_TIMESTAMP) {
            throw AwsException.invalidParameter("StartingPositionTimestamp can only be used when StartingPosition is"
                    + " AT_TIMESTAMP, not " + position + ".");
        }
        if (!value.isNumber()) {
            throw AwsException.malformedBody("'StartingPositionTimestamp' must be a number of epoch seconds");
        }
        return value.decimalValue().movePointRight(3).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
    }

    /** The function's ARN as AWS reports it on the mapping: qualified only when a qualifier was given. */
    private String functionArn(String functionName) {
        FunctionName parsed = FunctionName.parse(functionName);
        if (parsed == null) {
            throw AwsException.validation("1 validation error detected: Value '" + functionName + "' at 'functionName'"
                    + " failed to satisfy constraint: Member must satisfy regular expression pattern:"
                    + " (arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?"
                    + "([a-zA-Z0-9-_]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?");
        }
        FunctionRef function = functions.find(functionName)
                .or(() -> functions.find(FunctionName.unqualified(functionName)).filter(f -> "$LATEST".equals(parsed.qualifier())))
                .orElseThrow(() -> AwsException.invalidParameter("Function does not exist"));
        return parsed.qualifier() == null ? function.arn() : function.arn() + ":" + parsed.qualifier();
    }

    private void requireStream(StreamArn stream) {
        boolean exists;
        try {
            exists = streams.streamExists(stream);
        } catch (StreamReader.StreamUnavailableException e) {
            throw new AwsException(500, "ServiceException", "local-aws cannot reach kinesis-mock to check the stream: "
                    + e.getMessage());
        }
        if (!exists) {
            throw AwsException.invalidParameter("Stream not found: " + stream.arn());
        }
    }

    private static int maxItems(String text) {
        if (text == null || text.isEmpty()) {
            return PAGE_LIMIT;
        }
        long value;
        try {
            value = new BigDecimal(text).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw AwsException.validation("1 validation error detected: Value '" + text + "' at 'maxItems' failed to"
                    + " satisfy constraint: Member must be a whole number");
        }
        if (value < 1 || value > 10_000) {
            throw Input.outOfRange("MaxItems", value, 1, 10_000);
        }
        return (int) value;
    }

    private static String orderKey(Mapping mapping) {
        return String.format("%020d:%s", mapping.createdMillis(), mapping.uuid());
    }

    private static String encodeMarker(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeMarker(String marker) {
        if (marker == null || marker.isEmpty()) {
            return null;
        }
        try {
            String key = new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
            if (key.matches("\\d{20}:[0-9a-f-]{36}")) {
                return key;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw AwsException.invalidParameter("Invalid marker: " + marker);
    }

    private AwsResponse view(int status, Mapping mapping) {
        return RestJsonRouter.json(status, MappingView.of(mapping, names));
    }

    static AwsException notFound() {
        return AwsException.notFound("ResourceNotFoundException", "The resource you requested does not exist.");
    }
}
