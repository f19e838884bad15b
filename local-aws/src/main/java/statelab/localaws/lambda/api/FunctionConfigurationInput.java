package statelab.localaws.lambda.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import statelab.localaws.edge.AwsException;
import statelab.localaws.lambda.function.FunctionVariables;
import statelab.localaws.lambda.function.HandlerName;
import statelab.localaws.lambda.function.SupportedRuntime;
import statelab.localaws.lambda.function.FunctionRecord;
import statelab.localaws.protocol.Input;

/**
 * The configuration members CreateFunction and UpdateFunctionConfiguration share, validated as Lambda validates
 * them, and the options local-aws refuses rather than ignore. On create every member gets its default; on update
 * only the members present change.
 */
final class FunctionConfigurationInput {
    static final int DEFAULT_TIMEOUT = 3;
    static final int DEFAULT_MEMORY = 128;
    private static final Pattern ROLE_ARN = Pattern.compile(
            "arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+");
    private static final int MAX_DESCRIPTION = 256;

    private FunctionConfigurationInput() {
    }

    /**
     * @param roleCheck throws when Lambda could not assume the role (missing, or not trusting Lambda)
     */
    static void apply(Input in, FunctionRecord.Builder function, boolean create, Consumer<String> roleCheck) {
        refuseUnsupported(in);
        Optional<String> runtime = in.optionalString("Runtime");
        if (create || runtime.isPresent()) {
            String id = runtime.orElse(null);
            if (SupportedRuntime.of(id).isEmpty()) {
                throw AwsException.invalidParameter("The runtime parameter of " + id + " is not supported by"
                        + " local-aws: it runs Java functions only, with the runtimes " + SupportedRuntime.listed());
            }
            function.runtime(id);
        }
        Optional<String> handler = in.optionalString("Handler");
        if (create || handler.isPresent()) {
            function.handler(HandlerName.validate(handler.orElse(null)));
        }
        Optional<String> role = in.optionalString("Role");
        if (create && role.isEmpty()) {
            throw Input.missing("Role");
        }
        if (role.isPresent()) {
            if (!ROLE_ARN.matcher(role.get()).matches()) {
                throw AwsException.validation("1 validation error detected: Value '" + role.get() + "' at 'role'"
                        + " failed to satisfy constraint: Member must satisfy regular expression pattern: "
                        + ROLE_ARN.pattern());
            }
            roleCheck.accept(role.get());
            function.role(role.get());
        }
        Optional<String> description = in.optionalString("Description");
        if (description.isPresent() && description.get().length() > MAX_DESCRIPTION) {
            throw AwsException.validation("1 validation error detected: Value at 'description' failed to satisfy"
                    + " constraint: Member must have length less than or equal to " + MAX_DESCRIPTION);
        }
        if (create || description.isPresent()) {
            function.description(description.orElse(""));
        }
        if (create || in.has("Timeout")) {
            function.timeout(in.intInRange("Timeout", DEFAULT_TIMEOUT, 1, 900));
        }
        if (create || in.has("MemorySize")) {
            function.memorySize(in.intInRange("MemorySize", DEFAULT_MEMORY, 128, 10240));
        }
        Optional<ObjectNode> environment = in.optionalObject("Environment");
        if (environment.isPresent()) {
            Map<String, String> variables = stringMap(environment.get().get("Variables"), "Environment.Variables");
            function.environment(variables.isEmpty() ? null : FunctionVariables.validate(variables));
        }
        in.optionalObject("LoggingConfig").ifPresent(logging -> applyLogging(logging, function));
    }

    /** Architectures: exactly one of x86_64 and arm64; both run on the host's JVM, whatever its CPU. */
    static Optional<List<String>> architectures(Input in) {
        Optional<List<String>> architectures = in.optionalStringList("Architectures");
        architectures.ifPresent(list -> {
            if (list.size() != 1 || !(list.get(0).equals("x86_64") || list.get(0).equals("arm64"))) {
                throw AwsException.validation("1 validation error detected: Value '" + list + "' at 'architectures'"
                        + " failed to satisfy constraint: Member must have length less than or equal to 1, and"
                        + " each member must satisfy enum value set: [x86_64, arm64]");
            }
        });
        return architectures;
    }

