package statelab.localaws.esm.policy;

import java.util.List;
import statelab.localaws.esm.model.SequenceNumber;
import statelab.localaws.spi.FunctionInvoker.InvocationResult;

/** Turns what the Lambda runtime reported for one invocation into an {@link Outcome}. Pure. */
public final class Outcomes {
    private Outcomes() {
    }

    /**
     * @param reportBatchItemFailures the mapping has {@code FunctionResponseTypes: ["ReportBatchItemFailures"]};
     *     without it the function's answer is ignored and any normal return is a success
     */
    public static Outcome classify(InvocationResult result, boolean reportBatchItemFailures, List<SequenceNumber> batch) {
        if (result.throttled()) {
            return new Outcome.NotInvoked("PROBLEM: Function call throttled");
        }
        if (result.functionError() != null) {
            return new Outcome.Failed(result.functionError(), "the function failed (" + result.functionError() + ")");
        }
        if (!reportBatchItemFailures) {
            return new Outcome.Succeeded();
        }
        PartialFailureReport.Reading reading = PartialFailureReport.read(result.payload(), batch);
        if (reading instanceof PartialFailureReport.FailedFrom failedFrom) {
            return new Outcome.PartlyFailed(failedFrom.index());
        }
        if (reading instanceof PartialFailureReport.Malformed malformed) {
            return new Outcome.Failed(null, "invalid batchItemFailures: " + malformed.reason());
        }
        return new Outcome.Succeeded();
    }
}
