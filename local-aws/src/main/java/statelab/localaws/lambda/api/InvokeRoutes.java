package statelab.localaws.lambda.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import statelab.localaws.edge.AwsException;
import statelab.localaws.edge.AwsRequest;
import statelab.localaws.edge.AwsResponse;
import statelab.localaws.lambda.function.FunctionLocator;
import statelab.localaws.lambda.function.FunctionRecord;
import statelab.localaws.lambda.invoke.AsyncInvocations;
import statelab.localaws.lambda.invoke.Invoker;
import statelab.localaws.lambda.runtime.InvocationOutcome;
import statelab.localaws.lambda.runtime.ThrottledException;
import statelab.localaws.protocol.Json;
import statelab.localaws.protocol.RestJsonRouter;

/**
 * Invoke: RequestResponse (default; the function's answer, {@code X-Amz-Function-Error} when it failed,
 * {@code X-Amz-Log-Result} with {@code LogType: Tail}), Event (202, run in the background) and DryRun (204).
 * The invocation's request id is the HTTP request's, as on AWS.
 */
final class InvokeRoutes {
    private final ApiContext api;
    private final Invoker invoker;
    private final AsyncInvocations async;

    InvokeRoutes(ApiContext api, Invoker invoker, AsyncInvocations async) {
        this.api = api;
        this.invoker = invoker;
        this.async = async;
    }

    void register(RestJsonRouter router) {
        router.add("POST", "/2015-03-31/functions/{FunctionName}/invocations", this::invoke);
    }

    private AwsResponse invoke(AwsRequest request, Map<String, String> path) {
        FunctionLocator locator = FunctionLocator.parse(path.get("FunctionName"))
                .withQualifier(request.queryParam("Qualifier"));
        FunctionRecord function = api.registry().require(locator, api.region(request));
        String invokedArn = api.registry().arn(function) + (locator.qualifier() == null ? "" : ":" + locator.qualifier());
        String type = header(request, "X-Amz-Invocation-Type", "RequestResponse");
        String logType = header(request, "X-Amz-Log-Type", "None");
        if (!logType.equals("None") && !logType.equals("Tail")) {
            throw AwsException.validation("1 validation error detected: Value '" + logType + "' at 'logType' failed"
                    + " to satisfy constraint: Member must satisfy enum value set: [Tail, None]");
        }
        byte[] payload = request.body();
        switch (type) {
            case "RequestResponse" -> {
                Invoker.checkSize(payload, Invoker.MAX_SYNC_PAYLOAD);
                Invoker.checkJson(payload);
                return requestResponse(request, function, invokedArn, payload, logType.equals("Tail"));
            }
            case "Event" -> {
                Invoker.checkSize(payload, Invoker.MAX_ASYNC_PAYLOAD);
                Invoker.checkJson(payload);
                async.submit(function, invokedArn, request.requestId(), payload);
                return AwsResponse.empty(202);
            }
            case "DryRun" -> {
                Invoker.checkSize(payload, Invoker.MAX_SYNC_PAYLOAD);
                Invoker.checkJson(payload);
                return AwsResponse.empty(204);
            }
            default -> throw AwsException.validation("1 validation error detected: Value '" + type + "' at"
                    + " 'invocationType' failed to satisfy constraint: Member must satisfy enum value set:"
                    + " [Event, RequestResponse, DryRun]");
        }
    }

    private AwsResponse requestResponse(AwsRequest request, FunctionRecord function, String invokedArn,
            byte[] payload, boolean tail) {
        InvocationOutcome outcome;
        try {
            outcome = invoker.invoke(function, invokedArn, request.requestId(), payload, clientContext(request));
        } catch (ThrottledException e) {
            return throttled(e);
        }
        AwsResponse response = AwsResponse.of(200, RestJsonRouter.CONTENT_TYPE, outcome.payload())
                .withHeader("X-Amz-Executed-Version", "$LATEST");
        if (outcome.failed()) {
            response = response.withHeader("X-Amz-Function-Error", outcome.functionError());
        }
        if (tail) {
            response = response.withHeader("X-Amz-Log-Result", outcome.logTail());
        }
        return response;
    }

    /** 429 with Lambda's {@code Reason}, which the plain error shape has no room for. */
    static AwsResponse throttled(ThrottledException e) {
        ObjectNode body = Json.object();
        body.put("Type", "User");
        body.put("message", e.getMessage());
        body.put("Reason", e.reason());
        return RestJsonRouter.json(429, body).withHeader("x-amzn-ErrorType", "TooManyRequestsException");
    }

    /** X-Amz-Client-Context: base64 of a JSON object, handed to the runtime decoded. */
    private static String clientContext(AwsRequest request) {
        String encoded = request.header("X-Amz-Client-Context");
        if (encoded == null || encoded.isEmpty()) {
            return null;
        }
        try {
            String text = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            JsonNode node = Json.MAPPER.readTree(text);
            if (node == null || !node.isObject()) {
                throw new IOException("not an object");
            }
            return text;
        } catch (IOException | IllegalArgumentException e) {
            throw AwsException.invalidParameter("Client context must be a valid Base64-encoded JSON object.");
        }
    }

    private static String header(AwsRequest request, String name, String defaultValue) {
        String value = request.header(name);
        return value == null || value.isEmpty() ? defaultValue : value;
    }
}
