package statelab.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import statelab.handler.FaultInjectingProxy.Fault;
import statelab.trade.Trade;

/**
 * The handler against a real DynamoDB-compatible server (dynalite), with the function's own client settings:
 * exact table contents after duplicates, re-ordered versions, bad records, failing writes and injected failures.
 */
@ExtendWith(DynaliteExtension.class)
class StateLambdaIT {
    private final Trades trades = new Trades(20261204);
    private Dynalite dynalite;
    private String table;

    @BeforeEach
    void freshTable(Dynalite dynalite) {
        this.dynalite = dynalite;
        this.table = dynalite.createStateTable();
    }

    private StateLambda handler(URI endpoint, int failureInjectionPercent) {
        HandlerConfig config = new HandlerConfig(table, failureInjectionPercent,
                HandlerConfig.DEFAULT_WRITE_CONCURRENCY, Dynalite.REGION);
        return new StateLambda(config, DynamoDbClients.configured(Dynalite.REGION)
                .endpointOverride(endpoint)
                .credentialsProvider(Dynalite.CREDENTIALS)
                .build());
    }

    private StateLambda handler() {
        return handler(dynalite.endpoint(), 0);
    }

    private Map<String, StoredTrade> tableContents() {
        return StoredTrade.table(dynalite, table);
    }

    private static void assertCounts(JsonNode summary, int records, int written, int duplicateOrStale, int rejected,
                                     int failed) {
        assertEquals(List.of(records, written, duplicateOrStale, rejected, failed),
                List.of(summary.get("records").asInt(), summary.get("written").asInt(),
                        summary.get("duplicateOrStale").asInt(), summary.get("rejected").asInt(),
                        summary.get("failed").asInt()), summary.toString());
    }

    @Test
    void aBatchOfOneHundredTradesBecomesOneHundredItems() {
        List<Trade> sent = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            sent.add(trades.next());
        }
        Invocation invocation = Invocation.of(handler(), KinesisEvents.of(Trades.messages(sent)));

