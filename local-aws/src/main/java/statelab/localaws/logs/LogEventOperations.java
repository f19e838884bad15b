package statelab.localaws.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import statelab.localaws.edge.AwsRequest;
import statelab.localaws.protocol.Input;
import statelab.localaws.protocol.Json;
import statelab.localaws.protocol.JsonOperation;

/** Log events: PutLogEvents with AWS's checks, GetLogEvents with its tokens, FilterLogEvents across streams. */
final class LogEventOperations {
    static final int EVENT_OVERHEAD_BYTES = 26;
    static final int MAX_EVENT_BYTES = 262_144;
    static final int MAX_BATCH_BYTES = 1_048_576;
    static final int MAX_BATCH_EVENTS = 10_000;
    private static final int MAX_RESPONSE_BYTES = 1_048_576;
    private static final Duration TOO_NEW = Duration.ofHours(2);
    private static final Duration TOO_OLD = Duration.ofDays(14);
    private static final Duration MAX_SPAN = Duration.ofHours(24);

    private final LogStore store;
    private final Clock clock;

    LogEventOperations(LogStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    void register(Map<String, JsonOperation> operations) {
        operations.put("PutLogEvents", this::putLogEvents);
        operations.put("GetLogEvents", this::getLogEvents);
        operations.put("FilterLogEvents", this::filterLogEvents);
    }

    static String sequenceToken(long eventCount) {
        return String.format("%056d", eventCount + 1);
    }

    private JsonNode putLogEvents(Input input, AwsRequest request) {
        String group = LogsInput.groupName(input, "logGroupName");
        String stream = LogsInput.streamName(input);
        List<StoredEvent> events = readEvents(input);
        if (input.has("entity")) {
            throw LogsErrors.notEmulated("entities on log events (entity)");
        }
        LogGroupRecord groupRecord = store.requireGroup(group);
        store.requireStream(group, stream);

        long now = clock.millis();
        int tooOldEnd = -1;
        int expiredEnd = -1;
        int tooNewStart = -1;
        long retentionLimit = groupRecord.retentionInDays() == null ? Long.MIN_VALUE
                : now - Duration.ofDays(groupRecord.retentionInDays()).toMillis();
        List<StoredEvent> accepted = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            long timestamp = events.get(i).timestamp();
            if (timestamp > now + TOO_NEW.toMillis()) {
                if (tooNewStart < 0) {
                    tooNewStart = i;
                }
            } else if (timestamp < retentionLimit) {
                expiredEnd = i;
            } else if (timestamp < now - TOO_OLD.toMillis()) {
                tooOldEnd = i;
            } else {
                accepted.add(new StoredEvent(timestamp, now, events.get(i).message(), 0));
            }
        }
        StreamStats stats = accepted.isEmpty() ? store.statsOf(group, stream) : store.append(group, stream, accepted);
        ObjectNode result = Json.object();
        result.put("nextSequenceToken", sequenceToken(stats.eventCount()));
        if (tooNewStart >= 0 || tooOldEnd >= 0 || expiredEnd >= 0) {
            ObjectNode rejected = result.putObject("rejectedLogEventsInfo");
            if (tooNewStart >= 0) {
                rejected.put("tooNewLogEventStartIndex", tooNewStart);
            }
            if (tooOldEnd >= 0) {
                rejected.put("tooOldLogEventEndIndex", tooOldEnd);
            }
            if (expiredEnd >= 0) {
                rejected.put("expiredLogEventEndIndex", expiredEnd);
            }
        }
        return result;
    }

