package statelab.localaws.esm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import statelab.localaws.esm.FakeFunctions.Invocation;
import statelab.localaws.esm.FakeFunctions.Received;
import statelab.localaws.esm.store.CheckpointStore;
import statelab.localaws.esm.store.ShardCheckpoint;
import statelab.localaws.testing.Await;
import statelab.localaws.testing.EmulatorsPerClass;

/** Starting positions, disable/enable, updates, restarts of local-aws, delete: the place is never lost. */
class EsmLifecycleIT {
    @RegisterExtension
    static final EmulatorsPerClass EMULATORS = new EmulatorsPerClass();

    @TempDir
    Path dataDir;
    EsmTestbed bed;

    @BeforeEach
    void start() {
        bed = new EsmTestbed(EMULATORS.get(), dataDir);
        bed.functions.define("fn");
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    private void putAll(String stream, String prefix, int count) {
        for (int i = 0; i < count; i++) {
            bed.put(stream, "k" + (i % 3), prefix + i);
        }
    }

    private static Set<String> named(String prefix, int count) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < count; i++) {
            names.add(prefix + i);
        }
        return names;
    }

    /** How often each record was delivered. */
    private Map<String, Integer> deliveries() {
        Map<String, Integer> counts = new HashMap<>();
        for (Invocation invocation : bed.functions.invocations()) {
            invocation.data().forEach(d -> counts.merge(d, 1, Integer::sum));
        }
        return counts;
    }

    @Test
    void latestSkipsRecordsPutBeforeTheMappingWasEnabled() {
        String stream = bed.createStream("latest", 2);
        putAll(stream, "before", 3);
        String uuid = bed.lambda.createEventSourceMapping(b -> b.functionName("fn").eventSourceArn(stream)
                .startingPosition("LATEST")).uuid();
        bed.awaitState(uuid, "Enabled");
        putAll(stream, "after", 3);
        Await.until("the later records were delivered", EsmTestbed.WAIT,
                () -> bed.functions.delivered().containsAll(named("after", 3)));
        assertEquals(named("after", 3), bed.functions.delivered());
    }

    @Test
    void latestIsResolvedOnceSoRecordsPutWhileLocalAwsWasDownAreNotSkipped() {
        String stream = bed.createStream("latest-restart", 1);
        putAll(stream, "before", 2);
        String uuid = bed.lambda.createEventSourceMapping(b -> b.functionName("fn").eventSourceArn(stream)
                .startingPosition("LATEST")).uuid();
        bed.awaitState(uuid, "Enabled");
        bed.stopMappings();
        putAll(stream, "while-down", 2);
        bed.startMappings();
        Await.until("the records put while down were delivered", EsmTestbed.WAIT,
                () -> bed.functions.delivered().containsAll(named("while-down", 2)));
        assertEquals(named("while-down", 2), bed.functions.delivered());
    }

    @Test
    void atTimestampStartsWithTheFirstRecordThatArrivedAtOrAfterIt() {
        String stream = bed.createStream("at-timestamp", 1);
        putAll(stream, "early", 2);
        long afterEarly = System.currentTimeMillis();
        Await.until("a second has passed", Duration.ofSeconds(5), () -> System.currentTimeMillis() > afterEarly + 1000);
        Instant start = Instant.ofEpochMilli(System.currentTimeMillis());
        putAll(stream, "late", 2);
        String uuid = bed.lambda.createEventSourceMapping(b -> b.functionName("fn").eventSourceArn(stream)
                .startingPosition("AT_TIMESTAMP").startingPositionTimestamp(start)).uuid();
        assertEquals(start, bed.get(uuid).startingPositionTimestamp());
        Await.until("the late records were delivered", EsmTestbed.WAIT,
                () -> bed.functions.delivered().containsAll(named("late", 2)));
        assertEquals(named("late", 2), bed.functions.delivered());
    }

    @Test
    void disablingStopsPollingAndEnablingResumesFromTheCheckpointWithoutRepeats() {
        String stream = bed.createStream("toggle", 1);
        putAll(stream, "a", 5);
        String uuid = bed.map("fn", stream, b -> b);
        Await.until("the first records were delivered", EsmTestbed.WAIT,
                () -> bed.functions.delivered().containsAll(named("a", 5)));
        bed.update(uuid, "Disabled", b -> b.enabled(false));
        assertTrue(bed.mappings().registry().runner(uuid).isEmpty(), "a disabled mapping does not poll");
        putAll(stream, "b", 5);
        bed.update(uuid, "Enabled", b -> b.enabled(true));
        Await.until("the records put while disabled were delivered", EsmTestbed.WAIT,
                () -> bed.functions.delivered().containsAll(named("b", 5)));
        deliveries().forEach((record, times) -> assertEquals(1, times, record + " delivered " + times + " times"));
    }

    @Test
    void updatesOfBatchSizeAndParallelizationTakeEffectWithoutLosingOrRepeatingARecord() {
        String stream = bed.createStream("update", 1);
        putAll(stream, "first", 20);
        String uuid = bed.map("fn", stream, b -> b.batchSize(5));
        Await.until("the first records were delivered", EsmTestbed.WAIT,
                () -> bed.functions.delivered().containsAll(named("first", 20)));
        bed.update(uuid, "Enabled", b -> b.batchSize(2));
        assertEquals(2, bed.get(uuid).batchSize());
        int before = bed.functions.invocations().size();
        putAll(stream, "second", 10);
        Await.until("the second records were delivered", EsmTestbed.WAIT,
                () -> bed.functions.delivered().containsAll(named("second", 10)));
        for (Invocation invocation : bed.functions.invocations().subList(before, bed.functions.invocations().size())) {
            assertTrue(invocation.records().size() <= 2, "batch of " + invocation.records().size() + " after the update");
        }
        bed.update(uuid, "Enabled", b -> b.parallelizationFactor(3));
        putAll(stream, "third", 10);
        Await.until("the third records were delivered", EsmTestbed.WAIT,
                () -> bed.functions.delivered().containsAll(named("third", 10)));
        deliveries().forEach((record, times) -> assertEquals(1, times, record + " delivered " + times + " times"));
        assertEquals(40, deliveries().size());
    }

    @Test
    void afterARestartEachMappingResumesAfterItsLastCheckpointAndSkipsNothing() {
        String stream = bed.createStream("restart", 2);
        bed.functions.answer(invocation -> {
            try {
                Thread.sleep(20); // a function that takes a while, so that the restart falls mid-stream
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return FakeFunctions.SUCCESS;
        });
        putAll(stream, "r", 300);
        String uuid = bed.map("fn", stream, b -> b.batchSize(10));
        Await.until("a few batches were delivered", EsmTestbed.WAIT, () -> bed.functions.invocations().size() >= 6);
        bed.stopMappings();
        int beforeRestart = bed.functions.invocations().size();
        CheckpointStore checkpoints = new CheckpointStore(dataDir.resolve("esm").resolve("checkpoints"));
        Map<String, BigInteger> checkpointed = new HashMap<>();
        for (ShardCheckpoint checkpoint : checkpoints.readAll(uuid)) {
            checkpointed.put(checkpoint.shardId(), new BigInteger(checkpoint.sequenceNumber().text()));
        }
        assertTrue(bed.functions.delivered().size() < 300, "the restart came mid-stream");

        bed.startMappings();
        Await.until("every record was delivered", EsmTestbed.WAIT,
                () -> bed.functions.delivered().containsAll(named("r", 300)));
        List<Invocation> all = bed.functions.invocations();
        for (Invocation invocation : all.subList(beforeRestart, all.size())) {
            for (Received record : invocation.records()) {
                BigInteger checkpoint = checkpointed.get(record.shardId());
                assertTrue(checkpoint == null || record.sequence().compareTo(checkpoint) > 0,
                        "after the restart, " + record.data() + " came again although it was checkpointed");
            }
        }
        long repeats = deliveries().values().stream().mapToInt(times -> times - 1).sum();
        assertTrue(repeats <= 2 * 10, "at most the unfinished batch per shard is seen twice, not " + repeats);
    }

    @Test
    void aDeletedMappingStopsPollingAndLeavesNoCheckpointBehind() {
        String stream = bed.createStream("delete", 1);
        putAll(stream, "d", 3);
        String uuid = bed.map("fn", stream, b -> b);
        Await.until("the records were delivered", EsmTestbed.WAIT, () -> bed.functions.delivered().containsAll(named("d", 3)));
        assertEquals("Deleting", bed.lambda.deleteEventSourceMapping(b -> b.uuid(uuid)).state());
        Await.until("the mapping is gone", EsmTestbed.WAIT, () -> {
            try {
                bed.get(uuid);
                return false;
            } catch (ResourceNotFoundException e) {
                return true;
            }
        });
        assertThrows(ResourceNotFoundException.class, () -> bed.get(uuid));
        assertTrue(bed.mappings().registry().runner(uuid).isEmpty());
        assertEquals(List.of(), new CheckpointStore(dataDir.resolve("esm").resolve("checkpoints")).readAll(uuid));
        assertFalse(bed.mappings().registry().get(uuid).isPresent());
        assertEquals(new ArrayList<>(List.of()), new ArrayList<>(bed.mappings().registry().all()));
    }
}
