package statelab.localaws.esm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;
import software.amazon.awssdk.services.lambda.LambdaClient;
import statelab.localaws.config.Setting;
import statelab.localaws.esm.RecordingFunction.Batch;
import statelab.localaws.protocol.Json;
import statelab.localaws.testing.Await;
import statelab.localaws.testing.LocalAwsHarness;

/**
 * Measures, on the whole local-aws with a real (trivial) function: the latency from PutRecord to the start of
 * the function on an idle stream (p50/p99 of 100 single puts), and the throughput of draining a backlog.
 * Prints a table and writes {@code target/esm-performance.json}. Timings are reported, not asserted (they
 * depend on the machine); that every record arrives is asserted. {@code -Desm.perf.pollMillis=N} measures
 * another poll interval than the default.
 */
class EsmPerformanceIT {
    private static final int LATENCY_SAMPLES = 100;
    private static final int BACKLOG = 5000;

    @TempDir
    Path dataDir;
    @TempDir
    Path records;

    @Test
    void measureLatencyOnAnIdleStreamAndThroughputOfABacklog() throws IOException {
        Map<Setting, String> settings = new EnumMap<>(Setting.class);
        String poll = System.getProperty("esm.perf.pollMillis");
        if (poll != null && !poll.isBlank()) {
            settings.put(Setting.ESM_POLL_INTERVAL_MILLIS, poll);
        }
        try (LocalAwsHarness local = LocalAwsHarness.start(dataDir, settings);
                LambdaClient lambda = local.client(LambdaClient.builder().httpClient(UrlConnectionHttpClient.create()));
                KinesisClient kinesis = local.client(KinesisClient.builder().httpClient(UrlConnectionHttpClient.create()));
                IamClient iam = local.client(IamClient.builder().httpClient(UrlConnectionHttpClient.create()))) {
            // latency: one record at a time on an idle one-shard stream, the function warm
            RecordingFunction idle = RecordingFunction.create(lambda, iam, "idle", records.resolve("idle.txt"), Map.of());
            String quiet = stream(kinesis, "quiet", 1);
            lambda.createEventSourceMapping(b -> b.functionName("idle").eventSourceArn(quiet).startingPosition("LATEST"));
            Await.until("the mapping is Enabled", EsmTestbed.WAIT, () -> lambda.listEventSourceMappings(b -> b
                    .functionName("idle")).eventSourceMappings().get(0).state().equals("Enabled"));
            putAndAwait(kinesis, quiet, idle, "warm-up");
            List<Long> latencies = new ArrayList<>();
            for (int i = 0; i < LATENCY_SAMPLES; i++) {
                long putAt = System.currentTimeMillis();
                Batch batch = putAndAwait(kinesis, quiet, idle, "ping-" + i);
                latencies.add(batch.startedMillis() - putAt);
            }
            latencies.sort(null);

            // throughput: a backlog of records on two shards, drained by a trivial function in batches of 100
            RecordingFunction busy = RecordingFunction.create(lambda, iam, "busy", records.resolve("busy.txt"), Map.of());
            String backlog = stream(kinesis, "backlog", 2);
            Set<String> sent = new HashSet<>();
            for (int start = 0; start < BACKLOG; start += 500) {
                List<PutRecordsRequestEntry> entries = new ArrayList<>();
                for (int i = start; i < start + 500; i++) {
                    sent.add("b" + i);
                    entries.add(PutRecordsRequestEntry.builder().partitionKey("key-" + i).data(SdkBytes.fromUtf8String("b" + i)).build());
                }
                assertEquals(0, kinesis.putRecords(b -> b.streamARN(backlog).records(entries)).failedRecordCount());
            }
            long mappedAt = System.currentTimeMillis();
            lambda.createEventSourceMapping(b -> b.functionName("busy").eventSourceArn(backlog)
                    .startingPosition("TRIM_HORIZON").batchSize(100));
            Await.until("the backlog was drained", EsmTestbed.WAIT, () -> busy.delivered().containsAll(sent));
            List<Batch> batches = busy.batches();
            long first = batches.get(0).startedMillis();
            long last = batches.get(batches.size() - 1).startedMillis();
            double perSecond = BACKLOG * 1000.0 / Math.max(1, last - first);

            Map<String, Object> result = new java.util.LinkedHashMap<>();
            result.put("pollIntervalMillis", poll == null || poll.isBlank() ? Setting.ESM_POLL_INTERVAL_MILLIS.defaultValue() : poll);
            result.put("latencySamples", LATENCY_SAMPLES);
            result.put("latencyP50Millis", latencies.get(LATENCY_SAMPLES / 2 - 1));
            result.put("latencyP99Millis", latencies.get(LATENCY_SAMPLES * 99 / 100 - 1));
            result.put("latencyMaxMillis", latencies.get(LATENCY_SAMPLES - 1));
            result.put("backlogRecords", BACKLOG);
            result.put("backlogBatches", batches.size());
            result.put("firstBatchAfterMappingMillis", first - mappedAt);
            result.put("drainRecordsPerSecond", Math.round(perSecond));
            System.out.println("event source mapping performance:");
            result.forEach((k, v) -> System.out.printf("  %-30s %s%n", k, v));
            Files.writeString(Path.of("target", "esm-performance.json"),
                    Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(result));
        }
    }

    private static String stream(KinesisClient kinesis, String name, int shards) {
        kinesis.createStream(b -> b.streamName(name).shardCount(shards));
        Await.until(name + " is ACTIVE", EsmTestbed.WAIT, () -> kinesis.describeStreamSummary(b -> b.streamName(name))
                .streamDescriptionSummary().streamStatus() == StreamStatus.ACTIVE);
        return kinesis.describeStreamSummary(b -> b.streamName(name)).streamDescriptionSummary().streamARN();
    }

    /** Puts one record and returns the batch that brought it to the function. */
    private static Batch putAndAwait(KinesisClient kinesis, String stream, RecordingFunction function, String data) {
        kinesis.putRecord(b -> b.streamARN(stream).partitionKey("k").data(SdkBytes.fromUtf8String(data)));
        Await.until(data + " reached the function", EsmTestbed.WAIT, () -> function.delivered().contains(data));
        return function.batches().stream().filter(b -> b.data().contains(data)).findFirst().orElseThrow();
    }
}
