package statelab.localaws.esm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;
import software.amazon.awssdk.services.lambda.LambdaClient;
import statelab.localaws.testing.Await;
import statelab.localaws.testing.AwsClients;
import statelab.localaws.testing.ServeProcess;

/** The packaged local-aws killed with SIGKILL in the middle of a stream and started again: nothing is lost. */
class EsmKillIT {
    private static final int RECORDS = 400;
    private static final int BATCH_SIZE = 10;
    private static final int SHARDS = 2;

    @TempDir
    Path root;

    private static boolean persisted(Path dataDir, String sequenceNumber) {
        try (var files = Files.walk(dataDir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().equals("kinesis-data.json")).toList()) {
                if (Files.readString(file, StandardCharsets.UTF_8).contains(sequenceNumber)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void killingLocalAwsMidStreamAndStartingItAgainLosesNothingAndRepeatsAtMostTheUnfinishedBatches() throws Exception {
        Path dataDir = root.resolve("data");
        RecordingFunction function;
        Set<String> sent = new HashSet<>();
        try (ServeProcess first = ServeProcess.start(dataDir);
                LambdaClient lambda = client(LambdaClient.builder(), first);
                KinesisClient kinesis = client(KinesisClient.builder(), first);
                IamClient iam = client(IamClient.builder(), first)) {
            function = RecordingFunction.create(lambda, iam, "survivor", root.resolve("batches.txt"),
                    Map.of("SLEEP_MILLIS", "50"));
            kinesis.createStream(b -> b.streamName("kill").shardCount(SHARDS));
            Await.until("the stream is ACTIVE", EsmTestbed.WAIT, () -> kinesis.describeStreamSummary(b -> b.streamName("kill"))
                    .streamDescriptionSummary().streamStatus() == StreamStatus.ACTIVE);
            String stream = kinesis.describeStreamSummary(b -> b.streamName("kill")).streamDescriptionSummary().streamARN();
            String lastSequence = null;
            for (int start = 0; start < RECORDS; start += 100) {
                List<PutRecordsRequestEntry> entries = new ArrayList<>();
                for (int i = start; i < start + 100; i++) {
                    sent.add("k" + i);
                    entries.add(PutRecordsRequestEntry.builder().partitionKey("key-" + i)
                            .data(SdkBytes.fromUtf8String("k" + i)).build());
                }
                PutRecordsResponse put = kinesis.putRecords(b -> b.streamARN(stream).records(entries));
                assertEquals(0, put.failedRecordCount());
                lastSequence = put.records().get(put.records().size() - 1).sequenceNumber();
            }
            String last = lastSequence;
            // kinesis-mock persists every second; a SIGKILL of local-aws must not be what loses records
            Await.until("kinesis-mock has persisted every record", EsmTestbed.WAIT, () -> persisted(dataDir, last));
            lambda.createEventSourceMapping(b -> b.functionName("survivor").eventSourceArn(stream)
                    .startingPosition("TRIM_HORIZON").batchSize(BATCH_SIZE));
            Await.until("the function is part-way through the stream", EsmTestbed.WAIT,
                    () -> function.batches().size() >= 6);

            first.process().destroyForcibly();
            assertTrue(first.process().waitFor(30, TimeUnit.SECONDS), "local-aws died");
        }
        int beforeKill = function.batches().size();
        assertTrue(function.delivered().size() < RECORDS, "killed mid-stream");

        try (ServeProcess second = ServeProcess.start(dataDir)) {
            Await.until("every record reached the function after the restart", EsmTestbed.WAIT,
                    () -> function.delivered().containsAll(sent));
        }
        long repeats = function.deliveries().values().stream().mapToInt(times -> times - 1).sum();
        assertTrue(repeats <= (long) SHARDS * BATCH_SIZE, "at most the unfinished batch of each shard is seen twice,"
                + " not " + repeats + " records");
        assertTrue(function.batches().size() > beforeKill);
    }

    private static <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, C>
            & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, C>, C> C client(B builder,
            ServeProcess serve) {
        builder.httpClient(UrlConnectionHttpClient.create());
        return AwsClients.configure(builder, serve.endpoint()).build();
    }
}
