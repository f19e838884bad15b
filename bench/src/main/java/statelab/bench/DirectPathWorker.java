package statelab.bench;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import statelab.handler.StateLambda;
import statelab.trade.Trade;
import statelab.trade.TradeFields;
import statelab.trade.TradeJson;

/**
 * The end-to-end baseline: the same work as the lab, through the same local-aws, kinesis-mock and dynalite, without
 * Lambda. Trades are put with PutRecords calls of 500 (as verify-lab puts them), read back with GetRecords in batches
 * of at most 100 per shard (the mapping's batch size), handed to StateLambda in this JVM, and each batch's items are
 * then read with a consistent BatchGetItem (as verify-lab confirms them). Everything happens one step after the other
 * in one thread: no poll interval, no function invoke, no second process.
 *
 * <p>A record's latency is from the PutRecords answer that accepted it to the read that confirmed its batch; the
 * throughput is trades over the time from the first put to the last confirmation. Before the measured trades the
 * same number is pushed through unmeasured ({@code --prefill}), so the stream holds as many records as the lab's
 * stream does before verify-lab's warm run (kinesis-mock gets slower as a stream fills) and the handler is warm.
 *
 * <p>Arguments: {@code --stream S --count N --prefill P --seed X}; the table is STATE_TABLE_NAME.
 */
public final class DirectPathWorker {
    private static final int PUT_CHUNK = 500;
    private static final int BATCH_SIZE = 100;
    private static final Duration WAIT = Duration.ofSeconds(60);

    private DirectPathWorker() {
    }

    /**
     * Per-record latency (ms) and the throughput window of the measured trades; the handler's own time for them
     * (sum of its handleRequest calls), to compare with the handler figure against the bench's own dynalite.
     */
    public record Samples(int count, double seconds, double putSeconds, List<Double> latencyMillis, int batches,
            double handlerMillis) {
    }