    /** The request's events, checked as AWS checks a batch (count, sizes, order, span). */
    private static List<StoredEvent> readEvents(Input input) {
        JsonNode array = input.node().get("logEvents");
        if (array == null || array.isNull()) {
            throw Input.missing("logEvents");
        }
        if (!array.isArray()) {
            throw LogsErrors.invalidParameter("logEvents must be a list");
        }
        if (array.isEmpty() || array.size() > MAX_BATCH_EVENTS) {
            throw LogsErrors.invalidParameter("1 validation error detected: Value at 'logEvents' failed to satisfy"
                    + " constraint: Member must have length between 1 and " + MAX_BATCH_EVENTS);
        }
        List<StoredEvent> events = new ArrayList<>();
        long batchBytes = 0;
        for (JsonNode node : array) {
            if (!node.isObject()) {
                throw LogsErrors.invalidParameter("each log event must be an object with timestamp and message");
            }
            Input event = new Input((ObjectNode) node);
            long timestamp = event.optionalLong("timestamp").orElseThrow(() -> Input.missing("logEvents.member.timestamp"));
            String message = event.optionalString("message").orElseThrow(() -> Input.missing("logEvents.member.message"));
            if (message.isEmpty()) {
                throw LogsErrors.invalidParameter("1 validation error detected: Value '' at 'logEvents.member.message'"
                        + " failed to satisfy constraint: Member must have length greater than or equal to 1");
            }
            int size = message.getBytes(StandardCharsets.UTF_8).length + EVENT_OVERHEAD_BYTES;
            if (size > MAX_EVENT_BYTES) {
                throw LogsErrors.invalidParameter("Log event too large: " + size + " bytes exceeds limit of "
                        + MAX_EVENT_BYTES);
            }
            batchBytes += size;
            if (!events.isEmpty() && timestamp < events.get(events.size() - 1).timestamp()) {
                throw LogsErrors.invalidParameter("Log events in a single PutLogEvents request must be in chronological"
                        + " order.");
            }
            events.add(new StoredEvent(timestamp, 0, message, 0));
        }
        if (batchBytes > MAX_BATCH_BYTES) {
            throw LogsErrors.invalidParameter("Upload too large: " + batchBytes + " bytes exceeds limit of "
                    + MAX_BATCH_BYTES);
        }
        if (events.get(events.size() - 1).timestamp() - events.get(0).timestamp() > MAX_SPAN.toMillis()) {
            throw LogsErrors.invalidParameter("The batch of log events in a single PutLogEvents request cannot span more"
                    + " than 24 hours.");
        }
        return events;
    }

    private JsonNode getLogEvents(Input input, AwsRequest request) {
        String group = LogsInput.groupNameOrIdentifier(input);
        String stream = LogsInput.streamName(input);
        long start = input.optionalLong("startTime").orElse(Long.MIN_VALUE);
        long end = input.optionalLong("endTime").orElse(Long.MAX_VALUE);
        int limit = LogsInput.limit(input, 10_000, 10_000);
        boolean fromHead = input.optionalBoolean("startFromHead").orElse(false);
        Optional<EventToken> token = input.optionalString("nextToken").map(EventToken::parse);
        store.requireGroup(group);
        store.requireStream(group, stream);
        List<StoredEvent> events = store.events(group, stream).stream()
                .filter(e -> e.timestamp() >= start && e.timestamp() < end).toList();

        int from;
        int to;
        boolean forward = token.map(EventToken::forward).orElse(fromHead);
        if (forward) {
            from = Math.min(token.map(EventToken::position).orElse(0), events.size());
            to = capForward(events, from, limit);
        } else {
            to = Math.min(token.map(EventToken::position).orElse(events.size()), events.size());
            from = capBackward(events, to, limit);
        }
        ObjectNode result = Json.object();
        ArrayNode array = result.putArray("events");
        for (StoredEvent event : events.subList(from, to)) {
            array.addObject().put("timestamp", event.timestamp()).put("message", event.message())
                    .put("ingestionTime", event.ingestionTime());
        }
        // at either end AWS hands back the token it was given, so a reader polling for new events keeps its place
        result.put("nextForwardToken", token.filter(t -> t.forward() && from == to).map(EventToken::text)
                .orElse(new EventToken(true, to).text()));
        result.put("nextBackwardToken", token.filter(t -> !t.forward() && from == to).map(EventToken::text)
                .orElse(new EventToken(false, from).text()));
        return result;
    }

    private static int capForward(List<StoredEvent> events, int from, int limit) {
        int to = from;
        long bytes = 0;
        while (to < events.size() && to - from < limit) {
            bytes += events.get(to).message().length() + EVENT_OVERHEAD_BYTES;
            if (bytes > MAX_RESPONSE_BYTES && to > from) {
                break;
            }
            to++;
        }
        return to;
    }

