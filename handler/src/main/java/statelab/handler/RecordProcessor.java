package statelab.handler;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent.KinesisEventRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One batch, start to end: maybe fail on purpose, plan, skip the bad records, write the trades, log, answer.
 * Built once per execution environment; {@link #process} is called once per invocation, never concurrently.
 */
final class RecordProcessor {
    private final FailureInjector failureInjector;
    private final TradeGroupExecutor executor;

    RecordProcessor(FailureInjector failureInjector, TradeGroupExecutor executor) {
        this.failureInjector = failureInjector;
        this.executor = executor;
    }

    static RecordProcessor create(HandlerConfig config, DynamoDbClient dynamoDb) {
        return new RecordProcessor(
                FailureInjector.withPercent(config.failureInjectionPercent()),
                new TradeGroupExecutor(new StateTableWriter(dynamoDb, config.tableName()), config.writeConcurrency()));
    }

    StreamsEventResponse process(KinesisEvent event, JsonLog log) {
        long start = System.nanoTime();
        List<KinesisEventRecord> records = KinesisRecords.of(event);
        if (failureInjector.shouldFail()) {
            log.failureInjected(KinesisRecords.shardId(records), records.size(), failureInjector.percent());
            throw new InjectedFailureException(failureInjector.percent());
        }

        BatchPlan plan = BatchPlanner.plan(records);
        BatchResults results = new BatchResults(plan.recordCount());
        for (Rejection rejection : plan.rejections()) {
            results.record(new RecordResult(rejection.record(), null, Outcome.REJECTED, rejection.reason()));
        }
        executor.apply(plan.groups(), results);

        // logged here, after the writers are done, so the lines come in stream order from one thread
        List<RecordResult> inStreamOrder = results.inStreamOrder();
        for (RecordResult result : inStreamOrder) {
            if (result.outcome() == Outcome.REJECTED) {
                log.recordRejected(plan.shardId(), result);
            } else if (result.outcome() == Outcome.FAILED) {
                log.writeFailed(plan.shardId(), result);
            }
        }
        log.batchSummary(BatchSummary.of(plan.shardId(), inStreamOrder, (System.nanoTime() - start) / 1_000_000));
        return BatchResponses.of(BatchResults.firstFailure(inStreamOrder));
    }
}
