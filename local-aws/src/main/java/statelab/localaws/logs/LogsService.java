package statelab.localaws.logs;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import statelab.localaws.ServiceContext;
import statelab.localaws.edge.AwsRequest;
import statelab.localaws.edge.AwsResponse;
import statelab.localaws.edge.AwsService;
import statelab.localaws.protocol.JsonOperation;
import statelab.localaws.protocol.JsonRpcProtocol;
import statelab.localaws.spi.LogWriter;

/**
 * CloudWatch Logs (awsJson 1.1, {@code Logs_20140328}): groups, streams and events, persisted under the data
 * folder. Offers {@link LogWriter} to Lambda: functions' output lands here as it does on AWS. Retention is
 * stored and reported; old events are not deleted (README).
 */
public final class LogsService implements AwsService, LogWriter {
    private final JsonRpcProtocol protocol;
    private final LogStore store;
    private final LogGroupOperations groups;
    private final LogStreamOperations streams;
    private final java.time.Clock clock;

    public LogsService(ServiceContext context) {
        this.store = new LogStore(context.folder("logs"));
        this.clock = context.clock();
        this.groups = new LogGroupOperations(store, context.names(), clock);
        this.streams = new LogStreamOperations(store, context.names(), clock);
        Map<String, JsonOperation> operations = new HashMap<>();
        groups.register(operations);
        streams.register(operations);
        new LogEventOperations(store, clock).register(operations);
        this.protocol = new JsonRpcProtocol("CloudWatch Logs", "Logs_20140328", "application/x-amz-json-1.1", operations);
    }

    @Override
    public Set<String> signingNames() {
        return Set.of("logs");
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
        return protocol.handle(request);
    }

    /**
     * Appends a function's output; creates the group and the stream when missing, as Lambda does. Events are
     * taken as given (Lambda's own lines need none of PutLogEvents' client checks); thread-safe.
     */
    @Override
    public void append(String groupName, String streamName, List<LogEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        groups.ensureGroup(groupName);
        streams.ensureStream(groupName, streamName);
        long now = clock.millis();
        store.append(groupName, streamName, events.stream()
                .map(e -> new StoredEvent(e.timestampMillis(), now, e.message(), 0))
                .toList());
    }
}
