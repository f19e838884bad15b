package statelab.verify;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.lambda.model.GetEventSourceMappingResponse;

/** What explains a failure: the mapping's state and last result, and the function's recent errors in its log. */
public final class Diagnostics {
    /** CloudWatch Logs filter pattern: any of these terms. */
    static final String ERROR_PATTERN = "?ERROR ?errorMessage ?\"Task timed out\"";
    /** The same, applied to what comes back, for an endpoint that ignores the pattern. */
    private static final Pattern ERROR_LINE = Pattern.compile("\\bERROR\\b|errorMessage|Task timed out");
    static final int MAX_LINES = 10;
    static final int MAX_PAGES = 20;
    static final int MAX_LINE_LENGTH = 300;

    private final AwsClients clients;

    public Diagnostics(AwsClients clients) {
        this.clients = clients;
    }

    /** @return the mapping's state, or null (and a note) when it cannot be read */
    public Report.Mapping mapping(String uuid, List<String> notes) {
        try {
            GetEventSourceMappingResponse mapping = clients.lambda().getEventSourceMapping(r -> r.uuid(uuid));
            String reason = mapping.stateTransitionReason();
            // AWS says "User action" for an Enabled mapping too: the reason only explains another state
            boolean explains = reason != null && !reason.isBlank() && !"Enabled".equals(mapping.state());
            return new Report.Mapping(uuid, mapping.state(),
                    mapping.lastProcessingResult() == null ? "(none yet)" : mapping.lastProcessingResult(),
                    explains ? reason : null);
        } catch (SdkException e) {
            notes.add("could not read mapping " + uuid + ": " + AwsErrors.firstLine(e.getMessage()));
            return null;
        }
    }

    /** The last {@link #MAX_LINES} error lines of the log group since {@code since}, oldest first. */
    public Report.FunctionErrors recentErrors(String logGroup, Instant since) {
        int minutes = (int) Math.max(1, Math.ceil((Instant.now().toEpochMilli() - since.toEpochMilli()) / 60_000.0));
        Deque<String> lines = new ArrayDeque<>();
        try {
            String token = null;
            for (int page = 0; page < MAX_PAGES; page++) {
                String next = token;
                FilterLogEventsResponse response = clients.logs().filterLogEvents(r -> r.logGroupName(logGroup)
                        .startTime(since.toEpochMilli())
                        .filterPattern(ERROR_PATTERN)
                        .nextToken(next));
                for (FilteredLogEvent event : response.events()) {
                    String message = event.message() == null ? "" : event.message().strip();
                    if (!ERROR_LINE.matcher(message).find()) {
                        continue;
                    }
                    lines.addLast(format(event.timestamp(), message));
                    if (lines.size() > MAX_LINES) {
                        lines.removeFirst();
                    }
                }
                token = response.nextToken();
                if (token == null || token.isEmpty()) {
                    break;
                }
            }
        } catch (SdkException e) {
            String note = AwsErrors.isNotFound(e) ? "the log group does not exist (the function never ran?)"
                    : "could not read it: " + AwsErrors.firstLine(e.getMessage());
            return new Report.FunctionErrors(logGroup, minutes, List.copyOf(lines), note);
        }
        return new Report.FunctionErrors(logGroup, minutes, new ArrayList<>(lines), null);
    }

    private static String format(Long timestamp, String message) {
        String oneLine = message.replace('\n', ' ').replace('\r', ' ');
        if (oneLine.length() > MAX_LINE_LENGTH) {
            oneLine = oneLine.substring(0, MAX_LINE_LENGTH) + "...";
        }
        return (timestamp == null ? "" : Instant.ofEpochMilli(timestamp).toString() + "  ") + oneLine;
    }
}
