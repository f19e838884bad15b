package statelab.localaws.lambda.runtime;

/**
 * How one invocation ended, as Invoke reports it.
 *
 * @param payload the function's response, or the error document when it failed
 * @param functionError null on success, {@code Unhandled} for a thrown error, a timeout, a crash or a failed init
 * @param errorType the error's type ({@code java.lang.IllegalStateException}, {@code Sandbox.Timedout},
 *     {@code Runtime.ExitError}, ...), null on success
 * @param logTail base64 of the last 4 KB of the invocation's log ({@code X-Amz-Log-Result})
 * @param coldStart whether this invocation started its execution environment
 */
public record InvocationOutcome(String requestId, byte[] payload, String functionError, String errorType,
        String logTail, boolean coldStart) {

    public static final String UNHANDLED = "Unhandled";

    public boolean failed() {
        return functionError != null;
    }
}
