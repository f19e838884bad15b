package statelab.localaws.lambda.invoke;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.time.Duration;
import statelab.localaws.edge.AwsException;
import statelab.localaws.lambda.FunctionLifecycle;
import statelab.localaws.lambda.function.FunctionRecord;
import statelab.localaws.lambda.runtime.ExecutionEnvironments;
import statelab.localaws.lambda.runtime.InvocationOutcome;
import statelab.localaws.lambda.runtime.ThrottledException;
import statelab.localaws.protocol.Json;

/**
 * Runs one invocation of a function, the same way for Invoke over HTTP, asynchronous events and event source
 * mappings: waits out a Pending state, then hands the event to an execution environment.
 */
public final class Invoker {
    /** Lambda's limit for a synchronous request payload (6 MB). */
    public static final int MAX_SYNC_PAYLOAD = 6 * 1024 * 1024;
    /** Lambda's limit for an asynchronous (Event) payload, 1 MB since October 2025. */
    public static final int MAX_ASYNC_PAYLOAD = 1024 * 1024;
    private static final ObjectReader STRICT_JSON = Json.MAPPER.readerFor(JsonNode.class)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final FunctionLifecycle lifecycle;
    private final ExecutionEnvironments environments;
    private final Duration stateDelay;

    public Invoker(FunctionLifecycle lifecycle, ExecutionEnvironments environments, Duration stateDelay) {
        this.lifecycle = lifecycle;
        this.environments = environments;
        this.stateDelay = stateDelay;
    }

    /**
     * @param invokedArn the ARN the caller used (qualified or not), as the function's context reports it
     * @throws ThrottledException when the function is at its concurrency
     * @throws AwsException ServiceException (500) when no execution environment can be started
     */
    public InvocationOutcome invoke(FunctionRecord function, String invokedArn, String requestId, byte[] payload,
            String clientContext) throws ThrottledException {
        awaitActive(function);
        try {
            return environments.invoke(function, () -> lifecycle.taskRoot(function), requestId, payload, invokedArn,
                    clientContext);
        } catch (IllegalStateException e) {
            throw new AwsException(500, "ServiceException", e.getMessage());
        }
    }

    /** @throws AwsException RequestTooLargeException (413) past {@code limit} bytes */
    public static void checkSize(byte[] payload, int limit) {
        if (payload.length > limit) {
            throw new AwsException(413, "RequestTooLargeException", "Request must be smaller than " + limit
                    + " bytes for the InvokeFunction operation");
        }
    }

    /** @throws AwsException InvalidRequestContentException (400) unless the payload is empty or one JSON value */
    public static void checkJson(byte[] payload) {
        if (payload.length == 0) {
            return;
        }
        try {
            STRICT_JSON.readTree(payload);
        } catch (IOException e) {
            String message = e.getMessage() == null ? "unreadable" : e.getMessage().lines().findFirst().orElse("");
            throw new AwsException(400, "InvalidRequestContentException",
                    "Could not parse request body into json: Could not parse payload into json: " + message);
        }
    }

    /**
     * A function invoked within its Pending moment waits for it to become Active instead of failing: the delay is
     * local-aws's imitation of AWS, and callers rarely wait for Active before a first invoke.
     */
    private void awaitActive(FunctionRecord function) {
        long wait = Math.min(function.activeAtMillis() - lifecycle.clock().millis(), stateDelay.toMillis());
        if (wait > 0) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
