package statelab.localaws.lambda.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import statelab.localaws.lambda.function.FunctionRecord;

class LaunchSpecTest {

    private static FunctionRecord function(Map<String, String> variables) {
        return new FunctionRecord.Builder().name("StateLambda").region("eu-west-1").runtime("java17")
                .handler("statelab.handler.StateLambda::handleRequest").role("arn:aws:iam::000000000000:role/r")
                .timeout(30).memorySize(512).environment(variables).logGroup("/aws/lambda/StateLambda")
                .code("sha", 1).revisionId("r").build();
    }

    private static LaunchSpec spec(Map<String, String> variables, Path nativeLibrary) {
        return LaunchSpec.of(new LaunchSpec.Inputs(function(variables), "/opt/java/bin/java", Path.of("/data/code/abc"),
                Path.of("/opt/lambda-runtime"), nativeLibrary, Path.of("/data/env/tmp"), 41234,
                "2026/12/04/[$LATEST]0123", URI.create("http://127.0.0.1:4566")));
    }

    @Test
    void theJvmRunsTheRuntimeClientWithTheHandlerAndAHeapBoundedByMemorySize() {
        List<String> command = spec(Map.of(), Path.of("/data/native/lib.so")).command();
        assertEquals("/opt/java/bin/java", command.get(0));
        assertTrue(command.contains("-Xmx435m"), command.toString());
        assertTrue(command.contains("-XX:+UseSerialGC"), command.toString());
        assertTrue(command.contains("-XX:TieredStopAtLevel=1"), command.toString());
        assertTrue(command.contains("-Djava.io.tmpdir=/data/env/tmp"), command.toString());
        assertTrue(command.contains("-D" + LaunchSpec.NATIVE_LIBRARY_PROPERTY + "=/data/native/lib.so"),
                command.toString());
        int cp = command.indexOf("-cp");
        assertEquals("/opt/lambda-runtime/*", command.get(cp + 1));
        assertEquals(List.of(LaunchSpec.RUNTIME_MAIN, "statelab.handler.StateLambda::handleRequest"),
                command.subList(command.size() - 2, command.size()));
    }

    @Test
    void withoutAnUnpackedNativeLibraryTheClientIsLeftToUnpackItsOwn() {
        assertFalse(String.join(" ", spec(Map.of(), null).command()).contains(LaunchSpec.NATIVE_LIBRARY_PROPERTY));
    }

    @Test
    void theEnvironmentHoldsWhatLambdaSetsTheEndpointAndTheFunctionsOwnVariables() {
        Map<String, String> env = spec(Map.of("STATE_TABLE_NAME", "StateTable"), null).environment();
        assertEquals("StateTable", env.get("STATE_TABLE_NAME"));
        assertEquals("http://127.0.0.1:4566", env.get("AWS_ENDPOINT_URL"));
        assertEquals("statelab.handler.StateLambda::handleRequest", env.get("_HANDLER"));
        assertEquals("eu-west-1", env.get("AWS_REGION"));
        assertEquals("eu-west-1", env.get("AWS_DEFAULT_REGION"));
        assertEquals("AWS_Lambda_java17", env.get("AWS_EXECUTION_ENV"));
        assertEquals("StateLambda", env.get("AWS_LAMBDA_FUNCTION_NAME"));
        assertEquals("512", env.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"));
        assertEquals("$LATEST", env.get("AWS_LAMBDA_FUNCTION_VERSION"));
        assertEquals("/aws/lambda/StateLambda", env.get("AWS_LAMBDA_LOG_GROUP_NAME"));
        assertEquals("2026/12/04/[$LATEST]0123", env.get("AWS_LAMBDA_LOG_STREAM_NAME"));
        assertEquals("on-demand", env.get("AWS_LAMBDA_INITIALIZATION_TYPE"));
        assertEquals("127.0.0.1:41234", env.get("AWS_LAMBDA_RUNTIME_API"));
        assertEquals("/data/code/abc", env.get("LAMBDA_TASK_ROOT"));
        assertEquals("/opt/lambda-runtime", env.get("LAMBDA_RUNTIME_DIR"));
        assertEquals(":UTC", env.get("TZ"));
        assertEquals("en_US.UTF-8", env.get("LANG"));
        assertEquals("test", env.get("AWS_ACCESS_KEY_ID"));
        assertEquals("test", env.get("AWS_SECRET_ACCESS_KEY"));
        assertEquals("test", env.get("AWS_SESSION_TOKEN"));
    }

    @Test
    void aFunctionMayPointAwsEndpointUrlElsewhere() {
        assertEquals("http://elsewhere:9000", spec(Map.of("AWS_ENDPOINT_URL", "http://elsewhere:9000"), null)
                .environment().get("AWS_ENDPOINT_URL"));
    }

    @Test
    void theCodeFolderIsTheWorkingDirectoryTheRuntimeClientLoadsItFrom() {
        assertEquals(Path.of("/data/code/abc"), spec(Map.of(), null).workingDirectory());
    }

    @Test
    void theHeapIsEightyFivePercentOfMemorySize() {
        assertEquals(108, LaunchSpec.heapMegabytes(128));
        assertEquals(8704, LaunchSpec.heapMegabytes(10240));
    }
}
