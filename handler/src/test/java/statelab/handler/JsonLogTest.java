package statelab.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exact log line shapes: other modules (verify-lab, the docs) rely on them. */
class JsonLogTest {
    private final List<String> lines = new ArrayList<>();
    private final JsonLog log = new JsonLog(lines::add);
    private final String seq = KinesisEvents.sequenceNumber(3);

    @Test
    void aRejectedRecord() {
        log.recordRejected("shardId-000000000000", new RecordResult(new RecordRef(3, seq), null, Outcome.REJECTED,
                "not JSON: Unrecognized token 'this'"));
        assertEquals(List.of("{\"level\":\"WARN\",\"event\":\"record_rejected\",\"shardId\":\"shardId-000000000000\","
                + "\"sequenceNumber\":\"" + seq + "\",\"tradeId\":null,\"reason\":\"not JSON: Unrecognized token 'this'\"}"),
                lines);
    }

    @Test
    void aFailedWrite() {
        log.writeFailed("shardId-000000000000", new RecordResult(new RecordRef(3, seq), "t-1", Outcome.FAILED,
                "ThrottlingException (HTTP 400): Rate exceeded"));
        assertEquals(List.of("{\"level\":\"ERROR\",\"event\":\"write_failed\",\"shardId\":\"shardId-000000000000\","
                + "\"sequenceNumber\":\"" + seq + "\",\"tradeId\":\"t-1\",\"error\":\"ThrottlingException (HTTP 400): "
                + "Rate exceeded\"}"), lines);
    }

    @Test
    void theSummary() {
        log.batchSummary(new BatchSummary("shardId-000000000000", 100, 90, 5, 3, 2, 41, seq));
        assertEquals(List.of("{\"level\":\"INFO\",\"event\":\"batch_summary\",\"shardId\":\"shardId-000000000000\","
                + "\"records\":100,\"written\":90,\"duplicateOrStale\":5,\"rejected\":3,\"failed\":2,\"millis\":41,"
                + "\"firstFailedSequenceNumber\":\"" + seq + "\"}"), lines);
    }

    @Test
    void anInjectedFailure() {
        log.failureInjected("shardId-000000000000", 100, 5);
        assertEquals(List.of("{\"level\":\"ERROR\",\"event\":\"failure_injected\",\"shardId\":\"shardId-000000000000\","
                + "\"records\":100,\"failureInjectionPercent\":5}"), lines);
    }

    @Test
    void quotesWhateverARecordContainsAndBoundsItsLength() {
        String hostile = "\"}\n{\"event\":\"fake\"" + "x".repeat(5000);
        log.recordRejected("s", new RecordResult(new RecordRef(0, "1"), null, Outcome.REJECTED, hostile));
        assertEquals(1, lines.size());
        String line = lines.get(0);
        assertEquals(-1, line.indexOf('\n'));
        assertEquals(true, line.length() < 1200, "length " + line.length());
    }

    @Test
    void lambdasLoggerGetsOneLineEachTime() {
        CapturingLogger logger = new CapturingLogger();
        JsonLog lambdaLog = JsonLog.to(logger);
        lambdaLog.failureInjected("s", 1, 100);
        lambdaLog.failureInjected("s", 2, 100);
        assertEquals(2, logger.lines().size());
    }
}
