package statelab.localaws.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import statelab.localaws.edge.AwsException;
import statelab.localaws.edge.AwsRequest;
import statelab.localaws.edge.AwsResponse;

/**
 * AWS's JSON protocols (awsJson1.0 and awsJson1.1): {@code POST /} with {@code X-Amz-Target: Prefix.Operation}
 * and a JSON object body. Dispatches through a map of operation name to {@link JsonOperation}; errors are
 * {@code {"__type": code, "message": text}}.
 */
public final class JsonRpcProtocol {
    private final String serviceName;
    private final String targetPrefix;
    private final String contentType;
    private final Map<String, JsonOperation> operations;

    /**
     * @param serviceName for error messages, e.g. "CloudWatch Logs"
     * @param targetPrefix e.g. {@code Logs_20140328}
     * @param contentType {@code application/x-amz-json-1.0} or {@code -1.1}
     */
    public JsonRpcProtocol(String serviceName, String targetPrefix, String contentType, Map<String, JsonOperation> operations) {
        this.serviceName = serviceName;
        this.targetPrefix = targetPrefix;
        this.contentType = contentType;
        this.operations = Map.copyOf(operations);
    }

    /** The operation a request names, if it carries a target of this service. */
    public Optional<String> operationName(AwsRequest request) {
        String target = request.header("X-Amz-Target");
        if (target == null) {
            return Optional.empty();
        }
        int dot = target.indexOf('.');
        if (dot < 0 || !target.substring(0, dot).equalsIgnoreCase(targetPrefix)) {
            return Optional.empty();
        }
        return Optional.of(target.substring(dot + 1));
    }

    public boolean implementsOperation(String name) {
        return operations.containsKey(name);
    }

    public AwsResponse handle(AwsRequest request) {
        try {
            String name = operationName(request).orElseThrow(() -> new AwsException(400, "UnknownOperationException",
                    "Missing or foreign X-Amz-Target for " + serviceName + ": expected " + targetPrefix + ".<Operation>"));
            JsonOperation operation = operations.get(name);
            if (operation == null) {
                throw AwsException.notImplemented(serviceName, name);
            }
            ObjectNode input = Json.readRequestObject(request.body());
            JsonNode result = operation.apply(new Input(input), request);
            return AwsResponse.of(200, contentType, Json.bytes(result == null ? Json.object() : result));
        } catch (AwsException e) {
            return error(e);
        }
    }

    public AwsResponse error(AwsException e) {
        ObjectNode body = Json.object();
        body.put("__type", e.code());
        body.put("message", e.getMessage());
        return AwsResponse.of(e.status(), contentType, Json.bytes(body)).withHeader("x-amzn-ErrorType", e.code());
    }
}
