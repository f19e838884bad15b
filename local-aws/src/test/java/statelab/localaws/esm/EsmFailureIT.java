package statelab.localaws.esm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kinesis.model.PutRecordResponse;
import statelab.localaws.esm.FakeFunctions.Invocation;
import statelab.localaws.esm.destination.DiscardedRecords;
import statelab.localaws.esm.model.SequenceNumber;
import statelab.localaws.esm.store.CheckpointStore;
import statelab.localaws.esm.store.ShardCheckpoint;
import statelab.localaws.protocol.Json;
import statelab.localaws.testing.Await;
import statelab.localaws.testing.EmulatorsPerClass;

/** Function errors, partial failures, record age, a missing function: what AWS would invoke, checkpoint, discard. */
class EsmFailureIT {
    private static final String DLQ = "arn:aws:sqs:us-east-1:000000000000:esm-failures";

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

    private EsmTestbed bed(MovableClock clock) {
        bed = clock == null ? new EsmTestbed(EMULATORS.get(), dataDir) : new EsmTestbed(EMULATORS.get(), dataDir, clock, r -> r);
        bed.functions.define("fn");
        return bed;
    }

    private List<PutRecordResponse> putAll(String stream, String... data) {
        List<PutRecordResponse> puts = new ArrayList<>();
        for (String item : data) {
            puts.add(bed.put(stream, "k", item));
        }
        return puts;
    }

    private List<List<String>> invokedData() {
        return bed.functions.invocations().stream().map(Invocation::data).toList();
    }

    private SequenceNumber checkpoint(String uuid, String shardId) {
        return new CheckpointStore(dataDir.resolve("esm").resolve("checkpoints")).read(uuid, shardId)
                .map(ShardCheckpoint::sequenceNumber).orElse(null);
    }

    private List<JsonNode> failureRecords() {
        Path file = new DiscardedRecords(dataDir.resolve("esm").resolve("on-failure")).fileOf(DLQ);
        List<JsonNode> records = new ArrayList<>();
        try {
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file)) {
                    records.add(Json.MAPPER.readTree(line));
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return records;
    }

    @Test
    void aFunctionFailingOnAMarkedRecordSeesTheRetriesTheBisectionAndTheCheckpointAwsWouldProduce() {
        bed(null);
        String stream = bed.createStream("marked", 1);
        List<PutRecordResponse> puts = putAll(stream, "m0", "m1", "m2", "m3", "m4", "FAIL-m5", "m6", "m7");
        bed.functions.answer(invocation -> invocation.data().stream().anyMatch(d -> d.startsWith("FAIL"))
                ? FakeFunctions.THREW : FakeFunctions.SUCCESS);
        String uuid = bed.map("fn", stream, b -> b.batchSize(8).bisectBatchOnFunctionError(true).maximumRetryAttempts(2)
                .destinationConfig(d -> d.onFailure(f -> f.destination(DLQ))));
        Await.until("m7 was delivered and the shard checkpointed past it", EsmTestbed.WAIT,
                () -> puts.get(7).sequenceNumber().equals(String.valueOf(checkpoint(uuid, puts.get(0).shardId()))));

        assertEquals(List.of(
                List.of("m0", "m1", "m2", "m3", "m4", "FAIL-m5", "m6", "m7"),
                List.of("m0", "m1", "m2", "m3"),
                List.of("m4", "FAIL-m5", "m6", "m7"),
                List.of("m4", "FAIL-m5"),
                List.of("m4"),
                List.of("FAIL-m5"), List.of("FAIL-m5"), List.of("FAIL-m5"),
                List.of("m6", "m7")), invokedData());
        List<JsonNode> failures = failureRecords();
        assertEquals(1, failures.size());
        JsonNode failure = failures.get(0);
        assertEquals("RetryAttemptsExhausted", failure.at("/requestContext/condition").textValue());
        assertEquals(3, failure.at("/requestContext/approximateInvokeCount").intValue());
        assertEquals("arn:aws:lambda:us-east-1:000000000000:function:fn", failure.at("/requestContext/functionArn").textValue());
        assertEquals("Unhandled", failure.at("/responseContext/functionError").textValue());
        assertEquals(200, failure.at("/responseContext/statusCode").intValue());
        assertEquals(1, failure.at("/KinesisBatchInfo/batchSize").intValue());
        assertEquals(puts.get(5).sequenceNumber(), failure.at("/KinesisBatchInfo/startSequenceNumber").textValue());
        assertEquals(puts.get(5).sequenceNumber(), failure.at("/KinesisBatchInfo/endSequenceNumber").textValue());
        assertEquals(stream, failure.at("/KinesisBatchInfo/streamArn").textValue());
        assertTrue(failure.at("/timestamp").textValue().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));

