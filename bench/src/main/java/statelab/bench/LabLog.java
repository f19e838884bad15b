package statelab.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;

/**
 * What a function's log group says about its invocations: Lambda's REPORT lines and, for StateLambda, the handler's
 * own {@code batch_summary} lines (records in the batch, and the handler's time for it in {@code millis}).
 */
record LabLog(List<LambdaReport> reports, List<BatchSummaryLine> summaries) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One {@code batch_summary} line of the handler (handler/README.md, "Log lines"). */
    record BatchSummaryLine(long timestampMillis, int records, int written, long millis) {
    }

    static LabLog read(CloudWatchLogsClient logs, String logGroup) {
        List<LambdaReport> reports = new ArrayList<>();
        List<BatchSummaryLine> summaries = new ArrayList<>();
        for (FilteredLogEvent event : logs.filterLogEventsPaginator(filter -> filter.logGroupName(logGroup)).events()) {
            add(event.timestamp(), event.message(), reports, summaries);
        }
        return new LabLog(reports, summaries);
    }

    static void add(long timestamp, String message, List<LambdaReport> reports, List<BatchSummaryLine> summaries) {
        String line = message.strip();
        if (line.startsWith("REPORT ")) {
            LambdaReport.parse(timestamp, line).ifPresent(reports::add);
        } else if (line.startsWith("{") && line.contains("\"batch_summary\"")) {
            try {
                JsonNode summary = MAPPER.readTree(line);
                if ("batch_summary".equals(summary.path("event").asText())) {
                    summaries.add(new BatchSummaryLine(timestamp, summary.path("records").asInt(),
                            summary.path("written").asInt(), summary.path("millis").asLong()));
                }
            } catch (IOException notJson) {
                // not one of the handler's lines
            }
        }
    }
}