        assertEquals(List.of(), invocation.failedItems());
        assertCounts(invocation.summary(), 100, 100, 0, 0, 0);
        assertEquals(StoredTrade.expected(sent), tableContents());
    }

    @Test
    void duplicatesInOneBatchAndAcrossBatchesLeaveOneItemPerTradeId() {
        Trade a = trades.next();
        Trade b = trades.next();
        List<byte[]> sent = Trades.messages(List.of(a, a, b, a));
        StateLambda handler = handler();

        Invocation first = Invocation.of(handler, KinesisEvents.of(0, sent));
        assertCounts(first.summary(), 4, 2, 2, 0, 0);
        // the same messages put on the stream again later
        Invocation again = Invocation.of(handler, KinesisEvents.of(4, sent));
        assertCounts(again.summary(), 4, 0, 4, 0, 0);

        assertEquals(StoredTrade.expected(List.of(a, b)), tableContents());
    }

    @Test
    void olderAndNewerVersionsEndAtTheHighestVersionWhateverTheOrder() {
        String a = "trade-a";
        String b = "trade-b";
        List<Trade> firstBatch = List.of(trades.version(a, 2), trades.version(a, 5), trades.version(a, 3),
                trades.version(b, 1));
        List<Trade> secondBatch = List.of(trades.version(a, 4), trades.version(b, 7), trades.version("trade-c", 0),
                trades.version(a, 6));
        StateLambda handler = handler();

        assertCounts(Invocation.of(handler, KinesisEvents.of(0, Trades.messages(firstBatch))).summary(), 4, 3, 1, 0, 0);
        assertEquals(StoredTrade.expected(firstBatch), tableContents());

        assertCounts(Invocation.of(handler, KinesisEvents.of(4, Trades.messages(secondBatch))).summary(), 4, 3, 1, 0, 0);
        List<Trade> all = new ArrayList<>(firstBatch);
        all.addAll(secondBatch);
        Map<String, StoredTrade> expected = StoredTrade.expected(all);
        assertEquals(6, expected.get(a).version());
        assertEquals(expected, tableContents());
    }

    @Test
    void badRecordsAreSkippedAndLoggedWhileTheGoodOnesAreWritten() {
        Invocation invocation = Invocation.of(handler(), KinesisEvents.load("mixed-batch.json"));

        assertEquals(List.of(), invocation.failedItems());
        assertCounts(invocation.summary(), 18, 6, 2, 10, 0);
        assertEquals(10, invocation.log().linesOf(JsonLog.RECORD_REJECTED).size());
        String sorted = "{\"Region\": \"EMEA\", \"RiskType\": \"PV\", \"TradeDesk\": \"FXSpot\"}";
        String apacDelta = "{\"Region\": \"APAC\", \"RiskType\": \"Delta\", \"TradeDesk\": \"FXOptions\"}";
        assertEquals(Map.of(
                BatchPlannerTest.T1, new StoredTrade(BatchPlannerTest.T1, new BigDecimal("1610.0"), 3, sorted,
                        new BigDecimal("1733299993.75")),
                BatchPlannerTest.T2, new StoredTrade(BatchPlannerTest.T2, new BigDecimal("87000.1"), 0, sorted,
                        new BigDecimal("1733299991.25")),
                BatchPlannerTest.T3, new StoredTrade(BatchPlannerTest.T3, new BigDecimal("42.5"), 1, apacDelta,
                        new BigDecimal("1733299999.5")),
                BatchPlannerTest.T4, new StoredTrade(BatchPlannerTest.T4, new BigDecimal("99999.99"), 0,
                        "{\"Region\": \"AMER\", \"RiskType\": \"Delta\", \"TradeDesk\": \"FXOptions\"}",
                        new BigDecimal("1733299998.5"))), tableContents());
    }

    @Test
    void aTradeDynamoDbRefusesIsRejectedNotRetriedAndItsEarlierVersionStays() {
        Trade small = trades.version("trade-big", 1);
        // valid JSON and a valid trade, but an item over DynamoDB's 400 KB: a ValidationException no retry cures
        Trade huge = new Trade("trade-big", new BigDecimal("10.00"), 2, new BigDecimal("1733300000.5"),
                "{\"Notes\": \"" + "x".repeat(420_000) + "\", \"Region\": \"EMEA\"}");
        Trade other = trades.next();
        Invocation invocation = Invocation.of(handler(), KinesisEvents.of(Trades.messages(List.of(small, huge, other))));

        assertEquals(List.of(), invocation.failedItems(), "a refused record must never block the shard");
        assertCounts(invocation.summary(), 3, 2, 0, 1, 0);
        JsonNode rejected = invocation.log().onlyLineOf(JsonLog.RECORD_REJECTED);
        assertEquals(KinesisEvents.sequenceNumber(1), rejected.get("sequenceNumber").asText());
        assertEquals("trade-big", rejected.get("tradeId").asText());
        assertTrue(rejected.get("reason").asText().startsWith("DynamoDB refused the item: "), rejected.toString());
        assertEquals(StoredTrade.expected(List.of(small, other)), tableContents());
    }

    @Test
    void writesThatFailAfterTheSdkRetriesNameTheFirstFailedRecordAndARedeliveryConverges() throws IOException {
        List<Trade> sent = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            sent.add(trades.next());
        }
        try (FaultInjectingProxy proxy = FaultInjectingProxy.start(dynalite.endpoint())) {
            proxy.fail(sent.get(17).tradeId(), Fault.SERVER_ERROR)
                    .fail(sent.get(9).tradeId(), Fault.THROTTLING)
                    .fail(sent.get(23).tradeId(), Fault.DROPPED_CONNECTION);
            StateLambda handler = handler(proxy.endpoint(), 0);
            KinesisEvent event = KinesisEvents.of(Trades.messages(sent));

            Invocation first = Invocation.of(handler, event);
            assertEquals(List.of(KinesisEvents.sequenceNumber(9)), first.failedItems());
            assertCounts(first.summary(), 30, 27, 0, 0, 3);
            assertEquals(List.of(9, 17, 23).stream().map(KinesisEvents::sequenceNumber).toList(),
                    first.log().linesOf(JsonLog.WRITE_FAILED).stream()
                            .map(line -> line.get("sequenceNumber").asText()).toList());
            // the SDK's own retries ran before the handler gave the records back (standard mode: 3 attempts)
            assertEquals(3, proxy.updateAttempts(sent.get(17).tradeId()));
            assertEquals(3, proxy.updateAttempts(sent.get(9).tradeId()));
            List<Trade> written = new ArrayList<>(sent);
            written.removeAll(List.of(sent.get(9), sent.get(17), sent.get(23)));
            assertEquals(StoredTrade.expected(written), tableContents(), "the records after the failed one are kept");

            proxy.heal();
            List<Invocation> redelivered = Invocation.deliverUntilDone(handler, KinesisEvents.from(event,
                    KinesisEvents.sequenceNumber(9)), 3);
            assertEquals(1, redelivered.size());
            assertCounts(redelivered.get(0).summary(), 21, 3, 18, 0, 0);
        }
        assertEquals(StoredTrade.expected(sent), tableContents());
    }

    @Test
    void aTransientErrorTheSdkRetriesAwayDoesNotFailTheBatch() throws IOException {
        Trade trade = trades.next();
        try (FaultInjectingProxy proxy = FaultInjectingProxy.start(dynalite.endpoint())) {
            proxy.fail(trade.tradeId(), Fault.PROVISIONED_THROUGHPUT_EXCEEDED, 1)
                    .fail(trade.tradeId(), Fault.SERVER_ERROR, 2);
            Invocation invocation = Invocation.of(handler(proxy.endpoint(), 0),
                    KinesisEvents.of(Trades.messages(List.of(trade))));
            assertEquals(List.of(), invocation.failedItems());
            assertCounts(invocation.summary(), 1, 1, 0, 0, 0);
            assertEquals(3, proxy.updateAttempts(trade.tradeId()));
        }
        assertEquals(StoredTrade.expected(List.of(trade)), tableContents());
    }

    @Test
    void laterVersionsOfAFailedTradeIdAreNotWrittenAheadOfIt() throws IOException {
        List<Trade> sent = List.of(trades.version("trade-a", 1), trades.version("trade-a", 2), trades.next());
        try (FaultInjectingProxy proxy = FaultInjectingProxy.start(dynalite.endpoint())) {
            proxy.fail("trade-a", Fault.SERVER_ERROR);
            StateLambda handler = handler(proxy.endpoint(), 0);
            KinesisEvent event = KinesisEvents.of(Trades.messages(sent));

            Invocation first = Invocation.of(handler, event);
            assertEquals(List.of(KinesisEvents.sequenceNumber(0)), first.failedItems());
            assertCounts(first.summary(), 3, 1, 0, 0, 2);
            assertEquals(3, proxy.updateAttempts("trade-a"), "v2 was never sent while v1 failed");
            assertEquals(StoredTrade.expected(List.of(sent.get(2))), tableContents());

            proxy.heal();
            Invocation.deliverUntilDone(handler, event, 2);
        }
        assertEquals(StoredTrade.expected(sent), tableContents());
    }

    @Test
    void anEmptyBatchSucceedsWithoutWriting() {
        Invocation invocation = Invocation.of(handler(), KinesisEvents.load("empty-batch.json"));
        assertEquals(List.of(), invocation.failedItems());
        assertCounts(invocation.summary(), 0, 0, 0, 0, 0);
        assertEquals(Map.of(), tableContents());
    }

    @Test
    void withFailureInjectionAtOneHundredPercentNothingIsWritten() {
        Invocation invocation = Invocation.of(handler(dynalite.endpoint(), 100),
                KinesisEvents.of(Trades.messages(List.of(trades.next(), trades.next()))));
        assertInstanceOf(InjectedFailureException.class, invocation.thrown());
        assertEquals(2, invocation.log().onlyLineOf(JsonLog.FAILURE_INJECTED).get("records").asInt());
        assertEquals(Map.of(), tableContents());
    }

    /**
     * The workshop's harder mode: batches of 40 with 5 exact duplicates each, modifications sent out of order
     * (a lower version after a higher one), and half of all invocations failing on purpose.
     */
    @Test
    void workshopTrafficWithHalfTheInvocationsFailingStillEndsInTheExpectedState() {
        Random random = new Random(42);
        StateLambda handler = handler(dynalite.endpoint(), 50);
        List<Trade> sentSoFar = new ArrayList<>();
        int position = 0;
        for (int batchNumber = 0; batchNumber < 5; batchNumber++) {
            List<Trade> batch = new ArrayList<>();
            for (int i = 0; i < 33; i++) {
                batch.add(trades.next());
            }
            for (int i = 0; i < 2; i++) {
                // a modification: version 3 first, then the older version 2, out of order
                String id = batch.get(random.nextInt(batch.size())).tradeId();
                batch.add(trades.version(id, 3));
                batch.add(trades.version(id, 2));
            }
            for (int i = 0; i < 5; i++) {
                batch.add(batch.get(random.nextInt(batch.size())));
            }
            // 60 tries at 50 %: the chance that a batch never gets through is 2^-60
            Invocation.deliverUntilDone(handler, KinesisEvents.of(position, Trades.messages(batch)), 60);
            position += batch.size();
            sentSoFar.addAll(batch);
        }
        assertEquals(StoredTrade.expected(sentSoFar), tableContents());
    }
}