        bed.put(stream, "k", "after");
        Await.until("the shard goes on after the discard", EsmTestbed.WAIT, () -> bed.functions.delivered().contains("after"));
        Await.until("LastProcessingResult is OK again", EsmTestbed.WAIT,
                () -> bed.get(uuid).lastProcessingResult().equals("OK"));
    }

    @Test
    void aPartialFailureCheckpointsBeforeTheLowestReportedRecordAndRetriesFromThere() {
        bed(null);
        String stream = bed.createStream("partial", 1);
        List<PutRecordResponse> puts = putAll(stream, "p0", "p1", "p2", "p3", "p4", "p5");
        AtomicInteger reports = new AtomicInteger();
        bed.functions.answer(invocation -> invocation.data().contains("p2") && reports.incrementAndGet() <= 2
                // p4 and p2 both reported: the lowest (p2) wins
                ? FakeFunctions.reportFailures(List.of(puts.get(4).sequenceNumber(), puts.get(2).sequenceNumber()))
                : FakeFunctions.SUCCESS);
        String uuid = bed.map("fn", stream, b -> b.functionResponseTypesWithStrings("ReportBatchItemFailures"));
        Await.until("the shard was checkpointed past p5", EsmTestbed.WAIT,
                () -> puts.get(5).sequenceNumber().equals(String.valueOf(checkpoint(uuid, puts.get(0).shardId()))));
        assertEquals(List.of(
                List.of("p0", "p1", "p2", "p3", "p4", "p5"),
                List.of("p2", "p3", "p4", "p5"),
                List.of("p2", "p3", "p4", "p5")), invokedData());
    }

    @Test
    void partialRetriesCountAndWhatIsLeftIsDiscardedWithoutAFunctionError() {
        bed(null);
        String stream = bed.createStream("partial-exhausted", 1);
        List<PutRecordResponse> puts = putAll(stream, "q0", "q1", "q2");
        bed.functions.answer(invocation -> invocation.data().contains("q2")
                ? FakeFunctions.reportFailures(List.of(puts.get(2).sequenceNumber())) : FakeFunctions.SUCCESS);
        String uuid = bed.map("fn", stream, b -> b.batchSize(3).maximumRetryAttempts(3)
                .functionResponseTypesWithStrings("ReportBatchItemFailures")
                .destinationConfig(d -> d.onFailure(f -> f.destination(DLQ))));
        Await.until("q2 was discarded", EsmTestbed.WAIT, () -> !failureRecords().isEmpty());
        assertEquals(List.of(List.of("q0", "q1", "q2"), List.of("q2"), List.of("q2"), List.of("q2")), invokedData());
        JsonNode failure = failureRecords().get(0);
        assertEquals(4, failure.at("/requestContext/approximateInvokeCount").intValue());
        assertTrue(failure.at("/responseContext/functionError").isNull());
        assertEquals(1, failure.at("/KinesisBatchInfo/batchSize").intValue());
        Await.until("checkpointed past q2", EsmTestbed.WAIT,
                () -> puts.get(2).sequenceNumber().equals(String.valueOf(checkpoint(uuid, puts.get(0).shardId()))));
    }

    @Test
    void aMalformedReportFailsTheWholeBatch() {
        bed(null);
        String stream = bed.createStream("malformed", 1);
        putAll(stream, "x0", "x1", "x2");
        AtomicInteger calls = new AtomicInteger();
        bed.functions.answer(invocation -> calls.incrementAndGet() == 1
                ? FakeFunctions.reportFailures(List.of("")) : FakeFunctions.SUCCESS);
        bed.map("fn", stream, b -> b.functionResponseTypesWithStrings("ReportBatchItemFailures"));
        Await.until("the batch was invoked twice", EsmTestbed.WAIT, () -> bed.functions.invocations().size() >= 2);
        assertEquals(List.of(List.of("x0", "x1", "x2"), List.of("x0", "x1", "x2")), invokedData());
    }

    @Test
    void recordsOlderThanTheMaximumAgeAreDroppedBeforeInvokingAndFreshOnesStillGo() {
        MovableClock clock = new MovableClock();
        bed(clock);
        String stream = bed.createStream("aged", 1);
        bed.put(stream, "k", "old");
        long afterOld = System.currentTimeMillis();
        Await.until("four seconds separate the old record from the fresh ones", Duration.ofSeconds(10),
                () -> System.currentTimeMillis() - afterOld > 4_000);
        long beforeFresh = System.currentTimeMillis();
        putAll(stream, "fresh-1", "fresh-2");
        // now the fresh records are 58 s old (for 2 s), the old one at least 62 s
        clock.shiftBy(58_000 - (System.currentTimeMillis() - beforeFresh));
        String uuid = bed.map("fn", stream, b -> b.maximumRecordAgeInSeconds(60)
                .destinationConfig(d -> d.onFailure(f -> f.destination(DLQ))));
        Await.until("the fresh records were delivered", EsmTestbed.WAIT,
                () -> bed.functions.delivered().containsAll(List.of("fresh-1", "fresh-2")));
        assertEquals(List.of(List.of("fresh-1", "fresh-2")), invokedData());
        Await.until("the old record was reported", EsmTestbed.WAIT, () -> !failureRecords().isEmpty());
        JsonNode failure = failureRecords().get(0);
        assertEquals("RecordAgeExceeded", failure.at("/requestContext/condition").textValue());
        assertTrue(failure.at("/responseContext").isMissingNode(), "no responseContext for expired records");
        assertEquals(1, failure.at("/KinesisBatchInfo/batchSize").intValue());
        assertFalse(bed.get(uuid).lastProcessingResult().startsWith("PROBLEM"));
    }

    @Test
    void aMissingFunctionIsRetriedWithoutUsingUpRetriesAndTheRecordsGoOnceItExistsAgain() {
        bed(null);
        String stream = bed.createStream("ghost", 1);
        String uuid = bed.map("fn", stream, b -> b.maximumRetryAttempts(0).bisectBatchOnFunctionError(true));
        bed.functions.remove("fn");
        putAll(stream, "g0", "g1");
        Await.until("the mapping reports the missing function", EsmTestbed.WAIT,
                () -> bed.get(uuid).lastProcessingResult().startsWith("PROBLEM: Function not found"));
        bed.functions.define("fn");
        Await.until("the records were delivered", EsmTestbed.WAIT,
                () -> bed.functions.delivered().containsAll(List.of("g0", "g1")));
        assertEquals(List.of(List.of("g0", "g1")), invokedData());
        Await.until("the mapping reports OK", EsmTestbed.WAIT, () -> bed.get(uuid).lastProcessingResult().equals("OK"));
    }

    @Test
    void aThrottledInvocationIsRetriedWithoutUsingUpRetriesOrBisecting() {
        bed(null);
        String stream = bed.createStream("throttled", 1);
        putAll(stream, "t0", "t1", "t2");
        AtomicInteger calls = new AtomicInteger();
        bed.functions.answer(invocation -> calls.incrementAndGet() <= 3
                ? new statelab.localaws.spi.FunctionInvoker.InvocationResult(new byte[0], null, true) : FakeFunctions.SUCCESS);
        String uuid = bed.map("fn", stream, b -> b.maximumRetryAttempts(0).bisectBatchOnFunctionError(true));
        Await.until("the batch got through", EsmTestbed.WAIT, () -> calls.get() >= 4);
        assertEquals(java.util.Collections.nCopies(4, List.of("t0", "t1", "t2")), invokedData());
        assertTrue(failureRecords().isEmpty());
        Await.until("LastProcessingResult is OK", EsmTestbed.WAIT, () -> bed.get(uuid).lastProcessingResult().equals("OK"));
    }
}
