package statelab.localaws.esm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import statelab.localaws.esm.FakeFunctions.Invocation;
import statelab.localaws.esm.FakeFunctions.Received;
import statelab.localaws.testing.Await;
import statelab.localaws.testing.EmulatorsPerClass;

/** Batches, order, parallel shards and slots, the event itself: a real kinesis-mock, a recording fake function. */
class EsmDeliveryIT {
    private static final String LAST_HASH_KEY = BigInteger.TWO.pow(128).subtract(BigInteger.ONE).toString();

    @RegisterExtension
    static final EmulatorsPerClass EMULATORS = new EmulatorsPerClass();

    @TempDir
    Path dataDir;
    EsmTestbed bed;

    @BeforeEach
    void start() {
        bed = new EsmTestbed(EMULATORS.get(), dataDir);
        bed.functions.define("recorder");
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    /** Per shard, the sequence numbers in the order the function received them. */
    private static Map<String, List<BigInteger>> receivedPerShard(List<Invocation> invocations) {
        Map<String, List<BigInteger>> perShard = new HashMap<>();
        for (Invocation invocation : invocations) {
            for (Received record : invocation.records()) {
                perShard.computeIfAbsent(record.shardId(), k -> new ArrayList<>()).add(record.sequence());
            }
        }
        return perShard;
    }

    private static void assertAscending(List<BigInteger> sequence) {
        for (int i = 1; i < sequence.size(); i++) {
            assertTrue(sequence.get(i).compareTo(sequence.get(i - 1)) > 0, "out of order at " + i + ": " + sequence);
        }
    }

    @Test
    void everyRecordArrivesOnceInBatchesOfAtMostBatchSizeInSequenceOrderPerShard() {
        String stream = bed.createStream("delivery", 2);
        Set<String> sent = new HashSet<>();
        for (int i = 0; i < 150; i++) {
            sent.add("r" + i);
            bed.put(stream, "key-" + (i % 13), "r" + i);
        }
        bed.map("recorder", stream, b -> b.batchSize(10));
        for (int i = 150; i < 300; i++) {
            sent.add("r" + i);
            bed.put(stream, "key-" + (i % 13), "r" + i);
        }
        Await.until("all 300 records were delivered", EsmTestbed.WAIT, () -> bed.functions.delivered().containsAll(sent));

        List<Invocation> invocations = bed.functions.invocations();
        for (Invocation invocation : invocations) {
            assertTrue(invocation.records().size() <= 10, "batch of " + invocation.records().size());
            assertEquals(1, invocation.records().stream().map(Received::shardId).distinct().count(), "one shard per batch");
        }
        Map<String, List<BigInteger>> perShard = receivedPerShard(invocations);
        assertEquals(2, perShard.size(), "both shards delivered");
        perShard.values().forEach(EsmDeliveryIT::assertAscending);
        assertEquals(300, invocations.stream().mapToInt(i -> i.records().size()).sum(), "nothing delivered twice");
    }

    @Test
    void theEventNamesTheShardTheStreamTheRecordAndTheFunctionsRole() {
        String stream = bed.createStream("event-shape", 1);
        var put = bed.put(stream, "user-42", "hello");
        bed.map("recorder", stream, b -> b);
        Await.until("the record was delivered", EsmTestbed.WAIT, () -> bed.functions.delivered().contains("hello"));

        Invocation invocation = bed.functions.invocations().get(0);
        Received record = invocation.records().get(0);
        assertEquals(put.shardId() + ":" + put.sequenceNumber(), record.eventId());
        assertEquals(put.sequenceNumber(), record.sequenceNumber());
        assertEquals("user-42", record.partitionKey());
        assertEquals(stream, record.eventSourceArn());
        assertEquals("arn:aws:iam::000000000000:role/recorder-role", record.invokeIdentityArn());
        double ageSeconds = System.currentTimeMillis() / 1000.0 - record.arrival();
        assertTrue(ageSeconds >= 0 && ageSeconds < 60, "approximateArrivalTimestamp is epoch seconds: " + record.arrival());
        assertTrue(invocation.event().startsWith("{\"Records\":[{\"kinesis\":{\"kinesisSchemaVersion\":\"1.0\","
                + "\"partitionKey\":\"user-42\",\"sequenceNumber\":\"" + put.sequenceNumber() + "\",\"data\":\"aGVsbG8=\""),
                invocation.event());
    }

    @Test
    void shardsArePolledInParallelSoAShardBlockedByAFailingBatchDoesNotStopTheOther() {
        String stream = bed.createStream("parallel", 2);
        bed.functions.answer(invocation -> invocation.data().contains("poison") ? FakeFunctions.THREW : FakeFunctions.SUCCESS);
        bed.putToHashKey(stream, "0", "poison");
        bed.putToHashKey(stream, "0", "behind-poison");
        bed.map("recorder", stream, b -> b.batchSize(1));
        for (int i = 0; i < 20; i++) {
            bed.putToHashKey(stream, LAST_HASH_KEY, "other-" + i);
        }
        Await.until("the other shard delivered everything", EsmTestbed.WAIT,
                () -> bed.functions.delivered().containsAll(List.of("other-0", "other-19")));
        Await.until("the poisoned batch was retried while the other shard flowed", EsmTestbed.WAIT,
                () -> bed.functions.invocations().stream().filter(i -> i.data().contains("poison")).count() >= 3);
        assertTrue(!bed.functions.delivered().contains("behind-poison"), "a shard is blocked behind its failing batch");
    }

    @Test
    void aShardWithParallelizationFactorRunsBatchesConcurrentlyAndKeepsEachPartitionKeysOrder() throws Exception {
        String stream = bed.createStream("factor", 1);
        CountDownLatch twoAtOnce = new CountDownLatch(2);
        bed.functions.answer(invocation -> {
            twoAtOnce.countDown();
            try {
                twoAtOnce.await(2, TimeUnit.SECONDS); // hold the first batches until another slot runs one too
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return FakeFunctions.SUCCESS;
        });
        Set<String> sent = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            sent.add("k" + (i % 10) + "-" + i);
            bed.put(stream, "k" + (i % 10), "k" + (i % 10) + "-" + i);
        }
        bed.map("recorder", stream, b -> b.batchSize(5).parallelizationFactor(4));
        Await.until("all 200 records were delivered", EsmTestbed.WAIT, () -> bed.functions.delivered().containsAll(sent));

        assertTrue(bed.functions.mostAtOnce() >= 2, "batches of one shard ran concurrently");
        Map<String, List<Integer>> perKey = new HashMap<>();
        for (Invocation invocation : bed.functions.invocations()) {
            for (Received record : invocation.records()) {
                perKey.computeIfAbsent(record.partitionKey(), k -> new ArrayList<>())
                        .add(Integer.parseInt(record.data().substring(record.data().indexOf('-') + 1)));
            }
        }
        for (List<Integer> order : perKey.values()) {
            assertEquals(order.stream().sorted().toList(), order, "records of one key arrive in order");
        }
        assertEquals(10, perKey.size());
    }

    @Test
    void aBatchingWindowGathersRecordsPutOneByOneIntoOneBatch() {
        String stream = bed.createStream("window", 1);
        String uuid = bed.map("recorder", stream, b -> b.batchSize(100).maximumBatchingWindowInSeconds(3));
        assertEquals(3, bed.get(uuid).maximumBatchingWindowInSeconds());
        for (int i = 0; i < 5; i++) {
            bed.put(stream, "k", "w" + i);
        }
        Await.until("the records were delivered", EsmTestbed.WAIT,
                () -> bed.functions.delivered().containsAll(List.of("w0", "w1", "w2", "w3", "w4")));
        assertEquals(List.of(List.of("w0", "w1", "w2", "w3", "w4")),
                bed.functions.invocations().stream().map(Invocation::data).toList());
    }

    @Test
    void aRecordPutOnAnIdleStreamReachesTheFunctionQuickly() {
        String stream = bed.createStream("latency", 1);
        bed.map("recorder", stream, b -> b);
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String data = "ping-" + i;
            long putAt = System.nanoTime();
            bed.put(stream, "k", data);
            Await.until(data + " was delivered", EsmTestbed.WAIT, () -> bed.functions.delivered().contains(data));
            Invocation invocation = bed.functions.invocations().stream().filter(inv -> inv.data().contains(data))
                    .findFirst().orElseThrow();
            latencies.add(Duration.ofNanos(invocation.startedNanos() - putAt).toMillis());
        }
        latencies.sort(null);
        // the poll interval is 50 ms here: a record waits at most one interval plus a read
        assertTrue(latencies.get(latencies.size() / 2) < 1000, "median put-to-function " + latencies);
    }

    @Test
    void aBatchIsCutSoThatItsEventFitsTheSixMebibytePayloadLimit() {
        String stream = bed.createStream("big-records", 1);
        String megabyte = "x".repeat(1_000_000);
        for (int i = 0; i < 6; i++) {
            bed.put(stream, "k", i + megabyte);
        }
        bed.map("recorder", stream, b -> b.batchSize(100));
        Await.until("the six records were delivered", EsmTestbed.WAIT, () -> bed.functions.invocations().stream()
                .mapToInt(i -> i.records().size()).sum() >= 6);
        // a 1 MB record is about 1.33 MB in the event (base64): four fit in 6 MiB, five do not
        assertEquals(List.of(4, 2), bed.functions.invocations().stream().map(i -> i.records().size()).toList());
        for (Invocation invocation : bed.functions.invocations()) {
            assertTrue(invocation.event().getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 6 * 1024 * 1024);
        }
    }
}
