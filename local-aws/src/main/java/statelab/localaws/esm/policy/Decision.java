package statelab.localaws.esm.policy;

/** What to do next with a batch after an invocation. */
public sealed interface Decision {

    /** Every record is done: checkpoint past the batch. */
    record Done() implements Decision {
    }

    /**
     * Records before {@code fromIndex} are done; the rest is invoked again after a back-off.
     *
     * @param retries counted retries of the rest so far (compared with MaximumRetryAttempts)
     */
    record Retry(int fromIndex, int retries) implements Decision {
    }

    /** Split at {@code splitAt}; each half is invoked on its own, first half first; splits are not counted. */
    record Bisect(int splitAt, int retries) implements Decision {
    }

    /** Records before {@code fromIndex} are done; the rest is given up (RetryAttemptsExhausted). */
    record GiveUp(int fromIndex, String functionError) implements Decision {
    }

    /** The function did not run: the same batch again after a back-off, nothing counted, never bisected. */
    record Wait(String problem) implements Decision {
    }
}
