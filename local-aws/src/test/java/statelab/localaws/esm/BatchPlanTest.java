package statelab.localaws.esm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import statelab.localaws.esm.model.MappingConfig;
import statelab.localaws.esm.policy.BatchPlan;
import statelab.localaws.esm.policy.Outcome;

/** Replays what a mapping invokes for one batch, with a function that fails on marked records. */
class BatchPlanTest {

    /** What the function saw and what became of each record. */
    private record Replay(List<List<Integer>> invocations, List<Integer> completed, List<Integer> givenUp,
            List<Integer> pauses, List<Integer> invokeCountsOfDiscards) {
    }

    private static Replay replay(int size, MappingConfig config, Function<List<Integer>, Outcome> function) {
        BatchPlan<Integer> plan = new BatchPlan<>(IntStream.range(0, size).boxed().toList());
        List<List<Integer>> invocations = new ArrayList<>();
        List<Integer> completed = new ArrayList<>();
        List<Integer> givenUp = new ArrayList<>();
        List<Integer> pauses = new ArrayList<>();
        List<Integer> invokeCounts = new ArrayList<>();
        int guard = 0;
        while (!plan.isDone() && guard++ < 1000) {
            List<Integer> records = plan.current().records();
            invocations.add(records);
            BatchPlan.Step<Integer> step = plan.record(function.apply(records), config);
            completed.addAll(step.completed());
            givenUp.addAll(step.givenUp());
            if (!step.givenUp().isEmpty()) {
                invokeCounts.add(step.invocations());
            }
            if (step.pause()) {
                pauses.add(invocations.size());
            }
        }
        return new Replay(invocations, completed, givenUp, pauses, invokeCounts);
    }

    /** A function that throws when the batch holds a marked record. */
    private static Function<List<Integer>, Outcome> throwsOn(Set<Integer> marked) {
        return records -> records.stream().anyMatch(marked::contains)
                ? new Outcome.Failed("Unhandled", "marked record") : new Outcome.Succeeded();
    }

    /** A function that reports the first marked record of its batch as failed. */
    private static Function<List<Integer>, Outcome> reportsFirstOf(Set<Integer> marked) {
        return records -> IntStream.range(0, records.size()).filter(i -> marked.contains(records.get(i))).boxed()
                .findFirst().<Outcome>map(Outcome.PartlyFailed::new).orElse(new Outcome.Succeeded());
    }

    @Test
    void bisectionIsolatesTheMarkedRecordRetriesItNPlusOneTimesAndDeliversEveryOtherRecord() {
        MappingConfig config = MappingConfig.defaults().withBisectBatchOnFunctionError(true).withMaximumRetryAttempts(2);
        Replay replay = replay(8, config, throwsOn(Set.of(5)));

        assertEquals(List.of(
                List.of(0, 1, 2, 3, 4, 5, 6, 7),
                List.of(0, 1, 2, 3),
                List.of(4, 5, 6, 7),
                List.of(4, 5),
                List.of(4),
                List.of(5), List.of(5), List.of(5),
                List.of(6, 7)), replay.invocations());
        assertEquals(List.of(5), replay.givenUp());
        assertEquals(List.of(0, 1, 2, 3, 4, 6, 7), replay.completed());
        // back-offs only between the counted retries of the single record
        assertEquals(List.of(6, 7), replay.pauses());
        assertEquals(List.of(3), replay.invokeCountsOfDiscards());
    }

    @Test
    void withoutBisectionTheWholeBatchIsRetriedAndGivenUpTogether() {
        MappingConfig config = MappingConfig.defaults().withMaximumRetryAttempts(1);
        Replay replay = replay(4, config, throwsOn(Set.of(2)));
        assertEquals(List.of(List.of(0, 1, 2, 3), List.of(0, 1, 2, 3)), replay.invocations());
        assertEquals(List.of(0, 1, 2, 3), replay.givenUp());
        assertEquals(List.of(), replay.completed());
    }

    @Test
    void aPartialFailureCheckpointsBeforeTheReportedRecordAndRetriesTheRestIncludingLaterSuccesses() {
        // AWS-REC: BatchSize 3, MaxRetry 3, the last record fails: 4 invocations in all, then it is discarded
        MappingConfig config = MappingConfig.defaults().withMaximumRetryAttempts(3).withReportBatchItemFailures(true);
        Replay replay = replay(3, config, reportsFirstOf(Set.of(2)));
        assertEquals(List.of(List.of(0, 1, 2), List.of(2), List.of(2), List.of(2)), replay.invocations());
        assertEquals(List.of(0, 1), replay.completed());
        assertEquals(List.of(2), replay.givenUp());
        assertEquals(List.of(4), replay.invokeCountsOfDiscards());
    }

    @Test
    void aPartialFailureInTheMiddleRetriesFromThereAndOnceItPassesTheRestIsDone() {
        MappingConfig config = MappingConfig.defaults().withMaximumRetryAttempts(-1).withReportBatchItemFailures(true);
        int[] calls = {0};
        Replay replay = replay(5, config, records -> ++calls[0] <= 2 && records.contains(2)
                ? new Outcome.PartlyFailed(records.indexOf(2)) : new Outcome.Succeeded());
        assertEquals(List.of(List.of(0, 1, 2, 3, 4), List.of(2, 3, 4), List.of(2, 3, 4)), replay.invocations());
        assertEquals(List.of(0, 1, 2, 3, 4), replay.completed());
        assertEquals(List.of(), replay.givenUp());
    }

    @Test
    void aFunctionThatDoesNotRunIsRetriedWithTheSameBatchWithoutUsingUpRetries() {
        MappingConfig config = MappingConfig.defaults().withMaximumRetryAttempts(0).withBisectBatchOnFunctionError(true);
        int[] calls = {0};
        Replay replay = replay(4, config, records -> ++calls[0] <= 5 ? new Outcome.NotInvoked("throttled")
                : new Outcome.Succeeded());
        assertEquals(6, replay.invocations().size());
        assertEquals(Set.of(List.of(0, 1, 2, 3)), Set.copyOf(replay.invocations()));
        assertEquals(List.of(0, 1, 2, 3), replay.completed());
        assertEquals(List.of(1, 2, 3, 4, 5), replay.pauses());
    }

    @Test
    void expiredRecordsLeaveThePartAndTheFreshOnesAreStillInvoked() {
        BatchPlan<Integer> plan = new BatchPlan<>(List.of(0, 1, 2, 3));
        plan.remove(List.of(0, 1));
        assertEquals(List.of(2, 3), plan.current().records());
        plan.remove(List.of(2, 3));
        assertEquals(true, plan.isDone());
    }

    @Test
    void everyRecordEndsCompletedOrGivenUpExactlyOnce() {
        MappingConfig config = MappingConfig.defaults().withBisectBatchOnFunctionError(true).withMaximumRetryAttempts(1);
        Replay replay = replay(100, config, throwsOn(Set.of(3, 50, 51, 99)));
        List<Integer> all = new ArrayList<>(replay.completed());
        all.addAll(replay.givenUp());
        assertEquals(IntStream.range(0, 100).boxed().collect(Collectors.toSet()), Set.copyOf(all));
        assertEquals(100, all.size());
        assertEquals(List.of(3, 50, 51, 99), replay.givenUp());
    }
}
