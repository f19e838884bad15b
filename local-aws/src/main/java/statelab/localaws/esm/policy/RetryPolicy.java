package statelab.localaws.esm.policy;

import statelab.localaws.esm.model.MappingConfig;

/**
 * The retry rules of a Kinesis mapping (kinesis-esm-semantics.md §3, §4, §9), pure:
 * <ul>
 * <li>MaximumRetryAttempts counts retries after the first attempt: N allows N+1 invocations; -1 is unlimited;
 * <li>a valid partial-failure report retries from the lowest reported record, and that retry is counted;
 * <li>a function error (or a malformed report) with BisectBatchOnFunctionError splits a batch of two or more
 * records in halves without counting; a single record is retried and counted;
 * <li>a failure before the function ran is never counted and never bisected.
 * </ul>
 */
public final class RetryPolicy {
    private RetryPolicy() {
    }

    /**
     * @param batchSize records in the batch that was invoked
     * @param retries counted retries of this batch so far
     */
    public static Decision decide(Outcome outcome, int batchSize, int retries, MappingConfig config) {
        if (outcome instanceof Outcome.Succeeded) {
            return new Decision.Done();
        }
        if (outcome instanceof Outcome.NotInvoked notInvoked) {
            return new Decision.Wait(notInvoked.problem());
        }
        if (outcome instanceof Outcome.PartlyFailed partly) {
            int counted = retries + 1;
            return exhausted(counted, config.maximumRetryAttempts())
                    ? new Decision.GiveUp(partly.firstFailedIndex(), null)
                    : new Decision.Retry(partly.firstFailedIndex(), counted);
        }
        Outcome.Failed failed = (Outcome.Failed) outcome;
        if (config.bisectBatchOnFunctionError() && batchSize > 1) {
            return new Decision.Bisect(firstHalf(batchSize), retries);
        }
        int counted = retries + 1;
        return exhausted(counted, config.maximumRetryAttempts())
                ? new Decision.GiveUp(0, failed.functionError())
                : new Decision.Retry(0, counted);
    }

    /** The size of the first half of a split; it takes the extra record of an odd batch. */
    public static int firstHalf(int batchSize) {
        return (batchSize + 1) / 2;
    }

    public static boolean exhausted(int retries, int maximumRetryAttempts) {
        return maximumRetryAttempts != MappingConfig.UNLIMITED && retries > maximumRetryAttempts;
    }
}
