package statelab.localaws.esm.invoke;

import java.util.ArrayList;
import java.util.List;
import statelab.localaws.esm.model.SequenceNumber;
import statelab.localaws.esm.policy.Outcome;
import statelab.localaws.esm.policy.Outcomes;
import statelab.localaws.spi.FunctionInvoker;
import statelab.localaws.spi.FunctionInvoker.InvocationResult;

/**
 * Calls the function synchronously with the Kinesis event of a batch and says what came of it. Anything that
 * stops the function from running (it is missing, throttled, the payload is too big, Lambda itself failed) is a
 * {@link Outcome.NotInvoked}: not the function's fault, so never counted against retries nor bisected.
 */
public final class BatchInvoker {
    private static final System.Logger LOG = System.getLogger(BatchInvoker.class.getName());

    private final FunctionInvoker invoker;

    public BatchInvoker(FunctionInvoker invoker) {
        this.invoker = invoker;
    }

    public Outcome invoke(String functionArn, List<BatchRecord> batch, boolean reportBatchItemFailures) {
        List<byte[]> entries = new ArrayList<>(batch.size());
        List<SequenceNumber> sequenceNumbers = new ArrayList<>(batch.size());
        for (BatchRecord record : batch) {
            entries.add(record.json());
            sequenceNumbers.add(record.sequenceNumber());
        }
        long size = KinesisEvent.sizeOf(entries);
        if (size > KinesisEvent.MAX_PAYLOAD_BYTES) {
            return new Outcome.NotInvoked("PROBLEM: Payload too large: the event of record "
                    + sequenceNumbers.get(0) + " is " + size + " bytes, over the " + KinesisEvent.MAX_PAYLOAD_BYTES
                    + " byte limit of a synchronous invocation");
        }
        InvocationResult result;
        try {
            result = invoker.invoke(functionArn, KinesisEvent.assemble(entries));
        } catch (FunctionInvoker.FunctionNotFoundException e) {
            return new Outcome.NotInvoked("PROBLEM: Function not found: " + functionArn);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "invoking " + functionArn + " failed inside local-aws", e);
            return new Outcome.NotInvoked("PROBLEM: Lambda internal error: " + e.getMessage());
        }
        return Outcomes.classify(result, reportBatchItemFailures, sequenceNumbers);
    }
}
