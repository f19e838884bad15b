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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;
import software.amazon.awssdk.services.lambda.LambdaClient;
import statelab.localaws.esm.RecordingFunction.Batch;
import statelab.localaws.esm.RecordingFunction.Received;
import statelab.localaws.testing.Await;
import statelab.localaws.testing.LocalAwsHarness;

/**
 * The whole of local-aws in-process, real functions in child JVMs run by its Lambda runtime: what a mapping
 * delivers, and how it handles a function that throws or reports partial failures.
 */
class EsmRealFunctionIT {
    @TempDir
    static Path dataDir;
    @TempDir
    static Path records;
    static LocalAwsHarness local;
    static LambdaClient lambda;
    static KinesisClient kinesis;
    static IamClient iam;

    @BeforeAll
    static void start() {
        local = LocalAwsHarness.start(dataDir);
        lambda = local.client(LambdaClient.builder().httpClient(UrlConnectionHttpClient.create()));
        kinesis = local.client(KinesisClient.builder().httpClient(UrlConnectionHttpClient.create()));
        iam = local.client(IamClient.builder().httpClient(UrlConnectionHttpClient.create()));
    }

    @AfterAll
    static void stop() {
        if (local != null) {
            lambda.close();
            kinesis.close();
            iam.close();
            local.close();
        }
    }

    static String createStream(String name, int shards) {
        kinesis.createStream(b -> b.streamName(name).shardCount(shards));
        Await.until(name + " is ACTIVE", EsmTestbed.WAIT, () -> kinesis.describeStreamSummary(b -> b.streamName(name))
                .streamDescriptionSummary().streamStatus() == StreamStatus.ACTIVE);
        return kinesis.describeStreamSummary(b -> b.streamName(name)).streamDescriptionSummary().streamARN();
    }

    static void put(String stream, String key, String data) {
        kinesis.putRecord(b -> b.streamARN(stream).partitionKey(key).data(SdkBytes.fromUtf8String(data)));
    }

    static String mapAndAwaitEnabled(String function, String stream,
            java.util.function.UnaryOperator<software.amazon.awssdk.services.lambda.model.CreateEventSourceMappingRequest.Builder> options) {
        String uuid = lambda.createEventSourceMapping(b -> options.apply(b.functionName(function).eventSourceArn(stream)
                .startingPosition("TRIM_HORIZON"))).uuid();
        Await.until("the mapping is Enabled", EsmTestbed.WAIT,
                () -> "Enabled".equals(lambda.getEventSourceMapping(b -> b.uuid(uuid)).state()));
        return uuid;
    }

    @Test
    void aRecordingFunctionSeesEveryRecordInBatchesOfAtMostBatchSizeInSequenceOrderPerShard() {
        RecordingFunction function = RecordingFunction.create(lambda, iam, "recorder", records.resolve("recorder.txt"), Map.of());
        String stream = createStream("real-delivery", 2);
        Set<String> sent = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            sent.add("r" + i);
            put(stream, "key-" + (i % 11), "r" + i);
        }
        mapAndAwaitEnabled(function.name, stream, b -> b.batchSize(25));
        for (int i = 100; i < 200; i++) {
            sent.add("r" + i);
            put(stream, "key-" + (i % 11), "r" + i);
        }
        Await.until("every record reached the function", EsmTestbed.WAIT, () -> function.delivered().containsAll(sent));

        Map<String, List<BigInteger>> perShard = new HashMap<>();
        for (Batch batch : function.batches()) {
            assertTrue(batch.records().size() <= 25, "batch of " + batch.records().size());
            assertEquals(1, batch.records().stream().map(Received::shardId).distinct().count());
            batch.records().forEach(r -> perShard.computeIfAbsent(r.shardId(), k -> new ArrayList<>()).add(r.sequence()));
        }
        assertEquals(2, perShard.size());
        perShard.values().forEach(order -> assertEquals(order.stream().sorted().distinct().toList(), order));
        assertEquals(200, function.deliveries().size());
    }

    @Test
    void aFunctionThatThrowsOnAMarkedRecordSeesTheRetriesAndTheBisectionAndTheShardGoesOn() {
        RecordingFunction function = RecordingFunction.create(lambda, iam, "thrower", records.resolve("thrower.txt"),
                Map.of("FAIL_ON", "FAIL"));
        String stream = createStream("real-marked", 1);
        for (String data : List.of("m0", "m1", "m2", "m3", "m4", "FAIL-m5", "m6", "m7")) {
            put(stream, "k", data);
        }
        String uuid = mapAndAwaitEnabled(function.name, stream, b -> b.batchSize(8).bisectBatchOnFunctionError(true)
                .maximumRetryAttempts(1));
        Await.until("m7 reached the function", EsmTestbed.WAIT, () -> function.delivered().contains("m7"));
        put(stream, "k", "after");
        Await.until("the shard went on", EsmTestbed.WAIT, () -> function.delivered().contains("after"));
        assertEquals(List.of(
                List.of("m0", "m1", "m2", "m3", "m4", "FAIL-m5", "m6", "m7"),
                List.of("m0", "m1", "m2", "m3"),
                List.of("m4", "FAIL-m5", "m6", "m7"),
                List.of("m4", "FAIL-m5"),
                List.of("m4"),
                List.of("FAIL-m5"), List.of("FAIL-m5"),
                List.of("m6", "m7"),
                List.of("after")), function.batches().stream().map(Batch::data).toList());
        Await.until("LastProcessingResult is OK", EsmTestbed.WAIT,
                () -> "OK".equals(lambda.getEventSourceMapping(b -> b.uuid(uuid)).lastProcessingResult()));
    }

    @Test
    void aFunctionReportingAPartialFailureIsRetriedFromTheReportedRecord() {
        RecordingFunction function = RecordingFunction.create(lambda, iam, "reporter", records.resolve("reporter.txt"),
                Map.of("REPORT_ON", "BAD"));
        String stream = createStream("real-partial", 1);
        for (String data : List.of("p0", "p1", "BAD-p2", "p3")) {
            put(stream, "k", data);
        }
        mapAndAwaitEnabled(function.name, stream, b -> b.maximumRetryAttempts(2)
                .functionResponseTypesWithStrings("ReportBatchItemFailures"));
        Await.until("the batch and its two retries were invoked", EsmTestbed.WAIT, () -> function.batches().size() >= 3);
        put(stream, "k", "later");
        Await.until("the record after the discarded ones arrived", EsmTestbed.WAIT,
                () -> function.delivered().contains("later"));
        List<List<String>> seen = function.batches().stream().map(Batch::data).toList();
        assertEquals(List.of("p0", "p1", "BAD-p2", "p3"), seen.get(0));
        assertEquals(List.of("BAD-p2", "p3"), seen.get(1));
        assertEquals(List.of("BAD-p2", "p3"), seen.get(2));
        assertEquals(List.of(List.of("later")), seen.subList(3, seen.size()), "BAD-p2 and p3 were given up: " + seen);
    }
}
