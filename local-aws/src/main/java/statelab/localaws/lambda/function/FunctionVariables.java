package statelab.localaws.lambda.function;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import statelab.localaws.edge.AwsException;
import statelab.localaws.protocol.Json;

/** A function's own environment variables, checked as Lambda checks them (name pattern, reserved keys, 4 KB). */
public final class FunctionVariables {
    /** Names Lambda sets itself and refuses from a user (Lambda developer guide, "Reserved environment variables"). */
    public static final Set<String> RESERVED = Set.of("_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION", "AWS_REGION",
            "AWS_EXECUTION_ENV", "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
            "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME",
            "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN", "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR");
    private static final Pattern NAME = Pattern.compile("[a-zA-Z]([a-zA-Z0-9_])+");
    private static final int MAX_BYTES = 4096;

    private FunctionVariables() {
    }

    public static Map<String, String> validate(Map<String, String> variables) {
        for (String name : variables.keySet()) {
            if (!NAME.matcher(name).matches()) {
                throw AwsException.validation("1 validation error detected: Value at 'environment.variables' failed"
                        + " to satisfy constraint: Map keys must satisfy constraint: [Member must satisfy regular"
                        + " expression pattern: [a-zA-Z]([a-zA-Z0-9_])+] (the name '" + name + "')");
            }
        }
        Set<String> reserved = new TreeSet<>(variables.keySet());
        reserved.retainAll(RESERVED);
        if (!reserved.isEmpty()) {
            throw AwsException.invalidParameter("Lambda was unable to configure your environment variables because the"
                    + " environment variables you have provided contains reserved keys that are currently not"
                    + " supported for modification. Reserved keys used in this request: " + String.join(", ",
                            List.copyOf(reserved)));
        }
        // Lambda measures the variables as JSON text, and says so
        String measured = new String(Json.bytes(variables), java.nio.charset.StandardCharsets.UTF_8);
        if (measured.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw AwsException.invalidParameter("Lambda was unable to configure your environment variables because the"
                    + " environment variables you have provided exceeded the 4KB limit. String measured: " + measured);
        }
        return variables;
    }
}
