package statelab.bench;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import statelab.handler.HandlerConfig;
import statelab.handler.StateLambda;
import statelab.trade.Trade;
import statelab.trade.TradeJson;

/**
 * Handler throughput, in a JVM of its own started with the options local-aws gives StateLambda's execution
 * environment: StateLambda built as Lambda builds it ({@code new StateLambda()}, configuration from the environment,
 * AWS_ENDPOINT_URL pointing at the bench's dynalite), then rounds of one batch of 100 new trades each. Every round
 * the same 100 trades are also written by the baseline, one unconditional PutItem after the other with a client of
 * the same settings, into a second table; the order of the two alternates from round to round so that neither
 * always runs on a warmer (or busier) dynalite.
 *
 * <p>Arguments: {@code --baseline-table T --warmup W --batches N --batch-size B --seed S}.
 */
public final class HandlerWorker {
    private HandlerWorker() {
    }

    /** What the worker measured; millis are wall-clock times of whole batches. */
    public record Samples(double constructorMillis, int writeConcurrency, int batchSize, int warmupBatches,
            List<Double> stateLambdaMillis, List<Double> baselineMillis, List<String> jvmOptions) {
    }

    public static void main(String[] argv) {
        Map<String, String> args = Workers.parse(argv);
        String baselineTable = args.get("baseline-table");
        int warmup = Workers.intArg(args, "warmup", 5);
        int batches = Workers.intArg(args, "batches", 50);
        int batchSize = Workers.intArg(args, "batch-size", 100);
        BenchTrades trades = new BenchTrades(Long.parseLong(args.getOrDefault("seed", "1")));

        long start = System.nanoTime();
        StateLambda handler = new StateLambda();
        double constructorMillis = (System.nanoTime() - start) / 1e6;
        HandlerConfig config = HandlerConfig.fromEnvironment(System.getenv());

        List<Double> handlerMillis = new ArrayList<>();
        List<Double> baselineMillis = new ArrayList<>();
        try (DynamoDbClient baseline = Workers.dynamoDb()) {
            long position = 0;
            for (int round = 0; round < warmup + batches; round++) {
                List<Trade> batch = trades.next(batchSize);
                KinesisEvent event = event(batch, position);
                position += batchSize;
                double handlerTime;
                double baselineTime;
                if (round % 2 == 0) {
                    handlerTime = runHandler(handler, event, batchSize);
                    baselineTime = runBaseline(baseline, baselineTable, batch);
                } else {
                    baselineTime = runBaseline(baseline, baselineTable, batch);
                    handlerTime = runHandler(handler, event, batchSize);
                }
                if (round >= warmup) {
                    handlerMillis.add(handlerTime);
                    baselineMillis.add(baselineTime);
                }
            }
        }
        Workers.emit(new Samples(constructorMillis, config.writeConcurrency(), batchSize, warmup, handlerMillis,
                baselineMillis, java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()));
        System.exit(0); // the handler's writer pool has non-daemon threads
    }

    private static KinesisEvent event(List<Trade> batch, long firstPosition) {
        List<KinesisEvents.EventRecord> records = new ArrayList<>(batch.size());
        Instant now = Instant.now();
        for (int i = 0; i < batch.size(); i++) {
            Trade trade = batch.get(i);
            records.add(new KinesisEvents.EventRecord(KinesisEvents.syntheticSequenceNumber(firstPosition + i),
                    trade.tradeId(), TradeJson.toMessage(trade), now));
        }
        return KinesisEvents.of(KinesisEvents.SYNTHETIC_STREAM_ARN, KinesisEvents.SYNTHETIC_SHARD, records);
    }

    /** One invocation as Lambda makes it; the answer and the summary must say that every record was written. */
    private static double runHandler(StateLambda handler, KinesisEvent event, int records) {
        BenchContext context = new BenchContext();
        long start = System.nanoTime();
        StreamsEventResponse response = handler.handleRequest(event, context);
        double millis = (System.nanoTime() - start) / 1e6;
        if (!response.getBatchItemFailures().isEmpty()) {
            throw new IllegalStateException("StateLambda answered a partial failure: " + response.getBatchItemFailures());
        }
        context.requireAllWritten(records);
        return millis;
    }

    /** The naive writer: one PutItem per trade, one after the other, no condition, no parsing. */
    private static double runBaseline(DynamoDbClient dynamoDb, String table, List<Trade> batch) {
        long start = System.nanoTime();
        for (Trade trade : batch) {
            dynamoDb.putItem(put -> put.tableName(table).item(BenchTrades.item(trade)));
        }
        return (System.nanoTime() - start) / 1e6;
    }
}