    private static int capBackward(List<StoredEvent> events, int to, int limit) {
        int from = to;
        long bytes = 0;
        while (from > 0 && to - from < limit) {
            bytes += events.get(from - 1).message().length() + EVENT_OVERHEAD_BYTES;
            if (bytes > MAX_RESPONSE_BYTES && from < to) {
                break;
            }
            from--;
        }
        return from;
    }

    private JsonNode filterLogEvents(Input input, AwsRequest request) {
        String group = LogsInput.groupNameOrIdentifier(input);
        Optional<List<String>> names = input.optionalStringList("logStreamNames");
        Optional<String> prefix = input.optionalString("logStreamNamePrefix");
        if (names.isPresent() && prefix.isPresent()) {
            throw LogsErrors.invalidParameter("logStreamNames and logStreamNamePrefix are mutually exclusive parameters.");
        }
        if (names.isPresent() && (names.get().isEmpty() || names.get().size() > 100)) {
            throw LogsErrors.invalidParameter("1 validation error detected: Value at 'logStreamNames' failed to satisfy"
                    + " constraint: Member must have length between 1 and 100");
        }
        long start = input.optionalLong("startTime").orElse(Long.MIN_VALUE);
        long end = input.optionalLong("endTime").orElse(Long.MAX_VALUE);
        FilterPattern pattern = FilterPattern.parse(input.optionalString("filterPattern").orElse(""));
        int limit = LogsInput.limit(input, 10_000, 10_000);
        store.requireGroup(group);

        List<String> streams = store.streamsOf(group).stream().map(LogStreamRecord::name)
                .filter(name -> names.map(list -> list.contains(name)).orElse(true))
                .filter(name -> prefix.map(name::startsWith).orElse(true))
                .sorted().toList();
        record Found(String stream, StoredEvent event) {
        }
        List<Found> found = new ArrayList<>();
        for (String stream : streams) {
            for (StoredEvent event : store.events(group, stream)) {
                if (event.timestamp() >= start && event.timestamp() <= end && pattern.matches(event.message())) {
                    found.add(new Found(stream, event));
                }
            }
        }
        found.sort(Comparator.comparingLong((Found f) -> f.event().timestamp()).thenComparing(Found::stream)
                .thenComparingLong(f -> f.event().seq()));
        Pages.Page<Found> page = Pages.byOffset(found, input.optionalString("nextToken").orElse(null), limit);

        ObjectNode result = Json.object();
        ArrayNode array = result.putArray("events");
        for (Found f : page.items()) {
            array.addObject()
                    .put("logStreamName", f.stream())
                    .put("timestamp", f.event().timestamp())
                    .put("message", f.event().message())
                    .put("ingestionTime", f.event().ingestionTime())
                    .put("eventId", eventId(f.stream(), f.event()));
        }
        ArrayNode searched = result.putArray("searchedLogStreams");
        streams.forEach(name -> searched.addObject().put("logStreamName", name).put("searchedCompletely", true));
        page.nextToken().ifPresent(t -> result.put("nextToken", t));
        return result;
    }

    /** A 56-digit id like AWS's, stable for an event: its timestamp, its stream, its place in the stream. */
    static String eventId(String stream, StoredEvent event) {
        return String.format("%020d%010d%026d", event.timestamp(), Integer.toUnsignedLong(stream.hashCode()), event.seq());
    }

    /** GetLogEvents' tokens, as AWS spells them: {@code f/<position>} forward, {@code b/<position>} backward. */
    record EventToken(boolean forward, int position) {
        String text() {
            return (forward ? "f/" : "b/") + String.format("%056d", position);
        }

        static EventToken parse(String text) {
            if (text.length() > 2 && (text.startsWith("f/") || text.startsWith("b/"))) {
                try {
                    int position = Integer.parseInt(text.substring(2).replaceFirst("^0+(?=\\d)", ""));
                    if (position >= 0) {
                        return new EventToken(text.charAt(0) == 'f', position);
                    }
                } catch (NumberFormatException e) {
                    // falls through to the error
                }
            }
            throw LogsErrors.invalidParameter("The specified nextToken is invalid.");
        }
    }
}
