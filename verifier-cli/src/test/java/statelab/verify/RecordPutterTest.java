package statelab.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;

class RecordPutterTest {
    private final List<Duration> pauses = new ArrayList<>();
    private final Workload workload = TradeGenerator.generate(new WorkloadSpec(1100, 50, 30, 20, 10, 9));

    private RecordPutter putter(FakeKinesis kinesis) {
        return new RecordPutter(kinesis, "IncomingDataStream", pauses::add, "http://127.0.0.1:4566",
                Environment.of(Map.of(), false));
    }

    @Test
    void putsEveryRecordOnceInOrderInCallsOfAtMost500() {
        FakeKinesis kinesis = new FakeKinesis((call, entry) -> false);
        List<Integer> told = new ArrayList<>();
        RecordPutter.Stats stats = putter(kinesis).put(workload.records(), (index, shard, nanos) -> told.add(index));
        assertEquals(3, kinesis.calls.size());
        assertEquals(List.of(500, 500, 210), kinesis.calls.stream().map(List::size).toList());
        assertEquals(workload.records().size(), kinesis.accepted.size());
        for (int i = 0; i < workload.records().size(); i++) {
            assertEquals(workload.records().get(i).partitionKey(), kinesis.accepted.get(i).partitionKey());
            assertEquals(i, told.get(i));
        }
        assertEquals(3, stats.calls());
        assertEquals(0, stats.retriedEntries());
        assertEquals(workload.records().size(), stats.recordsPerShard().values().stream().mapToInt(i -> i).sum());
        assertTrue(pauses.isEmpty());
    }

    @Test
    void refusedEntriesArePutAgainUntilKinesisAcceptsThem() {
        // the first two calls refuse about every third entry (the second call is the first retry)
        FakeKinesis kinesis = new FakeKinesis((call, entry) -> call <= 2 && Math.floorMod(entry.partitionKey()
                .hashCode(), 3) == 0);
        List<Integer> told = new ArrayList<>();
        RecordPutter.Stats stats = putter(kinesis).put(workload.records(), (index, shard, nanos) -> told.add(index));
        assertEquals(workload.records().size(), told.size(), "each record reported once");
        assertEquals(workload.records().size(), told.stream().distinct().count());
        assertTrue(stats.retriedEntries() > 0);
        assertEquals(stats.calls() - 3, pauses.size(), "a pause before every retry");
        assertTrue(pauses.stream().allMatch(p -> p.compareTo(RecordPutter.MAX_BACKOFF) <= 0));
    }

    @Test
    void entriesRefusedTooOftenFailTheRunWithOneSentence() {
        FakeKinesis kinesis = new FakeKinesis((call, entry) -> entry.partitionKey().equals(
                workload.records().get(0).partitionKey()));
        RunFailedException e = assertThrows(RunFailedException.class,
                () -> putter(kinesis).put(workload.records(), (index, shard, nanos) -> { }));
        assertTrue(e.getMessage().startsWith("Kinesis refused "), e.getMessage());
        assertTrue(e.getMessage().contains(RecordPutter.MAX_ATTEMPTS + " times in a row "
                + "(ProvisionedThroughputExceededException: Rate exceeded"), e.getMessage());
        assertTrue(e.getMessage().endsWith("or give the stream more shards."), e.getMessage());
    }

    @Test
    void anErrorNoRetryCuresFailsAtOnce() {
        FakeKinesis kinesis = new FakeKinesis((call, entry) -> false);
        kinesis.failWith = AwsServiceException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDeniedException")
                        .errorMessage("not allowed to kinesis:PutRecords").build())
                .build();
        RunFailedException e = assertThrows(RunFailedException.class,
                () -> putter(kinesis).put(workload.records(), (index, shard, nanos) -> { }));
        assertTrue(e.getMessage().startsWith("Putting records failed after 1 attempt: Access denied for "
                + "kinesis:PutRecords on IncomingDataStream"), e.getMessage());
        assertTrue(pauses.isEmpty());
    }

    @Test
    void throttlingOfTheWholeCallIsRetried() {
        FakeKinesis kinesis = new FakeKinesis((call, entry) -> false) {
            int throttled;

            @Override
            public software.amazon.awssdk.services.kinesis.model.PutRecordsResponse putRecords(
                    software.amazon.awssdk.services.kinesis.model.PutRecordsRequest request) {
                if (throttled++ < 2) {
                    throw AwsServiceException.builder().statusCode(503)
                            .awsErrorDetails(AwsErrorDetails.builder().errorCode("ServiceUnavailable").build()).build();
                }
                return super.putRecords(request);
            }
        };
        putter(kinesis).put(workload.records().subList(0, 10), (index, shard, nanos) -> { });
        assertEquals(10, kinesis.accepted.size());
        assertEquals(2, pauses.size());
    }

    @Test
    void aCallStaysUnderFiveMebibytes() {
        byte[] big = new byte[900 * 1024];
        List<OutgoingRecord> records = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            records.add(new OutgoingRecord(RecordKind.BAD, "key-" + i, big, -1, false, "big"));
        }
        List<List<Integer>> batches = RecordPutter.batches(records);
        assertEquals(List.of(5, 5, 2), batches.stream().map(List::size).toList());
    }

    @Test
    void entriesCarryTheRecordsKeyAndBytes() {
        FakeKinesis kinesis = new FakeKinesis((call, entry) -> false);
        putter(kinesis).put(workload.records().subList(0, 3), (index, shard, nanos) -> { });
        PutRecordsRequestEntry first = kinesis.accepted.get(0);
        assertEquals(workload.records().get(0).partitionKey(), first.partitionKey());
        assertEquals(new String(workload.records().get(0).data(), java.nio.charset.StandardCharsets.UTF_8),
                first.data().asUtf8String());
    }
}
