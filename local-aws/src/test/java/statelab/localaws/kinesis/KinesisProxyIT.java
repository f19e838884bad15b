package statelab.localaws.kinesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;
import statelab.localaws.testing.Await;
import statelab.localaws.testing.AwsClients;
import statelab.localaws.testing.LocalAwsHarness;

class KinesisProxyIT {
    @TempDir
    static Path dataDir;
    static LocalAwsHarness local;

    @BeforeAll
    static void start() {
        local = LocalAwsHarness.start(dataDir);
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    /** Records the Content-Type of every request, to prove which wire format a client spoke. */
    static final class ContentTypes implements ExecutionInterceptor {
        final List<String> seen = new CopyOnWriteArrayList<>();

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            context.httpRequest().firstMatchingHeader("Content-Type").ifPresent(seen::add);
        }
    }

    private static KinesisClient client(ContentTypes interceptor) {
        return AwsClients.configure(KinesisClient.builder(), local.endpoint())
                .overrideConfiguration(c -> c.addExecutionInterceptor(interceptor)).build();
    }

    @Test
    void theDefaultCborClientCreatesAStreamPutsAndReadsRecordsThroughTheProxy() {
        ContentTypes types = new ContentTypes();
        try (KinesisClient kinesis = client(types)) {
            roundTrip(kinesis, "cbor-stream");
        }
        assertTrue(types.seen.stream().allMatch(type -> type.startsWith("application/x-amz-cbor")), types.seen.toString());
    }

    @Test
    void aJsonClientWorksThroughTheProxyToo() {
        ContentTypes types = new ContentTypes();
        System.setProperty("aws.cborEnabled", "false");
        try (KinesisClient kinesis = client(types)) {
            roundTrip(kinesis, "json-stream");
        } finally {
            System.clearProperty("aws.cborEnabled");
        }
        assertTrue(types.seen.stream().allMatch(type -> type.startsWith("application/x-amz-json")), types.seen.toString());
    }

    private static void roundTrip(KinesisClient kinesis, String stream) {
        kinesis.createStream(r -> r.streamName(stream).shardCount(1));
        awaitActive(kinesis, stream);
        List<PutRecordsRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            entries.add(PutRecordsRequestEntry.builder().partitionKey("k" + i)
                    .data(SdkBytes.fromString("record " + i, StandardCharsets.UTF_8)).build());
        }
        PutRecordsResponse put = kinesis.putRecords(r -> r.streamName(stream).records(entries));
        assertEquals(0, put.failedRecordCount());
        String shard = kinesis.listShards(r -> r.streamName(stream)).shards().get(0).shardId();
        String iterator = kinesis.getShardIterator(r -> r.streamName(stream).shardId(shard)
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        List<String> read = kinesis.getRecords(r -> r.shardIterator(iterator)).records().stream()
                .map(Record::data).map(d -> d.asUtf8String()).toList();
        assertEquals(10, read.size());
        assertEquals("record 0", read.get(0));
        assertEquals("record 9", read.get(9));
    }

    @Test
    void kinesisMockErrorsComeBackUnchanged() {
        try (KinesisClient kinesis = client(new ContentTypes())) {
            ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class,
                    () -> kinesis.describeStream(r -> r.streamName("does-not-exist")));
            assertEquals(400, e.statusCode());
        }
    }

    @Test
    void whileKinesisMockRestartsTheProxyAnswersARetryable503AndThenServesAgain() {
        long pid = local.server().emulators().status("kinesis").pid();
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        Await.until("local-aws noticed that kinesis-mock died", Duration.ofSeconds(10),
                () -> !local.server().emulators().isReady("kinesis"));
        try (KinesisClient noRetries = AwsClients.configure(KinesisClient.builder(), local.endpoint())
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD).retryStrategy(b -> b.maxAttempts(1)))
                .build()) {
            SdkServiceException e = assertThrows(SdkServiceException.class, () -> noRetries.listStreams());
            assertEquals(503, e.statusCode());
            assertTrue(e.retryable() || e.statusCode() == 503);
        }
        Await.until("kinesis-mock serves again", Duration.ofSeconds(60),
                () -> local.server().emulators().isReady("kinesis"));
        try (KinesisClient kinesis = client(new ContentTypes())) {
            kinesis.listStreams();
        }
    }

    @Test
    void proxiedPutRecordsCostsLittleMoreThanCallingKinesisMockDirectly() {
        try (KinesisClient proxied = client(new ContentTypes());
                KinesisClient direct = AwsClients.configure(KinesisClient.builder(),
                        local.server().emulators().kinesis()).build()) {
            proxied.createStream(r -> r.streamName("timing").shardCount(1));
            awaitActive(proxied, "timing");
            List<PutRecordsRequestEntry> batch = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                batch.add(PutRecordsRequestEntry.builder().partitionKey("k" + i)
                        .data(SdkBytes.fromString("{\"TradeID\":\"" + i + "\",\"Value\":1.5}", StandardCharsets.UTF_8))
                        .build());
            }
            // alternated, so that load from elsewhere on the machine hits both alike
            List<Long> directNanos = new ArrayList<>();
            List<Long> proxiedNanos = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                long start = System.nanoTime();
                direct.putRecords(r -> r.streamName("timing").records(batch));
                long middle = System.nanoTime();
                proxied.putRecords(r -> r.streamName("timing").records(batch));
                long end = System.nanoTime();
                if (i >= 5) {
                    directNanos.add(middle - start);
                    proxiedNanos.add(end - middle);
                }
            }
            double directMillis = median(directNanos);
            double proxiedMillis = median(proxiedNanos);
            System.out.printf("PutRecords of 100 records: direct median %.2f ms, through local-aws %.2f ms%n",
                    directMillis, proxiedMillis);
            assertTrue(proxiedMillis < directMillis * 3 + 20, "proxy overhead too large: " + proxiedMillis + " ms vs "
                    + directMillis + " ms");
        }
    }

    static void awaitActive(KinesisClient kinesis, String stream) {
        Await.until("stream " + stream + " is active", Duration.ofSeconds(30), () -> kinesis.describeStreamSummary(
                r -> r.streamName(stream)).streamDescriptionSummary().streamStatus() == StreamStatus.ACTIVE);
    }

    private static double median(List<Long> nanos) {
        nanos.sort(null);
        return nanos.get(nanos.size() / 2) / 1e6;
    }
}
