package statelab.verify;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/**
 * Puts records with PutRecords, in order, at most 500 records and 5 MiB per call (Kinesis's limits). Entries that
 * Kinesis refuses (throttling, internal failure) are put again, with back-off, until they are accepted; the run
 * fails when the same entries are refused {@link #MAX_ATTEMPTS} times in a row, or on an error no retry cures.
 */
public final class RecordPutter {
    public static final int MAX_RECORDS_PER_CALL = 500;
    public static final int MAX_BYTES_PER_CALL = 5 * 1024 * 1024;
    static final int MAX_ATTEMPTS = 12;
    static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(3);

    /** Told about each record as soon as Kinesis accepts it (on the putting thread). */
    @FunctionalInterface
    public interface Listener {
        void accepted(int recordIndex, String shardId, long acceptedAtNanos);
    }

    /** Waits between attempts; tests pass one that does not sleep. */
    @FunctionalInterface
    public interface Backoff {
        void pause(Duration duration) throws InterruptedException;
    }

    /** What putting took. */
    public record Stats(int records, int calls, int retriedEntries, long startNanos, long endNanos,
            Map<String, Integer> recordsPerShard) {
        public double seconds() {
            return (endNanos - startNanos) / 1e9;
        }
    }

    private final KinesisClient kinesis;
    private final String streamName;
    private final Backoff backoff;
    private final String endpoint;
    private final Environment environment;

    public RecordPutter(KinesisClient kinesis, String streamName, Backoff backoff, String endpoint,
            Environment environment) {
        this.kinesis = kinesis;
        this.streamName = streamName;
        this.backoff = backoff;
        this.endpoint = endpoint;
        this.environment = environment;
    }

    /** @throws RunFailedException when records cannot be put; the records accepted so far were reported */
    public Stats put(List<OutgoingRecord> records, Listener listener) {
        long start = System.nanoTime();
        int calls = 0;
        int retried = 0;
        Map<String, Integer> perShard = new TreeMap<>();
        for (List<Integer> batch : batches(records)) {
            List<Integer> pending = batch;
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                if (attempt > 1) {
                    retried += pending.size();
                    pause(attempt);
                }
                calls++;
                PutRecordsResponse response;
                try {
                    List<PutRecordsRequestEntry> entries = entries(records, pending);
                    response = kinesis.putRecords(r -> r.streamName(streamName).records(entries));
                } catch (SdkException e) {
                    if (!retryable(e) || attempt >= MAX_ATTEMPTS) {
                        throw new RunFailedException("Putting records failed after " + attempt + " attempt"
                                + (attempt == 1 ? "" : "s") + ": " + AwsErrors.sentence("kinesis:PutRecords on "
                                + streamName, e, endpoint, environment), e);
                    }
                    continue;
                }
                long now = System.nanoTime();
                List<PutRecordsResultEntry> results = response.records();
                if (results.size() != pending.size()) {
                    throw new RunFailedException("Kinesis answered PutRecords for " + pending.size() + " records with "
                            + results.size() + " results: the endpoint " + endpoint + " is not behaving like Kinesis.");
                }
                List<Integer> refused = new ArrayList<>();
                String lastError = null;
                for (int i = 0; i < results.size(); i++) {
                    PutRecordsResultEntry result = results.get(i);
                    if (result.errorCode() == null) {
                        perShard.merge(result.shardId(), 1, Integer::sum);
                        listener.accepted(pending.get(i), result.shardId(), now);
                    } else {
                        refused.add(pending.get(i));
                        lastError = result.errorCode() + ": " + result.errorMessage();
                    }
                }
                if (!refused.isEmpty() && attempt >= MAX_ATTEMPTS) {
                    throw new RunFailedException("Kinesis refused " + refused.size() + " records " + MAX_ATTEMPTS
                            + " times in a row (" + AwsErrors.firstLine(lastError) + "): put fewer records (--count) "
                            + "or give the stream more shards.");
                }
                pending = refused;
            }
        }
        return new Stats(records.size(), calls, retried, start, System.nanoTime(), perShard);
    }

    /** Consecutive runs of record indexes within Kinesis's per-call limits. */
    static List<List<Integer>> batches(List<OutgoingRecord> records) {
        List<List<Integer>> batches = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < records.size(); i++) {
            OutgoingRecord record = records.get(i);
            long size = record.data().length + record.partitionKey().getBytes(StandardCharsets.UTF_8).length;
            if (!current.isEmpty() && (current.size() == MAX_RECORDS_PER_CALL || bytes + size > MAX_BYTES_PER_CALL)) {
                batches.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(i);
            bytes += size;
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    private static List<PutRecordsRequestEntry> entries(List<OutgoingRecord> records, List<Integer> indexes) {
        List<PutRecordsRequestEntry> entries = new ArrayList<>(indexes.size());
        for (int index : indexes) {
            OutgoingRecord record = records.get(index);
            entries.add(PutRecordsRequestEntry.builder()
                    .partitionKey(record.partitionKey())
                    .data(SdkBytes.fromByteArrayUnsafe(record.data()))
                    .build());
        }
        return entries;
    }

    static boolean retryable(SdkException e) {
        if (e instanceof SdkClientException) {
            // the request may not have reached Kinesis, or its answer was lost: sending again is safe, the
            // conditional write makes a record that arrives twice a harmless duplicate
            return !String.valueOf(e.getMessage()).contains("credentials");
        }
        if (e instanceof AwsServiceException service) {
            return service.isThrottlingException() || service.statusCode() >= 500;
        }
        return false;
    }

    private void pause(int attempt) {
        long base = Math.min(MAX_BACKOFF.toMillis(), FIRST_BACKOFF.toMillis() << Math.min(attempt - 2, 10));
        long millis = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
        try {
            backoff.pause(Duration.ofMillis(millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunFailedException("Interrupted while putting records.", e);
        }
    }
}
