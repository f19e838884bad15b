package statelab.localaws.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import statelab.localaws.config.AwsNames;
import statelab.localaws.edge.AwsRequest;
import statelab.localaws.protocol.Input;
import statelab.localaws.protocol.Json;
import statelab.localaws.protocol.JsonOperation;

/** Log streams: create, delete, describe (ordered by name or by last event time). */
final class LogStreamOperations {
    private final LogStore store;
    private final AwsNames names;
    private final Clock clock;

    LogStreamOperations(LogStore store, AwsNames names, Clock clock) {
        this.store = store;
        this.names = names;
        this.clock = clock;
    }

    void register(Map<String, JsonOperation> operations) {
        operations.put("CreateLogStream", this::createLogStream);
        operations.put("DeleteLogStream", this::deleteLogStream);
        operations.put("DescribeLogStreams", this::describeLogStreams);
    }

    /** Creates the stream unless it exists; the group must exist. */
    void ensureStream(String group, String stream) {
        synchronized (store.structureLock()) {
            store.requireGroup(group);
            if (store.stream(group, stream).isEmpty()) {
                store.saveStream(group, new LogStreamRecord(stream, clock.millis()));
            }
        }
    }

    private JsonNode createLogStream(Input input, AwsRequest request) {
        String group = LogsInput.groupName(input, "logGroupName");
        String stream = LogsInput.streamName(input);
        synchronized (store.structureLock()) {
            store.requireGroup(group);
            if (store.stream(group, stream).isPresent()) {
                throw LogsErrors.alreadyExists("The specified log stream already exists");
            }
            store.saveStream(group, new LogStreamRecord(stream, clock.millis()));
        }
        return Json.object();
    }

    private JsonNode deleteLogStream(Input input, AwsRequest request) {
        String group = LogsInput.groupName(input, "logGroupName");
        String stream = LogsInput.streamName(input);
        synchronized (store.structureLock()) {
            store.requireGroup(group);
            store.requireStream(group, stream);
            store.deleteStream(group, stream);
        }
        return Json.object();
    }

    private JsonNode describeLogStreams(Input input, AwsRequest request) {
        String group = LogsInput.groupNameOrIdentifier(input);
        Optional<String> prefix = input.optionalString("logStreamNamePrefix");
        String orderBy = input.optionalString("orderBy").orElse("LogStreamName");
        if (!orderBy.equals("LogStreamName") && !orderBy.equals("LastEventTime")) {
            throw LogsErrors.invalidParameter("1 validation error detected: Value '" + orderBy + "' at 'orderBy' failed"
                    + " to satisfy constraint: Member must satisfy enum value set: [LogStreamName, LastEventTime]");
        }
        if (orderBy.equals("LastEventTime") && prefix.isPresent()) {
            throw LogsErrors.invalidParameter("Cannot order by LastEventTime with a logStreamNamePrefix.");
        }
        boolean descending = input.optionalBoolean("descending").orElse(false);
        int limit = LogsInput.limit(input, 50, 50);
        store.requireGroup(group);
        List<LogStreamRecord> streams = new ArrayList<>(store.streamsOf(group).stream()
                .filter(s -> prefix.map(p -> s.name().startsWith(p)).orElse(true)).toList());
        Comparator<LogStreamRecord> order = orderBy.equals("LogStreamName")
                ? Comparator.comparing(LogStreamRecord::name)
                : Comparator.comparingLong((LogStreamRecord s) -> lastEventTime(group, s)).thenComparing(LogStreamRecord::name);
        streams.sort(descending ? order.reversed() : order);
        Pages.Page<LogStreamRecord> page = Pages.byOffset(streams, input.optionalString("nextToken").orElse(null), limit);
        ObjectNode result = Json.object();
        ArrayNode array = result.putArray("logStreams");
        for (LogStreamRecord stream : page.items()) {
            StreamStats stats = store.statsOf(group, stream.name());
            ObjectNode node = array.addObject();
            node.put("logStreamName", stream.name());
            node.put("creationTime", stream.creationTime());
            if (stats.firstEventTimestamp() != null) {
                node.put("firstEventTimestamp", stats.firstEventTimestamp());
                node.put("lastEventTimestamp", stats.lastEventTimestamp());
                node.put("lastIngestionTime", stats.lastIngestionTime());
            }
            node.put("uploadSequenceToken", LogEventOperations.sequenceToken(stats.eventCount()));
            node.put("arn", names.logGroupArn(null, group) + ":log-stream:" + stream.name());
            node.put("storedBytes", 0);
        }
        page.nextToken().ifPresent(token -> result.put("nextToken", token));
        return result;
    }

    private long lastEventTime(String group, LogStreamRecord stream) {
        Long last = store.statsOf(group, stream.name()).lastEventTimestamp();
        return last == null ? stream.creationTime() : last;
    }
}
