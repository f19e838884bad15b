package statelab.localaws.lambda.runtime;

import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import statelab.localaws.lambda.function.FunctionRecord;

/**
 * The command line and environment of one execution environment's JVM, built from the function alone (pure, so
 * that unit tests pin it down): AWS's runtime interface client as main class, the function's code as its task
 * root, the variables Lambda sets plus the function's own plus {@code AWS_ENDPOINT_URL}.
 *
 * <p>The runtime's jars are the JVM's class path and the code is the working directory: the client loads the code
 * from there ({@code user.dir} and its {@code lib/*.jar}) in a child class loader, as on AWS, so the runtime's own
 * copy of aws-lambda-java-core is the one handlers see, whatever version a package bundles.
 */
public record LaunchSpec(List<String> command, Map<String, String> environment, Path workingDirectory) {
    public static final String RUNTIME_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    /** The client copies its JNI library to one fixed /tmp path on every start unless told where it already is. */
    static final String NATIVE_LIBRARY_PROPERTY =
            "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";
    /** Lambda leaves the rest of the memory to the JVM's own needs (metaspace, code cache, threads). */
    static final int HEAP_PERCENT = 85;
    static final String CREDENTIAL = "test";

    /**
     * @param nativeLibrary the runtime client's JNI library unpacked once by local-aws, or null to let the client
     *     unpack it itself
     */
    public record Inputs(FunctionRecord function, String javaExecutable, Path taskRoot, Path runtimeLib,
            Path nativeLibrary, Path tmpDir, int runtimeApiPort, String logStreamName, URI endpoint) {
    }

    public static LaunchSpec of(Inputs in) {
        FunctionRecord function = in.function();
        List<String> command = new ArrayList<>(List.of(
                in.javaExecutable(),
                "-Xmx" + heapMegabytes(function.memorySize()) + "m",
                // Lambda's own JVM flags for its Java runtimes: quick start over peak throughput
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Xshare:auto",
                "-XX:-UsePerfData",
                "-Djava.net.preferIPv4Stack=true",
                "-Dfile.encoding=UTF-8",
                "-Djava.io.tmpdir=" + in.tmpDir()));
        if (in.nativeLibrary() != null) {
            command.add("-D" + NATIVE_LIBRARY_PROPERTY + "=" + in.nativeLibrary());
        }
        command.add("-cp");
        command.add(in.runtimeLib() + File.separator + "*");
        command.add(RUNTIME_MAIN);
        command.add(function.handler());

        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/local/bin:/usr/bin/:/bin:/opt/bin");
        env.put("LANG", "en_US.UTF-8");
        env.put("TZ", ":UTC");
        env.put("AWS_XRAY_CONTEXT_MISSING", "LOG_ERROR");
        env.put("AWS_ENDPOINT_URL", in.endpoint().toString());
        // the function's own variables may override the unreserved ones above (AWS_ENDPOINT_URL included) ...
        if (function.environment() != null) {
            env.putAll(function.environment());
        }
        // ... never these: Lambda reserves them, and CreateFunction refuses them
        env.put("_HANDLER", function.handler());
        env.put("AWS_REGION", function.region());
        env.put("AWS_DEFAULT_REGION", function.region());
        env.put("AWS_EXECUTION_ENV", function.supportedRuntime().executionEnv());
        env.put("AWS_LAMBDA_FUNCTION_NAME", function.name());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memorySize()));
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", function.logGroup());
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", in.logStreamName());
        env.put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + in.runtimeApiPort());
        env.put("AWS_ACCESS_KEY_ID", CREDENTIAL);
        env.put("AWS_SECRET_ACCESS_KEY", CREDENTIAL);
        env.put("AWS_SESSION_TOKEN", CREDENTIAL);
        env.put("LAMBDA_TASK_ROOT", in.taskRoot().toString());
        env.put("LAMBDA_RUNTIME_DIR", in.runtimeLib().toString());
        return new LaunchSpec(List.copyOf(command), Map.copyOf(env), in.taskRoot());
    }

    public static int heapMegabytes(int memorySizeMb) {
        return memorySizeMb * HEAP_PERCENT / 100;
    }
}