    public static void main(String[] argv) throws InterruptedException {
        Map<String, String> args = Workers.parse(argv);
        String stream = args.get("stream");
        int count = Workers.intArg(args, "count", 2000);
        int prefill = Workers.intArg(args, "prefill", count);
        String table = Workers.required("STATE_TABLE_NAME");
        BenchTrades trades = new BenchTrades(Long.parseLong(args.getOrDefault("seed", "2")));

        StateLambda handler = new StateLambda();
        try (KinesisClient kinesis = KinesisClient.builder()
                .region(Region.of(Workers.required("AWS_REGION")))
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(30)))
                .build();
             DynamoDbClient dynamoDb = Workers.dynamoDb()) {
            DirectPath path = new DirectPath(handler, kinesis, dynamoDb, stream, table);
            path.run(trades.next(prefill), null);
            Samples samples = path.run(trades.next(count), new ArrayList<>());
            Workers.emit(samples);
        }
        System.exit(0); // the handler's writer pool has non-daemon threads
    }

    private static final class DirectPath {
        private final StateLambda handler;
        private final KinesisClient kinesis;
        private final DynamoDbClient dynamoDb;
        private final String stream;
        private final String table;
        private final String streamArn;
        private final Map<String, String> iterators = new LinkedHashMap<>();
        private int batches;
        private double handlerNanos;

        DirectPath(StateLambda handler, KinesisClient kinesis, DynamoDbClient dynamoDb, String stream, String table) {
            this.handler = handler;
            this.kinesis = kinesis;
            this.dynamoDb = dynamoDb;
            this.stream = stream;
            this.table = table;
            this.streamArn = kinesis.describeStreamSummary(r -> r.streamName(stream)).streamDescriptionSummary()
                    .streamARN();
            for (Shard shard : kinesis.listShards(r -> r.streamName(stream)).shards()) {
                iterators.put(shard.shardId(), kinesis.getShardIterator(r -> r.streamName(stream)
                        .shardId(shard.shardId()).shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator());
            }
        }

        /** Pushes the trades through; with {@code latencies} null nothing is recorded. */
        Samples run(List<Trade> trades, List<Double> latencies) throws InterruptedException {
            long start = System.nanoTime();
            double putNanos = 0;
            batches = 0;
            handlerNanos = 0;
            for (int from = 0; from < trades.size(); from += PUT_CHUNK) {
                List<Trade> chunk = trades.subList(from, Math.min(trades.size(), from + PUT_CHUNK));
                long putStart = System.nanoTime();
                Map<String, Integer> perShard = put(chunk);
                long accepted = System.nanoTime();
                putNanos += accepted - putStart;
                for (Map.Entry<String, Integer> shard : perShard.entrySet()) {
                    consume(shard.getKey(), shard.getValue(), accepted, latencies);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Samples(trades.size(), seconds, putNanos / 1e9, latencies, batches, handlerNanos / 1e6);
        }

        /** PutRecords, refused entries put again; answers how many records each shard got. */
        private Map<String, Integer> put(List<Trade> chunk) throws InterruptedException {
            Map<String, Integer> perShard = new HashMap<>();
            List<PutRecordsRequestEntry> pending = new ArrayList<>();
            for (Trade trade : chunk) {
                pending.add(PutRecordsRequestEntry.builder().partitionKey(trade.tradeId())
                        .data(SdkBytes.fromByteArray(TradeJson.toMessage(trade))).build());
            }
            for (int attempt = 0; !pending.isEmpty(); attempt++) {
                if (attempt == 12) {
                    throw new IllegalStateException("Kinesis refused " + pending.size() + " records 12 times");
                }
                List<PutRecordsRequestEntry> sent = pending;
                PutRecordsResponse response = kinesis.putRecords(r -> r.streamName(stream).records(sent));
                pending = new ArrayList<>();
                for (int i = 0; i < sent.size(); i++) {
                    PutRecordsResultEntry result = response.records().get(i);
                    if (result.errorCode() == null) {
                        perShard.merge(result.shardId(), 1, Integer::sum);
                    } else {
                        pending.add(sent.get(i));
                    }
                }
                if (!pending.isEmpty()) {
                    Thread.sleep(50L << Math.min(attempt, 5));
                }
            }
            return perShard;
        }

        /** Reads {@code expected} records of one shard in batches of 100, each handled, then confirmed by a read. */
        private void consume(String shardId, int expected, long acceptedNanos, List<Double> latencies)
                throws InterruptedException {
            int got = 0;
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (got < expected) {
                String iterator = iterators.get(shardId);
                GetRecordsResponse response = kinesis.getRecords(r -> r.shardIterator(iterator).limit(BATCH_SIZE));
                iterators.put(shardId, response.nextShardIterator());
                List<Record> records = response.records();
                if (records.isEmpty()) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException(shardId + ": " + got + " of " + expected + " records read in "
                                + WAIT.toSeconds() + " s");
                    }
                    Thread.sleep(5);
                    continue;
                }
                got += records.size();
                handle(shardId, records);
                confirm(records);
                if (latencies != null) {
                    double millis = (System.nanoTime() - acceptedNanos) / 1e6;
                    for (int i = 0; i < records.size(); i++) {
                        latencies.add(millis);
                    }
                }
            }
        }

        private void handle(String shardId, List<Record> records) {
            List<KinesisEvents.EventRecord> eventRecords = new ArrayList<>(records.size());
            for (Record record : records) {
                eventRecords.add(new KinesisEvents.EventRecord(record.sequenceNumber(), record.partitionKey(),
                        record.data().asByteArray(), record.approximateArrivalTimestamp()));
            }
            BenchContext context = new BenchContext();
            var event = KinesisEvents.of(streamArn, shardId, eventRecords);
            long start = System.nanoTime();
            StreamsEventResponse response = handler.handleRequest(event, context);
            handlerNanos += System.nanoTime() - start;
            if (!response.getBatchItemFailures().isEmpty()) {
                throw new IllegalStateException("StateLambda answered a partial failure: "
                        + response.getBatchItemFailures());
            }
            context.requireAllWritten(records.size());
            batches++;
        }

        /** A consistent BatchGetItem of the batch's keys until every item is there (as verify-lab confirms). */
        private void confirm(List<Record> records) {
            Set<String> missing = new HashSet<>();
            for (Record record : records) {
                missing.add(record.partitionKey());
            }
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!missing.isEmpty()) {
                List<Map<String, AttributeValue>> keys = new ArrayList<>();
                for (String id : missing) {
                    keys.add(Map.of(TradeFields.ITEM_ID, AttributeValue.fromS(id)));
                }
                BatchGetItemResponse response = dynamoDb.batchGetItem(r -> r.requestItems(Map.of(table,
                        KeysAndAttributes.builder().keys(keys).consistentRead(true).build())));
                for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
                    missing.remove(item.get(TradeFields.ITEM_ID).s());
                }
                if (!missing.isEmpty() && System.nanoTime() > deadline) {
                    throw new IllegalStateException(missing.size() + " items not in " + table + " after the handler"
                            + " wrote them");
                }
            }
        }
    }
}
