package statelab.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import statelab.trade.Trade;

/** A whole batch through the processor, with StateTable's rule in memory: counts, log lines and the answer. */
class RecordProcessorTest {
    private final CapturingLogger logger = new CapturingLogger();

    private StreamsEventResponse process(InMemoryStateTable table, int failurePercent, KinesisEvent event) {
        RecordProcessor processor = new RecordProcessor(new FailureInjector(failurePercent, () -> 0.5),
                new TradeGroupExecutor(table, 4));
        return processor.process(event, JsonLog.to(logger));
    }

    @Test
    void theMixedBatchEndsWithOneItemPerGoodTradeIdAtItsHighestVersion() {
        InMemoryStateTable table = new InMemoryStateTable();
        StreamsEventResponse response = process(table, 0, KinesisEvents.load("mixed-batch.json"));

        assertEquals(List.of(), response.getBatchItemFailures());
        Map<String, Long> versions = table.items().values().stream()
                .collect(Collectors.toMap(Trade::tradeId, Trade::version));
        assertEquals(Map.of(BatchPlannerTest.T1, 3L, BatchPlannerTest.T2, 0L, BatchPlannerTest.T3, 1L,
                BatchPlannerTest.T4, 0L), versions);

        JsonNode summary = logger.onlyLineOf(JsonLog.BATCH_SUMMARY);
        assertEquals("shardId-000000000000", summary.get("shardId").asText());
        assertEquals(18, summary.get("records").asInt());
        assertEquals(6, summary.get("written").asInt());       // T1 v1, v3; T2 v0; T3 v0, v1; T4 v0
        assertEquals(2, summary.get("duplicateOrStale").asInt()); // T1 v2 after v3; T2 v0 again
        assertEquals(10, summary.get("rejected").asInt());
        assertEquals(0, summary.get("failed").asInt());
        assertTrue(summary.get("firstFailedSequenceNumber").isNull());
        assertTrue(summary.get("millis").asLong() >= 0);
    }

    @Test
    void logsOneLineForEachBadRecordInStreamOrderWithShardAndSequenceNumber() {
        process(new InMemoryStateTable(), 0, KinesisEvents.load("mixed-batch.json"));
        List<JsonNode> rejected = logger.linesOf(JsonLog.RECORD_REJECTED);
        assertEquals(List.of(3, 6, 7, 9, 10, 11, 12, 13, 14, 16).stream().map(KinesisEvents::sequenceNumber).toList(),
                rejected.stream().map(line -> line.get("sequenceNumber").asText()).toList());
        rejected.forEach(line -> {
            assertEquals("WARN", line.get("level").asText());
            assertEquals("shardId-000000000000", line.get("shardId").asText());
            assertTrue(line.get("reason").asText().length() > 5, line.toString());
        });
        // the summary closes the invocation's output
        List<JsonNode> all = logger.lines();
        assertEquals(JsonLog.BATCH_SUMMARY, all.get(all.size() - 1).get("event").asText());
        assertEquals(11, all.size());
    }

    @Test
    void aTransientFailureNamesTheFirstFailedRecordAndIsLogged() {
        InMemoryStateTable table = new InMemoryStateTable().failing(BatchPlannerTest.T3).failing(BatchPlannerTest.T2);
        StreamsEventResponse response = process(table, 0, KinesisEvents.load("mixed-batch.json"));

        // T2 is first seen at position 1, T3 at 8: the mapping must redeliver from position 1
        assertEquals(List.of(KinesisEvents.sequenceNumber(1)), response.getBatchItemFailures().stream()
                .map(StreamsEventResponse.BatchItemFailure::getItemIdentifier).toList());
        JsonNode summary = logger.onlyLineOf(JsonLog.BATCH_SUMMARY);
        assertEquals(4, summary.get("failed").asInt());
        assertEquals(KinesisEvents.sequenceNumber(1), summary.get("firstFailedSequenceNumber").asText());
        List<JsonNode> failed = logger.linesOf(JsonLog.WRITE_FAILED);
        assertEquals(List.of(1, 5, 8, 17).stream().map(KinesisEvents::sequenceNumber).toList(),
                failed.stream().map(line -> line.get("sequenceNumber").asText()).toList());
        assertEquals(BatchPlannerTest.T2, failed.get(0).get("tradeId").asText());
        assertEquals(TradeGroupExecutor.NOT_ATTEMPTED, failed.get(1).get("error").asText());
    }

    @Test
    void aRecordDynamoDbRefusesIsRejectedNotFailed() {
        InMemoryStateTable table = new InMemoryStateTable().refusing(BatchPlannerTest.T4);
        StreamsEventResponse response = process(table, 0, KinesisEvents.load("mixed-batch.json"));
        assertEquals(List.of(), response.getBatchItemFailures());
        assertEquals(11, logger.onlyLineOf(JsonLog.BATCH_SUMMARY).get("rejected").asInt());
        JsonNode refused = logger.linesOf(JsonLog.RECORD_REJECTED).stream()
                .filter(line -> line.get("sequenceNumber").asText().equals(KinesisEvents.sequenceNumber(15)))
                .findFirst().orElseThrow();
        assertEquals(BatchPlannerTest.T4, refused.get("tradeId").asText());
        assertTrue(refused.get("reason").asText().startsWith("DynamoDB refused the item"));
    }

    @Test
    void anEmptyBatchSucceedsAndStillLogsItsSummary() {
        StreamsEventResponse response = process(new InMemoryStateTable(), 0, KinesisEvents.load("empty-batch.json"));
        assertEquals(List.of(), response.getBatchItemFailures());
        JsonNode summary = logger.onlyLineOf(JsonLog.BATCH_SUMMARY);
        assertEquals(0, summary.get("records").asInt());
        assertTrue(summary.get("shardId").isNull());
        assertEquals(1, logger.lines().size());
    }

    @Test
    void anInjectedFailureThrowsBeforeWritingAnything() {
        InMemoryStateTable table = new InMemoryStateTable();
        InjectedFailureException e = assertThrows(InjectedFailureException.class,
                () -> process(table, 100, KinesisEvents.load("mixed-batch.json")));
        assertEquals("injected failure (FAILURE_INJECTION_PERCENT=100); nothing written", e.getMessage());
        assertEquals(0, e.getStackTrace().length);
        assertEquals(0, table.calls());
        JsonNode line = logger.onlyLineOf(JsonLog.FAILURE_INJECTED);
        assertEquals(18, line.get("records").asInt());
        assertEquals(100, line.get("failureInjectionPercent").asInt());
        assertEquals(1, logger.lines().size());
    }

    @Test
    void belowTheDrawNothingIsInjected() {
        // the fixed draw is 0.5, i.e. 50 %: 50 does not fail, 51 does
        InMemoryStateTable table = new InMemoryStateTable();
        process(table, 50, KinesisEvents.load("single-trade.json"));
        assertEquals(1, table.calls());
        assertThrows(InjectedFailureException.class, () -> process(table, 51, KinesisEvents.load("single-trade.json")));
    }

    @Test
    void aHandMadeEventWithoutRecordsIsAnEmptyBatch() {
        StreamsEventResponse response = process(new InMemoryStateTable(), 0, new KinesisEvent());
        assertEquals(List.of(), response.getBatchItemFailures());
        assertNull(logger.onlyLineOf(JsonLog.BATCH_SUMMARY).get("shardId").textValue());
    }
}
