package statelab.localaws.esm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;
import statelab.localaws.esm.FakeFunctions.Invocation;
import statelab.localaws.esm.FakeFunctions.Received;
import statelab.localaws.esm.model.StreamArn;
import statelab.localaws.esm.reader.ReadResult;
import statelab.localaws.esm.reader.ShardInfo;
import statelab.localaws.esm.reader.ShardPosition;
import statelab.localaws.esm.reader.StreamReader;
import statelab.localaws.testing.Await;
import statelab.localaws.testing.EmulatorsPerClass;

/** Expired iterators and resharding: no record lost, none out of order, parents before children. */
class EsmRecoveryIT {
    @RegisterExtension
    static final EmulatorsPerClass EMULATORS = new EmulatorsPerClass();

    @TempDir
    Path dataDir;
    EsmTestbed bed;

    @AfterEach
    void stop() {
        if (bed != null) {
            bed.close();
        }
    }

    /**
     * The real reader, counting shard listings, and (when {@code expireEveryThirdRead}) finding every third read's
     * iterator expired, as after 5 idle minutes.
     */
    private static final class ExpiringReader implements StreamReader {
        final StreamReader real;
        final boolean expireEveryThirdRead;
        final AtomicInteger reads = new AtomicInteger();
        final AtomicInteger expired = new AtomicInteger();
        final AtomicInteger listings = new AtomicInteger();

        ExpiringReader(StreamReader real, boolean expireEveryThirdRead) {
            this.real = real;
            this.expireEveryThirdRead = expireEveryThirdRead;
        }

        @Override
        public boolean streamExists(StreamArn stream) {
            return real.streamExists(stream);
        }

        @Override
        public List<ShardInfo> listShards(StreamArn stream) {
            listings.incrementAndGet();
            return real.listShards(stream);
        }

        @Override
        public String openIterator(StreamArn stream, String shardId, ShardPosition position) {
            return real.openIterator(stream, shardId, position);
        }

        @Override
        public ReadResult read(StreamArn stream, String shardId, String iterator, int limit) {
            if (expireEveryThirdRead && reads.incrementAndGet() % 3 == 0) {
                expired.incrementAndGet();
                throw new IteratorExpiredException(shardId + ": the shard iterator expired");
            }
            return real.read(stream, shardId, iterator, limit);
        }
    }

    private Map<String, Integer> deliveries() {
        Map<String, Integer> counts = new HashMap<>();
        for (Invocation invocation : bed.functions.invocations()) {
            invocation.data().forEach(d -> counts.merge(d, 1, Integer::sum));
        }
        return counts;
    }

