package statelab.localaws.esm.destination;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import statelab.localaws.esm.reader.StreamRecord;
import statelab.localaws.protocol.Json;

/**
 * The record Lambda sends an on-failure destination when it gives records up (kinesis-esm-semantics.md §3):
 * which batch, why, after how many invocations. It carries no record data (SQS, SNS); an S3 destination also
 * gets the event that failed as {@code payload}. Pure.
 */
public final class FailureRecord {
    public static final String RETRY_ATTEMPTS_EXHAUSTED = "RetryAttemptsExhausted";
    public static final String RECORD_AGE_EXCEEDED = "RecordAgeExceeded";

    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private FailureRecord() {
    }

    /**
     * @param condition {@link #RETRY_ATTEMPTS_EXHAUSTED} or {@link #RECORD_AGE_EXCEEDED}
     * @param functionError "Unhandled" when the function threw or timed out; null when it returned a report
     *     that failed the batch, and for records that expired (their record has no responseContext at all)
     * @param records the records given up, in sequence order, all of one shard
     */
    public static ObjectNode of(String condition, String requestId, String functionArn, int invokeCount,
            String functionError, String streamArn, List<StreamRecord> records, long nowMillis) {
        ObjectNode failure = Json.object();
        ObjectNode request = failure.putObject("requestContext");
        request.put("requestId", requestId);
        request.put("functionArn", functionArn);
        request.put("condition", condition);
        request.put("approximateInvokeCount", invokeCount);
        if (!RECORD_AGE_EXCEEDED.equals(condition)) {
            ObjectNode response = failure.putObject("responseContext");
            response.put("statusCode", 200);
            response.put("executedVersion", "$LATEST");
            if (functionError == null) {
                response.putNull("functionError");
            } else {
                response.put("functionError", functionError);
            }
        }
        failure.put("version", "1.0");
        failure.put("timestamp", iso(nowMillis));
        StreamRecord first = records.get(0);
        StreamRecord last = records.get(records.size() - 1);
        ObjectNode batch = failure.putObject("KinesisBatchInfo");
        batch.put("shardId", first.shardId());
        batch.put("startSequenceNumber", first.sequenceNumber().text());
        batch.put("endSequenceNumber", last.sequenceNumber().text());
        batch.put("approximateArrivalOfFirstRecord", iso(first.arrivalMillis()));
        batch.put("approximateArrivalOfLastRecord", iso(last.arrivalMillis()));
        batch.put("batchSize", records.size());
        batch.put("streamArn", streamArn);
        return failure;
    }

    static String iso(long epochMillis) {
        return ISO_MILLIS.format(Instant.ofEpochMilli(epochMillis));
    }
}
