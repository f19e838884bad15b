package statelab.verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import statelab.trade.ParseResult;
import statelab.trade.Trade;
import statelab.trade.TradeParser;

class TradeGeneratorTest {
    static final WorkloadSpec HARD = new WorkloadSpec(2000, 500, 300, 400, 50, 42);

    @Test
    void sendsExactlyTheRequestedNumberOfRecordsOfEachKind() {
        Workload workload = TradeGenerator.generate(HARD);
        Map<RecordKind, Integer> counts = workload.countsByKind();
        assertEquals(2000, counts.get(RecordKind.NEW));
        assertEquals(500, counts.get(RecordKind.DUPLICATE));
        assertEquals(300, counts.get(RecordKind.OUT_OF_ORDER));
        assertEquals(400, counts.get(RecordKind.UPDATE));
        assertEquals(50, counts.get(RecordKind.BAD));
        assertEquals(HARD.totalRecords(), workload.records().size());
        assertEquals(2000, workload.expected().size());
    }

    @Test
    void theSameSeedGivesTheSameRecordsInTheSameOrder() {
        List<OutgoingRecord> first = TradeGenerator.generate(HARD).records();
        List<OutgoingRecord> second = TradeGenerator.generate(HARD).records();
        assertEquals(first.size(), second.size());
        for (int i = 0; i < first.size(); i++) {
            assertArrayEquals(first.get(i).data(), second.get(i).data(), "record " + i);
            assertEquals(first.get(i).partitionKey(), second.get(i).partitionKey());
            assertEquals(first.get(i).kind(), second.get(i).kind());
        }
    }

    @Test
    void anotherSeedGivesOtherTrades() {
        Workload a = TradeGenerator.generate(new WorkloadSpec(10, 0, 0, 0, 0, 1));
        Workload b = TradeGenerator.generate(new WorkloadSpec(10, 0, 0, 0, 0, 2));
        assertNotEquals(a.expected().get(0).tradeId(), b.expected().get(0).tradeId());
    }

    @Test
    void everyGoodRecordIsAWorkshopTradeAndEveryBadOneIsRejectedByTheSharedParser() {
        Set<String> regions = Set.of("EMEA", "APAC", "AMER");
        for (OutgoingRecord record : TradeGenerator.generate(HARD).records()) {
            ParseResult result = TradeParser.parse(record.data());
            if (record.kind() == RecordKind.BAD) {
                assertInstanceOf(ParseResult.Rejected.class, result, () -> record.detail() + ": "
                        + new String(record.data(), java.nio.charset.StandardCharsets.UTF_8));
                continue;
            }
            Trade trade = assertInstanceOf(ParseResult.Valid.class, result).trade();
            assertEquals(trade.tradeId(), record.partitionKey(), "a trade is keyed by its TradeID");
            assertTrue(trade.tradeId().matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"),
                    trade.tradeId());
            assertTrue(trade.value().stripTrailingZeros().scale() <= 2 && trade.value().signum() >= 0
                    && trade.value().compareTo(new BigDecimal("100000")) <= 0, trade.value().toPlainString());
            assertTrue(trade.timestamp().scale() > 0, "epoch seconds with a fraction");
            assertTrue(trade.hierarchyJson().matches("\\{\"Region\": \"(EMEA|APAC|AMER)\", \"RiskType\": \"(PV|Delta)\", "
                    + "\"TradeDesk\": \"(FXSpot|FXOptions)\"}"), trade.hierarchyJson());
            assertTrue(regions.stream().anyMatch(trade.hierarchyJson()::contains));
        }
    }

    @Test
    void everyKindOfBadRecordIsSentWhenThereAreEnough() {
        Set<String> details = new HashSet<>();
        TradeGenerator.generate(new WorkloadSpec(50, 0, 0, 0, 50, 7)).records().stream()
                .filter(r -> r.kind() == RecordKind.BAD).forEach(r -> details.add(r.detail()));
        assertEquals(TradeGenerator.BadKind.values().length, details.size(), details.toString());
    }

    @Test
    void theExpectedStateIsTheHighestVersionSentForEveryTradeAndNothingForBadRecords() {
        Workload workload = TradeGenerator.generate(HARD);
        Map<String, Trade> highest = new HashMap<>();
        for (OutgoingRecord record : workload.records()) {
            if (TradeParser.parse(record.data()) instanceof ParseResult.Valid valid) {
                highest.merge(valid.trade().tradeId(), valid.trade(),
                        (a, b) -> a.version() >= b.version() ? a : b);
            }
        }
        assertEquals(new HashSet<>(workload.expected()), new HashSet<>(highest.values()));
        Set<String> ids = new HashSet<>(highest.keySet());
        assertEquals(workload.expected().size(), ids.size(), "one item per TradeID");
        for (String absent : workload.absentIds()) {
            assertFalse(ids.contains(absent), "a bad record's fresh TradeID is no good trade's");
        }
        assertFalse(workload.absentIds().isEmpty());
    }

