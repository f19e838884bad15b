package statelab.localaws.lambda.runtime;

/**
 * No execution environment could be had in time: the function is at its concurrency (reserved, or local-aws's
 * per-function limit). Not a function error: the invocation never started.
 */
public final class ThrottledException extends Exception {
    public static final String RESERVED_LIMIT = "ReservedFunctionConcurrentInvocationLimitExceeded";
    public static final String CONCURRENCY_LIMIT = "ConcurrentInvocationLimitExceeded";

    private final String reason;

    ThrottledException(String reason) {
        super("Rate Exceeded.", null, false, false);
        this.reason = reason;
    }

    /** Lambda's {@code Reason} for the 429: {@link #RESERVED_LIMIT} or {@link #CONCURRENCY_LIMIT}. */
    public String reason() {
        return reason;
    }
}
