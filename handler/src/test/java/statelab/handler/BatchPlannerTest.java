package statelab.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import statelab.trade.Trade;

class BatchPlannerTest {
    static final String T1 = "0b0e7c6e-3f5e-4d0c-9d52-8a0f3c1e2b11";
    static final String T2 = "5d1f9a2c-7b44-4e3a-a1c9-2f6e8b0d4c22";
    static final String T3 = "9a7c3e51-1d2b-4f6a-8c0e-6b5d4a3f2e33";
    static final String T4 = "c4e2a8f0-6d3b-4a1c-b7e9-0f1d2c3b4a44";

    private final BatchPlan plan = BatchPlanner.plan(KinesisEvents.load("mixed-batch.json").getRecords());

    @Test
    void groupsTradesByTradeIdInOrderOfFirstAppearance() {
        assertEquals(List.of(T1, T2, T3, T4), plan.groups().stream().map(TradeGroup::tradeId).toList());
    }

    @Test
    void keepsStreamOrderInsideEachGroupWithoutCollapsingVersions() {
        Map<String, List<Integer>> positions = plan.groups().stream().collect(Collectors.toMap(TradeGroup::tradeId,
                group -> group.writes().stream().map(write -> write.record().position()).toList()));
        assertEquals(Map.of(T1, List.of(0, 2, 4), T2, List.of(1, 5), T3, List.of(8, 17), T4, List.of(15)), positions);

        List<Long> t1Versions = group(T1).writes().stream().map(write -> write.trade().version()).toList();
        assertEquals(List.of(1L, 3L, 2L), t1Versions, "the stale v2 after v3 stays, in its place");
    }

    @Test
    void carriesEachRecordsSequenceNumber() {
        PlannedWrite t3Second = group(T3).writes().get(1);
        assertEquals(17, t3Second.record().position());
        assertEquals(KinesisEvents.sequenceNumber(17), t3Second.record().sequenceNumber());
    }

    @Test
    void parsesTradesWithTheSharedModel() {
        Trade first = group(T1).writes().get(0).trade();
        assertEquals(new BigDecimal("1520.35"), first.value());
        assertEquals(1, first.version());
        assertEquals(new BigDecimal("1733299990.5"), first.timestamp());
        // the producer wrote TradeDesk, RiskType, Region: the item gets sorted keys
        assertEquals("{\"Region\": \"AMER\", \"RiskType\": \"Delta\", \"TradeDesk\": \"FXOptions\"}",
                group(T4).writes().get(0).trade().hierarchyJson());
    }

    @Test
    void rejectsEveryKindOfBadRecordWithItsReason() {
        Map<Integer, String> reasons = plan.rejections().stream()
                .collect(Collectors.toMap(rejection -> rejection.record().position(), Rejection::reason));
        assertEquals(List.of(3, 6, 7, 9, 10, 11, 12, 13, 14, 16), reasons.keySet().stream().sorted().toList());
        assertTrue(reasons.get(3).startsWith("not JSON"), reasons.get(3));
        assertEquals("missing field Version", reasons.get(6));
        assertEquals("not UTF-8 text", reasons.get(7));
        assertEquals("Version is negative: -1", reasons.get(9));
        assertEquals("Version is not a whole number: 1.5", reasons.get(10));
        assertEquals("TradeID is empty", reasons.get(11));
        assertEquals("Value must be a number, was a string", reasons.get(12));
        assertEquals("not a JSON object", reasons.get(13));
        assertTrue(reasons.get(14).contains("more than DynamoDB's key limit"), reasons.get(14));
        assertTrue(reasons.get(16).startsWith("Value is outside DynamoDB's number range"), reasons.get(16));
    }

    @Test
    void rejectionsKeepStreamOrderAndSequenceNumbers() {
        List<RecordRef> refs = plan.rejections().stream().map(Rejection::record).toList();
        assertEquals(refs.stream().sorted((a, b) -> Integer.compare(a.position(), b.position())).toList(), refs);
        refs.forEach(ref -> assertEquals(KinesisEvents.sequenceNumber(ref.position()), ref.sequenceNumber()));
    }

    @Test
    void everyRecordIsEitherPlannedOrRejected() {
        int planned = plan.groups().stream().mapToInt(group -> group.writes().size()).sum();
        assertEquals(18, plan.recordCount());
        assertEquals(plan.recordCount(), planned + plan.rejections().size());
        assertEquals("shardId-000000000000", plan.shardId());
    }

    @Test
    void anEmptyBatchPlansNothing() {
        BatchPlan empty = BatchPlanner.plan(KinesisEvents.load("empty-batch.json").getRecords());
        assertEquals(new BatchPlan(null, 0, List.of(), List.of()), empty);
    }

    private TradeGroup group(String tradeId) {
        return plan.groups().stream().filter(group -> group.tradeId().equals(tradeId)).findFirst().orElseThrow();
    }
}
