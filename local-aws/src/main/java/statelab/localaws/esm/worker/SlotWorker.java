package statelab.localaws.esm.worker;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import statelab.localaws.esm.destination.DiscardedRecords;
import statelab.localaws.esm.destination.FailureRecord;
import statelab.localaws.esm.invoke.BatchRecord;
import statelab.localaws.esm.invoke.KinesisEvent;
import statelab.localaws.esm.model.Mapping;
import statelab.localaws.esm.model.MappingConfig;
import statelab.localaws.esm.model.StreamArn;
import statelab.localaws.esm.policy.BatchPlan;
import statelab.localaws.esm.policy.Decision;
import statelab.localaws.esm.policy.Outcome;
import statelab.localaws.esm.policy.RecordAge;
import statelab.localaws.esm.reader.StreamRecord;
import statelab.localaws.spi.FunctionDirectory.FunctionRef;

/**
 * One parallel slot of a shard: takes batches from the shard's buffer and sees each through to the end, one
 * at a time (the next batch of a slot only after the previous one succeeded or was given up), applying the
 * retry rules: record age before every invocation, retries with back-off, bisection, partial failures,
 * discards.
 */
final class SlotWorker implements Runnable {
    private static final System.Logger LOG = System.getLogger(SlotWorker.class.getName());

    private final ShardWorker shard;
    private final int slot;
    private final RunnerServices services;
    private final StopSignal stop;
    private int failuresInARow;

    SlotWorker(ShardWorker shard, int slot, RunnerServices services, StopSignal stop) {
        this.shard = shard;
        this.slot = slot;
        this.services = services;
        this.stop = stop;
    }

    @Override
    public void run() {
        long windowStart = System.nanoTime();
        while (!stop.stopped()) {
            try {
                MappingConfig config = shard.mapping().config();
                long windowEnd = windowStart + TimeUnit.SECONDS.toNanos(config.maximumBatchingWindowInSeconds());
                List<StreamRecord> taken = shard.buffer().take(slot, config.batchSize(), KinesisEvent.MAX_PAYLOAD_BYTES,
                        windowEnd);
                if (taken.isEmpty()) {
                    continue;
                }
                Mapping mapping = shard.mapping();
                String role = roleOf(mapping);
                List<BatchRecord> batch = serialize(taken, mapping, role);
                int fit = KinesisEvent.howManyFit(batch.stream().map(BatchRecord::json).toList(),
                        mapping.config().batchSize(), KinesisEvent.MAX_PAYLOAD_BYTES);
                if (fit < batch.size()) {
                    shard.buffer().putBack(slot, taken.subList(fit, taken.size()));
                    batch = batch.subList(0, fit);
                }
                process(batch, role);
                windowStart = System.nanoTime();
            } catch (RuntimeException e) {
                // a bug or a full disk must not end the slot silently: say so, wait, go on
                LOG.log(System.Logger.Level.ERROR, "event source mapping " + shard.mappingUuid() + " "
                        + shard.shardId() + " slot " + slot + " failed; retrying", e);
                stop.pause(services.retryBackoff().delay(++failuresInARow));
            }
        }
    }

    private void process(List<BatchRecord> batch, String firstRole) {
        BatchPlan<BatchRecord> plan = new BatchPlan<>(batch);
        String role = firstRole;
        while (!plan.isDone() && !stop.stopped()) {
            Mapping mapping = shard.mapping();
            MappingConfig config = mapping.config();
            dropExpired(plan, mapping);
            if (plan.isDone()) {
                break;
            }
            String currentRole = roleOf(mapping);
            if (!currentRole.equals(role)) {
                // the function changed role (or appeared): the event names the role, so serialize again
                role = currentRole;
                plan.replaceRecords(records -> serialize(records.stream().map(BatchRecord::record).toList(), mapping,
                        currentRole));
            }
            Outcome outcome = services.invoker().invoke(mapping.functionArn(), plan.current().records(),
                    config.reportBatchItemFailures());
            if (stop.stopped() && !(outcome instanceof Outcome.Succeeded)) {
                // stopping (local-aws shuts down and ends function environments, or the mapping is being
                // changed): a failure now may be ours, not the function's; the batch is read again later
                return;
            }
            services.status().lastProcessingResult(shard.mappingUuid(), processingResult(outcome));
            BatchPlan.Step<BatchRecord> step = plan.record(outcome, config);
            shard.completed(step.completed());
            if (!step.givenUp().isEmpty()) {
                String functionError = ((Decision.GiveUp) step.decision()).functionError();
                discard(step.givenUp(), mapping, FailureRecord.RETRY_ATTEMPTS_EXHAUSTED, step.invocations(), functionError);
            }
            if (step.pause()) {
                stop.pause(services.retryBackoff().delay(++failuresInARow));
            } else if (!(step.decision() instanceof Decision.Bisect)) {
                failuresInARow = 0;
            }
        }
    }

    /** MaximumRecordAgeInSeconds, checked before every invocation: expired records go, fresh ones are still sent. */
    private void dropExpired(BatchPlan<BatchRecord> plan, Mapping mapping) {
        int maxAge = mapping.config().maximumRecordAgeInSeconds();
        if (maxAge == MappingConfig.UNLIMITED) {
            return;
        }
        long now = services.clock().millis();
        BatchPlan.Part<BatchRecord> part = plan.current();
        List<BatchRecord> expired = new ArrayList<>();
        for (BatchRecord record : part.records()) {
            if (RecordAge.isExpired(record.record().arrivalMillis(), now, maxAge)) {
                expired.add(record);
            }
        }
        if (!expired.isEmpty()) {
            plan.remove(expired);
            discard(expired, mapping, FailureRecord.RECORD_AGE_EXCEEDED, Math.max(1, part.invocations()), null);
        }
    }

    private void discard(List<BatchRecord> records, Mapping mapping, String condition, int invocations,
            String functionError) {
        if (records.isEmpty()) {
            return;
        }
        services.discards().report(new DiscardedRecords.Discard(mapping.uuid(), mapping.functionArn(),
                mapping.eventSourceArn(), mapping.config().onFailureDestination(), condition, invocations,
                functionError, records), services.clock().millis());
        shard.completed(records);
    }

    private static List<BatchRecord> serialize(List<StreamRecord> records, Mapping mapping, String role) {
        StreamArn stream = mapping.stream();
        List<BatchRecord> batch = new ArrayList<>(records.size());
        for (StreamRecord record : records) {
            batch.add(new BatchRecord(record, KinesisEvent.serialize(record, stream, role)));
        }
        return batch;
    }

    private String roleOf(Mapping mapping) {
        return services.functions().find(mapping.functionArn()).map(FunctionRef::roleArn).orElse("");
    }

    private static String processingResult(Outcome outcome) {
        if (outcome instanceof Outcome.NotInvoked notInvoked) {
            return notInvoked.problem();
        }
        if (outcome instanceof Outcome.Failed) {
            return "PROBLEM: Function call failed";
        }
        return "OK";
    }
}
