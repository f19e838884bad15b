package statelab.handler;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The function's log: one JSON object per line, a fixed shape per {@code event}, so that CloudWatch Logs Insights,
 * verify-lab and a person with grep can all read it. No logging framework: four line shapes do not need one, and
 * each framework adds classes to load on every cold start; Lambda already sends what the function logs to CloudWatch.
 */
final class JsonLog {
    static final String RECORD_REJECTED = "record_rejected";
    static final String WRITE_FAILED = "write_failed";
    static final String BATCH_SUMMARY = "batch_summary";
    static final String FAILURE_INJECTED = "failure_injected";

    // a reason quotes part of the record at most; keep a hostile record from flooding the log
    private static final int MAX_TEXT = 1000;
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private final Consumer<String> sink;

    JsonLog(Consumer<String> sink) {
        this.sink = sink;
    }

    /**
     * Lambda's logger writes exactly the bytes it is given: where it goes to stdout (a runtime without the telemetry
     * pipe, such as local-aws) lines would run together without the newline.
     */
    static JsonLog to(LambdaLogger logger) {
        return new JsonLog(line -> logger.log(line + "\n"));
    }

    void recordRejected(String shardId, RecordResult result) {
        Map<String, Object> line = start("WARN", RECORD_REJECTED, shardId);
        line.put("sequenceNumber", result.record().sequenceNumber());
        line.put("tradeId", result.tradeId());
        line.put("reason", bounded(result.detail()));
        sink.accept(write(line));
    }

    void writeFailed(String shardId, RecordResult result) {
        Map<String, Object> line = start("ERROR", WRITE_FAILED, shardId);
        line.put("sequenceNumber", result.record().sequenceNumber());
        line.put("tradeId", result.tradeId());
        line.put("error", bounded(result.detail()));
        sink.accept(write(line));
    }

    void failureInjected(String shardId, int records, int percent) {
        Map<String, Object> line = start("ERROR", FAILURE_INJECTED, shardId);
        line.put("records", records);
        line.put("failureInjectionPercent", percent);
        sink.accept(write(line));
    }

    void batchSummary(BatchSummary summary) {
        Map<String, Object> line = start("INFO", BATCH_SUMMARY, summary.shardId());
        line.put("records", summary.records());
        line.put("written", summary.written());
        line.put("duplicateOrStale", summary.duplicateOrStale());
        line.put("rejected", summary.rejected());
        line.put("failed", summary.failed());
        line.put("millis", summary.millis());
        line.put("firstFailedSequenceNumber", summary.firstFailedSequenceNumber());
        sink.accept(write(line));
    }

    private static Map<String, Object> start(String level, String event, String shardId) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("level", level);
        line.put("event", event);
        line.put("shardId", shardId);
        return line;
    }

    private static String bounded(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "...";
    }

    private static String write(Map<String, Object> line) {
        try {
            return MAPPER.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            // strings and numbers only: cannot happen
            throw new IllegalStateException(e);
        }
    }
}
