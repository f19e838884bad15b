package statelab.localaws.spi;

/**
 * Synchronous invocation (RequestResponse), as an event source mapping calls a function. Implemented by the
 * Lambda runtime; the mapping code depends only on this.
 */
public interface FunctionInvoker {

    /**
     * Runs the function once with this payload and waits for the outcome (bounded by the function's timeout).
     *
     * @throws FunctionNotFoundException when there is no such function (a pre-invoke failure for a mapping)
     */
    InvocationResult invoke(String functionNameOrArn, byte[] payload);

    /**
     * @param payload the function's answer, or the error document when it failed
     * @param functionError null on success, "Unhandled" for a thrown error, timeout or crash (as AWS reports)
     * @param throttled true when no execution environment could be had (not a function error: not counted
     *     against retries, never bisected)
     */
    record InvocationResult(byte[] payload, String functionError, boolean throttled) {
        public boolean succeeded() {
            return functionError == null && !throttled;
        }
    }

    final class FunctionNotFoundException extends RuntimeException {
        public FunctionNotFoundException(String message) {
            super(message);
        }
    }
}