    private static Set<String> named(String prefix, int count) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < count; i++) {
            names.add(prefix + i);
        }
        return names;
    }

    /** Holds back batches of the parents' records until the test opens the gate: the children have records by then. */
    private java.util.concurrent.CountDownLatch gateParents(String... parentPrefixes) {
        java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
        bed.functions.answer(invocation -> {
            if (invocation.data().stream().anyMatch(d -> java.util.Arrays.stream(parentPrefixes).anyMatch(d::startsWith))) {
                try {
                    gate.await(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return FakeFunctions.SUCCESS;
        });
        return gate;
    }

    /** A testbed whose reader counts shard listings, so that a test can wait for the mapping to look again. */
    private ExpiringReader countingBed() {
        ExpiringReader[] reader = new ExpiringReader[1];
        bed = new EsmTestbed(EMULATORS.get(), dataDir, java.time.Clock.systemUTC(), real -> reader[0] = new ExpiringReader(real, false));
        bed.functions.define("fn");
        return reader[0];
    }

    /** Waits until the mapping has listed the shards twice more: it has seen the children and could start them. */
    private static void awaitTwoMoreDiscoveries(ExpiringReader reader) {
        int now = reader.listings.get();
        Await.until("the mapping listed the shards again", EsmTestbed.WAIT, () -> reader.listings.get() >= now + 2);
    }

    private void awaitActive(String stream) {
        Await.until("the stream is ACTIVE again", EsmTestbed.WAIT, () -> bed.kinesis.describeStreamSummary(
                b -> b.streamARN(stream)).streamDescriptionSummary().streamStatus() == StreamStatus.ACTIVE);
    }

    /** The index of the first invocation holding one of these records, and of the last. */
    private int[] span(Set<String> records) {
        List<Invocation> invocations = bed.functions.invocations();
        int first = Integer.MAX_VALUE;
        int last = -1;
        for (int i = 0; i < invocations.size(); i++) {
            if (invocations.get(i).data().stream().anyMatch(records::contains)) {
                first = Math.min(first, i);
                last = i;
            }
        }
        return new int[] {first, last};
    }

    @Test
    void expiredIteratorsAreReopenedWithoutLosingRepeatingOrReorderingARecord() {
        ExpiringReader[] reader = new ExpiringReader[1];
        bed = new EsmTestbed(EMULATORS.get(), dataDir, java.time.Clock.systemUTC(), real -> reader[0] = new ExpiringReader(real, true));
        bed.functions.define("fn");
        String stream = bed.createStream("expiring", 1);
        for (int i = 0; i < 30; i++) {
            bed.put(stream, "k", "e" + i);
        }
        bed.map("fn", stream, b -> b.batchSize(3));
        for (int i = 30; i < 60; i++) {
            bed.put(stream, "k", "e" + i);
        }
        Await.until("every record was delivered", EsmTestbed.WAIT, () -> bed.functions.delivered().containsAll(named("e", 60)));
        assertTrue(reader[0].expired.get() >= 3, "iterators expired " + reader[0].expired.get() + " times");
        deliveries().forEach((record, times) -> assertEquals(1, times, record + " delivered " + times + " times"));
        List<BigInteger> order = new ArrayList<>();
        bed.functions.invocations().forEach(i -> i.records().forEach(r -> order.add(r.sequence())));
        assertEquals(order.stream().sorted().toList(), order);
    }

    @Test
    void afterASplitTheParentIsFinishedBeforeItsChildrenStartAndNothingIsLost() {
        ExpiringReader reader = countingBed();
        java.util.concurrent.CountDownLatch gate = gateParents("p");
        String stream = bed.createStream("split", 1);
        for (int i = 0; i < 10; i++) {
            bed.put(stream, "parent-key-" + i, "p" + i);
        }
        String uuid = bed.map("fn", stream, b -> b.batchSize(1));
        Shard parent = bed.kinesis.listShards(b -> b.streamARN(stream)).shards().get(0);
        BigInteger start = new BigInteger(parent.hashKeyRange().startingHashKey());
        BigInteger end = new BigInteger(parent.hashKeyRange().endingHashKey());
        bed.kinesis.splitShard(b -> b.streamARN(stream).shardToSplit(parent.shardId())
                .newStartingHashKey(start.add(end).shiftRight(1).toString()));
        awaitActive(stream);
        for (int i = 0; i < 10; i++) {
            bed.put(stream, "child-key-" + i, "c" + i);
        }
        awaitTwoMoreDiscoveries(reader);
        gate.countDown();
        Await.until("every record was delivered", EsmTestbed.WAIT, () -> bed.functions.delivered()
                .containsAll(named("p", 10)) && bed.functions.delivered().containsAll(named("c", 10)));

        int[] parentSpan = span(named("p", 10));
        int[] childSpan = span(named("c", 10));
        assertTrue(parentSpan[1] < childSpan[0], "the parent's last batch (" + parentSpan[1]
                + ") came before the children's first (" + childSpan[0] + ")");
        Set<String> childShards = new HashSet<>();
        bed.functions.invocations().stream().flatMap(i -> i.records().stream()).filter(r -> r.data().startsWith("c"))
                .map(Received::shardId).forEach(childShards::add);
        assertEquals(2, childShards.size(), "both children were read");
        assertTrue(bed.mappings().registry().runner(uuid).orElseThrow().activeShards().stream()
                .noneMatch(parent.shardId()::equals), "the finished parent is no longer polled");
        deliveries().forEach((record, times) -> assertEquals(1, times, record + " delivered " + times + " times"));
    }

    @Test
    void afterAMergeTheChildStartsOnlyWhenBothParentsAreFinished() {
        ExpiringReader reader = countingBed();
        java.util.concurrent.CountDownLatch gate = gateParents("a", "b");
        String stream = bed.createStream("merge", 2);
        String last = BigInteger.TWO.pow(128).subtract(BigInteger.ONE).toString();
        for (int i = 0; i < 6; i++) {
            bed.putToHashKey(stream, "0", "a" + i);
            bed.putToHashKey(stream, last, "b" + i);
        }
        bed.map("fn", stream, b -> b.batchSize(1));
        List<Shard> shards = bed.kinesis.listShards(b -> b.streamARN(stream)).shards();
        bed.kinesis.mergeShards(b -> b.streamARN(stream).shardToMerge(shards.get(0).shardId())
                .adjacentShardToMerge(shards.get(1).shardId()));
        awaitActive(stream);
        for (int i = 0; i < 6; i++) {
            bed.put(stream, "merged-key-" + i, "m" + i);
        }
        awaitTwoMoreDiscoveries(reader);
        gate.countDown();
        Await.until("every record was delivered", EsmTestbed.WAIT, () -> bed.functions.delivered().containsAll(named("a", 6))
                && bed.functions.delivered().containsAll(named("b", 6)) && bed.functions.delivered().containsAll(named("m", 6)));
        int[] child = span(named("m", 6));
        assertTrue(span(named("a", 6))[1] < child[0], "first parent finished before the child started");
        assertTrue(span(named("b", 6))[1] < child[0], "second parent finished before the child started");
        deliveries().forEach((record, times) -> assertEquals(1, times, record + " delivered " + times + " times"));
    }
}
