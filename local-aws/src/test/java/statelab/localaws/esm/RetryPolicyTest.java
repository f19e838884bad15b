package statelab.localaws.esm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import statelab.localaws.esm.model.MappingConfig;
import statelab.localaws.esm.policy.Decision;
import statelab.localaws.esm.policy.Outcome;
import statelab.localaws.esm.policy.RetryPolicy;

class RetryPolicyTest {
    private static final Outcome THREW = new Outcome.Failed("Unhandled", "threw");
    private static final Outcome BAD_REPORT = new Outcome.Failed(null, "malformed report");

    private static MappingConfig retries(int maximumRetryAttempts) {
        return MappingConfig.defaults().withMaximumRetryAttempts(maximumRetryAttempts);
    }

    @Test
    void aSuccessIsDone() {
        assertEquals(new Decision.Done(), RetryPolicy.decide(new Outcome.Succeeded(), 5, 0, retries(2)));
    }

    @Test
    void maximumRetryAttemptsNAllowsNPlusOneInvocations() {
        MappingConfig config = retries(2);
        int invocations = 0;
        int retriesSoFar = 0;
        Decision decision;
        do {
            invocations++;
            decision = RetryPolicy.decide(THREW, 1, retriesSoFar, config);
            if (decision instanceof Decision.Retry retry) {
                retriesSoFar = retry.retries();
            }
        } while (decision instanceof Decision.Retry);
        assertEquals(3, invocations);
        assertEquals(new Decision.GiveUp(0, "Unhandled"), decision);
    }

    @Test
    void zeroRetriesGivesUpAfterTheFirstFailure() {
        assertEquals(new Decision.GiveUp(0, "Unhandled"), RetryPolicy.decide(THREW, 3, 0, retries(0)));
    }

    @Test
    void minusOneRetriesForever() {
        assertEquals(new Decision.Retry(0, 10_001), RetryPolicy.decide(THREW, 1, 10_000, retries(-1)));
    }

    @Test
    void aPartialFailureRetriesFromTheReportedRecordAndCountsTheRetry() {
        assertEquals(new Decision.Retry(2, 1), RetryPolicy.decide(new Outcome.PartlyFailed(2), 3, 0, retries(3)));
    }

    @Test
    void partialRetriesUseUpTheQuotaAndTheRestIsGivenUpWithoutAFunctionError() {
        // AWS-REC: MaxRetry 3, only the last record fails: 4 invocations, then that record is discarded
        assertEquals(new Decision.GiveUp(0, null), RetryPolicy.decide(new Outcome.PartlyFailed(0), 1, 3, retries(3)));
    }

    @Test
    void aValidPartialReportIsNeverBisected() {
        MappingConfig config = retries(-1).withBisectBatchOnFunctionError(true);
        assertEquals(new Decision.Retry(1, 1), RetryPolicy.decide(new Outcome.PartlyFailed(1), 4, 0, config));
    }

    @Test
    void aFunctionErrorWithBisectSplitsWithoutCountingAndTheFirstHalfTakesTheOddRecord() {
        MappingConfig config = retries(0).withBisectBatchOnFunctionError(true);
        assertEquals(new Decision.Bisect(3, 0), RetryPolicy.decide(THREW, 5, 0, config));
        assertEquals(new Decision.Bisect(2, 0), RetryPolicy.decide(THREW, 4, 0, config));
    }

    @Test
    void aMalformedReportIsAFunctionErrorThatBisectsAndIsReportedWithoutFunctionError() {
        MappingConfig bisecting = retries(0).withBisectBatchOnFunctionError(true);
        assertEquals(new Decision.Bisect(2, 0), RetryPolicy.decide(BAD_REPORT, 3, 0, bisecting));
        assertEquals(new Decision.GiveUp(0, null), RetryPolicy.decide(BAD_REPORT, 1, 0, bisecting));
    }

    @Test
    void aSingleRecordIsNotBisectedButRetriedAndCounted() {
        MappingConfig config = retries(5).withBisectBatchOnFunctionError(true);
        assertEquals(new Decision.Retry(0, 1), RetryPolicy.decide(THREW, 1, 0, config));
    }

    @Test
    void aFailureBeforeTheFunctionRanIsNeitherCountedNorBisected() {
        MappingConfig config = retries(0).withBisectBatchOnFunctionError(true);
        assertEquals(new Decision.Wait("throttled"), RetryPolicy.decide(new Outcome.NotInvoked("throttled"), 8, 0, config));
    }
}