    @Test
    void theConditionalWriteReachesTheExpectedStateWhateverTheShardsInterleaving() {
        Workload workload = TradeGenerator.generate(HARD);
        List<Trade> expected = workload.expected();
        List<KinesisHashing.Range> ranges = KinesisHashing.evenRanges(4);
        List<Deque<OutgoingRecord>> shards = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            shards.add(new ArrayDeque<>());
        }
        for (OutgoingRecord record : workload.records()) {
            shards.get(KinesisHashing.shardOf(record.partitionKey(), ranges)).add(record);
        }
        for (long interleaving = 0; interleaving < 5; interleaving++) {
            Map<String, Trade> table = applyInterleaved(shards, new Random(interleaving));
            assertEquals(expected.size(), table.size());
            for (Trade trade : expected) {
                assertEquals(trade, table.get(trade.tradeId()));
            }
        }
    }

    @Test
    void anOutOfOrderRecordFollowsANewerVersionOfItsTradeAndUpdatesRaiseTheVersion() {
        Map<String, Long> highestSoFar = new HashMap<>();
        for (OutgoingRecord record : TradeGenerator.generate(HARD).records()) {
            if (record.kind() == RecordKind.BAD) {
                continue;
            }
            Trade trade = ((ParseResult.Valid) TradeParser.parse(record.data())).trade();
            Long before = highestSoFar.get(trade.tradeId());
            switch (record.kind()) {
                case NEW -> assertEquals(null, before, "a trade's first version comes first");
                case UPDATE -> assertTrue(before != null && trade.version() > before, "an update is newer");
                case OUT_OF_ORDER -> assertTrue(before != null && trade.version() < before,
                        "an out-of-order record is older than a version already sent");
                default -> assertTrue(before != null, "a duplicate re-sends a record already sent");
            }
            highestSoFar.merge(trade.tradeId(), trade.version(), Math::max);
        }
    }

    @Test
    void aDuplicateIsAByteForByteReSendOfAnEarlierRecord() {
        List<OutgoingRecord> records = TradeGenerator.generate(HARD).records();
        Set<String> sent = new HashSet<>();
        for (OutgoingRecord record : records) {
            String bytes = Arrays.toString(record.data());
            if (record.kind() == RecordKind.DUPLICATE) {
                assertTrue(sent.contains(bytes));
            }
            sent.add(bytes);
        }
    }

    @Test
    void exactlyTheRecordsHoldingATradesFinalStateStartItsLatencyClock() {
        Workload workload = TradeGenerator.generate(HARD);
        boolean[] covered = new boolean[workload.expected().size()];
        for (OutgoingRecord record : workload.records()) {
            boolean holdsFinal = record.kind() != RecordKind.BAD && TradeParser.parse(record.data())
                    instanceof ParseResult.Valid valid && valid.trade().equals(workload.expected().get(record.trade()));
            assertEquals(holdsFinal, record.carriesExpected(), record.kind().toString());
            if (holdsFinal) {
                covered[record.trade()] = true;
            }
        }
        for (boolean c : covered) {
            assertTrue(c, "every trade's final version is sent");
        }
    }

    @ParameterizedTest(name = "{0} shards")
    @ValueSource(ints = {1, 2, 3, 4, 8})
    void partitionKeysSpreadEvenlyOverEveryShard(int shardCount) {
        List<KinesisHashing.Range> ranges = KinesisHashing.evenRanges(shardCount);
        int[] perShard = new int[shardCount];
        Workload workload = TradeGenerator.generate(new WorkloadSpec(4000, 0, 0, 0, 0, 3));
        workload.records().forEach(r -> perShard[KinesisHashing.shardOf(r.partitionKey(), ranges)]++);
        double share = 4000.0 / shardCount;
        for (int count : perShard) {
            assertTrue(count > 0.85 * share && count < 1.15 * share, Arrays.toString(perShard));
        }
    }

    @Test
    void aSmallRunStillReachesBothShardsOfTheLabsStream() {
        List<KinesisHashing.Range> ranges = KinesisHashing.evenRanges(2);
        for (long seed = 0; seed < 20; seed++) {
            Set<Integer> shards = new HashSet<>();
            TradeGenerator.generate(new WorkloadSpec(100, 0, 0, 0, 0, seed)).records()
                    .forEach(r -> shards.add(KinesisHashing.shardOf(r.partitionKey(), ranges)));
            assertEquals(2, shards.size(), "seed " + seed);
        }
    }

    /** Applies shards' records in a random interleaving that keeps each shard's order, with the workshop's rule. */
    private static Map<String, Trade> applyInterleaved(List<Deque<OutgoingRecord>> shards, Random random) {
        List<Deque<OutgoingRecord>> queues = new ArrayList<>();
        shards.forEach(shard -> queues.add(new ArrayDeque<>(shard)));
        Map<String, Trade> table = new HashMap<>();
        List<Integer> live = new ArrayList<>();
        for (int i = 0; i < queues.size(); i++) {
            live.add(i);
        }
        while (!live.isEmpty()) {
            Collections.shuffle(live, random);
            int shard = live.get(0);
            OutgoingRecord record = queues.get(shard).poll();
            if (record == null) {
                live.remove(0);
                continue;
            }
            if (TradeParser.parse(record.data()) instanceof ParseResult.Valid valid) {
                Trade incoming = valid.trade();
                Trade stored = table.get(incoming.tradeId());
                if (stored == null || stored.version() < incoming.version()) {
                    table.put(incoming.tradeId(), incoming);
                }
            }
        }
        return table;
    }
}
