package statelab.verify.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntPredicate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import statelab.trade.ParseResult;
import statelab.trade.Trade;
import statelab.trade.TradeFields;
import statelab.trade.TradeParser;

/**
 * Stands in for StateLambda and its mapping in tests that run without local-aws: one thread per shard reads the
 * stream from TRIM_HORIZON and writes each valid trade with the workshop's conditional write (no item yet, or a
 * lower stored Version). Bad records are skipped. {@code drop} decides, by the running count of valid records, which
 * ones to lose: a broken function.
 */
public final class StreamConsumer implements AutoCloseable {
    private static final String UPDATE = "SET #Value = :value, #Version = :incoming, #Hierarchy = :hierarchy, "
            + "#Timestamp = :timestamp";
    private static final String CONDITION = "attribute_not_exists(#id) OR #Version < :incoming";
    private static final Map<String, String> NAMES = Map.of("#id", TradeFields.ITEM_ID, "#Value",
            TradeFields.ITEM_VALUE, "#Version", TradeFields.ITEM_VERSION, "#Hierarchy", TradeFields.ITEM_HIERARCHY,
            "#Timestamp", TradeFields.ITEM_TIMESTAMP);

    private final KinesisClient kinesis;
    private final DynamoDbClient dynamoDb;
    private final String stream;
    private final String table;
    private final IntPredicate drop;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger valid = new AtomicInteger();
    private final AtomicInteger skipped = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final List<Thread> threads = new ArrayList<>();

    private StreamConsumer(KinesisClient kinesis, DynamoDbClient dynamoDb, String stream, String table,
            IntPredicate drop) {
        this.kinesis = kinesis;
        this.dynamoDb = dynamoDb;
        this.stream = stream;
        this.table = table;
        this.drop = drop;
    }

    public static StreamConsumer start(KinesisClient kinesis, DynamoDbClient dynamoDb, String stream, String table,
            IntPredicate drop) {
        StreamConsumer consumer = new StreamConsumer(kinesis, dynamoDb, stream, table, drop);
        for (Shard shard : kinesis.listShards(r -> r.streamName(stream)).shards()) {
            Thread thread = new Thread(() -> consumer.consume(shard.shardId()), "consumer-" + shard.shardId());
            thread.setDaemon(true);
            consumer.threads.add(thread);
            thread.start();
        }
        return consumer;
    }

    public int skipped() {
        return skipped.get();
    }

    private void consume(String shardId) {
        try {
            String iterator = kinesis.getShardIterator(r -> r.streamName(stream).shardId(shardId)
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            while (running.get() && iterator != null) {
                String current = iterator;
                GetRecordsResponse response = kinesis.getRecords(r -> r.shardIterator(current).limit(500));
                for (Record record : response.records()) {
                    apply(record);
                }
                iterator = response.nextShardIterator();
                if (response.records().isEmpty()) {
                    // a poller's idle interval, as the Lambda service has between empty GetRecords calls
                    Thread.sleep(100);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (running.get()) {
                failure.set(e);
            }
        }
    }

    private void apply(Record record) {
        ParseResult result = TradeParser.parse(record.data().asByteArray());
        if (!(result instanceof ParseResult.Valid valid)) {
            skipped.incrementAndGet();
            return;
        }
        if (drop.test(this.valid.incrementAndGet())) {
            return;
        }
        Trade trade = valid.trade();
        try {
            dynamoDb.updateItem(r -> r.tableName(table)
                    .key(Map.of(TradeFields.ITEM_ID, AttributeValue.fromS(trade.tradeId())))
                    .updateExpression(UPDATE)
                    .conditionExpression(CONDITION)
                    .expressionAttributeNames(NAMES)
                    .expressionAttributeValues(Map.of(
                            ":value", AttributeValue.fromN(trade.value().toPlainString()),
                            ":incoming", AttributeValue.fromN(Long.toString(trade.version())),
                            ":hierarchy", AttributeValue.fromS(trade.hierarchyJson()),
                            ":timestamp", AttributeValue.fromN(trade.timestamp().toPlainString()))));
        } catch (ConditionalCheckFailedException duplicateOrStale) {
            // the expected outcome for a duplicate or an older version
        }
    }

    /** Stops the threads; rethrows what broke one of them, so a test does not blame verify-lab for it. */
    @Override
    public void close() {
        running.set(false);
        for (Thread thread : threads) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (failure.get() != null) {
            throw new IllegalStateException("the test consumer failed", failure.get());
        }
    }
}
