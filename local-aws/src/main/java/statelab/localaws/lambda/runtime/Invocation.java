package statelab.localaws.lambda.runtime;

import java.util.concurrent.CompletableFuture;

/**
 * One invocation on its way through an execution environment's Runtime API: what {@code /next} hands to the
 * runtime, and the futures that tell the waiting caller when it was handed out and how the runtime answered.
 */
final class Invocation {
    private final String requestId;
    private final byte[] payload;
    private final String invokedFunctionArn;
    private final String traceId;
    private final String clientContext;
    private final long timeoutMillis;
    private final CompletableFuture<Long> dispatchedAtNanos = new CompletableFuture<>();
    private final CompletableFuture<RuntimeReply> reply = new CompletableFuture<>();
    private final CompletableFuture<Long> runtimeReadyAgainNanos = new CompletableFuture<>();
    private volatile long deadlineEpochMillis;

    Invocation(String requestId, byte[] payload, String invokedFunctionArn, String traceId, String clientContext,
            long timeoutMillis) {
        this.requestId = requestId;
        this.payload = payload;
        this.invokedFunctionArn = invokedFunctionArn;
        this.traceId = traceId;
        this.clientContext = clientContext;
        this.timeoutMillis = timeoutMillis;
    }

    String requestId() {
        return requestId;
    }

    byte[] payload() {
        return payload;
    }

    String invokedFunctionArn() {
        return invokedFunctionArn;
    }

    String traceId() {
        return traceId;
    }

    String clientContext() {
        return clientContext;
    }

    /** The absolute deadline the runtime is told; fixed when the invocation is handed out, not when queued. */
    long deadlineEpochMillis() {
        return deadlineEpochMillis;
    }

    void markDispatched(long epochMillis, long nanos) {
        deadlineEpochMillis = epochMillis + timeoutMillis;
        dispatchedAtNanos.complete(nanos);
    }

    CompletableFuture<Long> dispatchedAtNanos() {
        return dispatchedAtNanos;
    }

    CompletableFuture<RuntimeReply> reply() {
        return reply;
    }

    /**
     * Completes when the runtime, done with this invocation, asks for the next one: Lambda's invoke phase (and its
     * Duration) ends there, after whatever the runtime logs once it has answered (a thrown error's stack trace).
     */
    CompletableFuture<Long> runtimeReadyAgainNanos() {
        return runtimeReadyAgainNanos;
    }
}