    static Map<String, String> stringMap(JsonNode node, String field) {
        Map<String, String> values = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (!node.isObject()) {
            throw AwsException.malformedBody("'" + field + "' must be an object of strings");
        }
        for (var entry : node.properties()) {
            if (!entry.getValue().isTextual()) {
                throw AwsException.malformedBody("'" + field + "." + entry.getKey() + "' must be a string");
            }
            values.put(entry.getKey(), entry.getValue().textValue());
        }
        return values;
    }

    private static void applyLogging(ObjectNode logging, FunctionRecord.Builder function) {
        Input in = new Input(logging);
        Optional<String> format = in.optionalString("LogFormat");
        if (format.isPresent() && !format.get().equals("Text")) {
            throw Unsupported.option("LoggingConfig.LogFormat " + format.get(), "only Text is supported");
        }
        if (in.has("ApplicationLogLevel") || in.has("SystemLogLevel")) {
            throw Unsupported.option("LoggingConfig log levels", "they need the JSON log format, and only Text is"
                    + " supported");
        }
        in.optionalString("LogGroup").filter(group -> !group.isEmpty()).ifPresent(group -> {
            if (group.length() > 512 || !group.matches("[\\.\\-_/#A-Za-z0-9]+")) {
                throw AwsException.validation("1 validation error detected: Value '" + group + "' at"
                        + " 'loggingConfig.logGroup' failed to satisfy constraint: Member must satisfy regular"
                        + " expression pattern: [\\.\\-_/#A-Za-z0-9]+");
            }
            function.logGroup(group);
        });
    }

    /** Options Lambda has and local-aws does not emulate: refused by name, never accepted and ignored. */
    private static void refuseUnsupported(Input in) {
        JsonNode node = in.node();
        if (nonEmptyArray(node.get("Layers"))) {
            throw Unsupported.option("Layers", "package dependencies in the zip's lib/ folder");
        }
        JsonNode vpc = node.get("VpcConfig");
        if (vpc != null && (nonEmptyArray(vpc.get("SubnetIds")) || nonEmptyArray(vpc.get("SecurityGroupIds")))) {
            throw Unsupported.option("VpcConfig", "functions reach local-aws and the host's loopback directly");
        }
        if (nonEmptyText(node.path("DeadLetterConfig").get("TargetArn"))) {
            throw Unsupported.option("DeadLetterConfig", "asynchronous invocations are not retried or redirected");
        }
        if (nonEmptyText(node.get("KMSKeyArn"))) {
            throw Unsupported.option("KMSKeyArn", "environment variables are stored unencrypted in the data folder");
        }
        String tracing = node.path("TracingConfig").path("Mode").asText("PassThrough");
        if (!tracing.equals("PassThrough")) {
            throw Unsupported.option("TracingConfig.Mode " + tracing, "only PassThrough (no X-Ray)");
        }
        if (nonEmptyArray(node.get("FileSystemConfigs"))) {
            throw Unsupported.option("FileSystemConfigs", "no EFS");
        }
        JsonNode image = node.get("ImageConfig");
        if (image != null && image.isObject() && image.size() > 0) {
            throw Unsupported.option("ImageConfig", "only Zip packages");
        }
        String snapStart = node.path("SnapStart").path("ApplyOn").asText("None");
        if (!snapStart.equals("None")) {
            throw Unsupported.option("SnapStart.ApplyOn " + snapStart, "only None");
        }
        JsonNode storage = node.path("EphemeralStorage").get("Size");
        if (storage != null && !storage.isNull() && storage.asInt() != 512) {
            throw Unsupported.option("EphemeralStorage.Size " + storage.asText(), "only the default 512 (MB), and"
                    + " it is not enforced");
        }
    }

    static boolean nonEmptyArray(JsonNode node) {
        return node != null && node.isArray() && node.size() > 0;
    }

    static boolean nonEmptyText(JsonNode node) {
        return node != null && node.isTextual() && !node.textValue().isEmpty();
    }
}
