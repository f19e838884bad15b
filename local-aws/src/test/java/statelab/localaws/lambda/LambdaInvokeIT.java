package statelab.localaws.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import statelab.localaws.protocol.Json;
import statelab.localaws.testfunctions.EchoHandler;
import statelab.localaws.testfunctions.EnvironmentProbeHandler;
import statelab.localaws.testfunctions.ExitingHandler;
import statelab.localaws.testfunctions.FailingInitHandler;
import statelab.localaws.testfunctions.KinesisBatchHandler;
import statelab.localaws.testfunctions.PrintingHandler;
import statelab.localaws.testfunctions.SleepingHandler;
import statelab.localaws.testfunctions.ThrowingHandler;
import statelab.localaws.testing.Await;

/** Invoke against real execution environments (child JVMs running AWS's runtime interface client). */
class LambdaInvokeIT {
    private static final Pattern REPORT = Pattern.compile("REPORT RequestId: [0-9a-f-]{36}\tDuration: \\d+\\.\\d\\d ms"
            + "\tBilled Duration: \\d+ ms\tMemory Size: \\d+ MB\tMax Memory Used: \\d+ MB.*");

    @TempDir
    static Path dataDir;
    static LambdaTestServer server;

    @BeforeAll
    static void start() {
        server = LambdaTestServer.start(dataDir);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static InvokeResponse invoke(String function, String payload) {
        return server.client().invoke(r -> r.functionName(function).payload(SdkBytes.fromUtf8String(payload)));
    }

    private static JsonNode json(SdkBytes bytes) throws IOException {
        return Json.MAPPER.readTree(bytes.asByteArray());
    }

    @Test
    void aFunctionAnswersWithItsResultAndTheExecutedVersion() {
        server.createFunction("echo", EchoHandler.class);
        InvokeResponse response = invoke("echo", "{\"hello\":[1,2,3]}");
        assertEquals(200, response.statusCode());
        assertNull(response.functionError());
        assertEquals("$LATEST", response.executedVersion());
        assertEquals("{\"hello\":[1,2,3]}", response.payload().asUtf8String());
    }

    @Test
    void aWarmEnvironmentIsReusedAndItsReportHasNoInitDuration() throws IOException {
        server.createFunction("warm", EnvironmentProbeHandler.class);
        long firstPid = json(invoke("warm", "{}").payload()).path("pid").asLong();
        long secondPid = json(invoke("warm", "{}").payload()).path("pid").asLong();
        assertEquals(firstPid, secondPid, "the second invocation runs in the same JVM");
        List<String> reports = server.logMessages("warm").stream().filter(m -> m.startsWith("REPORT")).toList();
        assertEquals(2, reports.size(), reports.toString());
        assertTrue(reports.get(0).contains("\tInit Duration: "), reports.get(0));
        assertFalse(reports.get(1).contains("Init Duration"), reports.get(1));
        reports.forEach(report -> assertTrue(REPORT.matcher(report).matches(), report));
    }

    @Test
    void aThrownErrorIsAnUnhandledFunctionErrorWithAwsErrorDocument() throws IOException {
        server.createFunction("thrower", ThrowingHandler.class);
        InvokeResponse response = invoke("thrower", "{\"message\":\"the trade is broken\"}");
        assertEquals(200, response.statusCode());
        assertEquals("Unhandled", response.functionError());
        JsonNode error = json(response.payload());
        assertEquals("the trade is broken", error.path("errorMessage").asText());
        assertEquals("java.lang.IllegalStateException", error.path("errorType").asText());
        assertTrue(error.path("stackTrace").isArray() && error.path("stackTrace").size() > 0, error.toString());
        // the environment survives a thrown error
        assertEquals("Unhandled", invoke("thrower", "{}").functionError());
        assertEquals(1, server.lambda().environments().count("thrower"));
    }

    @Test
    void anInvocationPastItsTimeoutIsKilledAndReportedAsAwsDoes() throws IOException {
        server.createFunction("sleeper", SleepingHandler.class, b -> b.timeout(1));
        long started = System.nanoTime();
        InvokeResponse response = invoke("sleeper", "{\"sleepMillis\":30000}");
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        assertEquals("Unhandled", response.functionError());
        JsonNode error = json(response.payload());
        assertEquals("Sandbox.Timedout", error.path("errorType").asText());
        assertTrue(error.path("errorMessage").asText().endsWith("Task timed out after 1.00 seconds"), error.toString());
        assertTrue(elapsedMillis < 15_000, "the caller is answered at the timeout, not after the sleep: " + elapsedMillis);
        List<String> log = server.logMessages("sleeper");
        assertTrue(log.stream().anyMatch(m -> m.endsWith("Task timed out after 1.00 seconds")), log.toString());
        assertTrue(log.stream().anyMatch(m -> m.startsWith("REPORT") && m.endsWith("\tStatus: timeout")), log.toString());
        assertTrue(log.contains("going to sleep for 30000 ms"), log.toString());
        // the environment was reset: the next invocation starts a new one
        invoke("sleeper", "{\"sleepMillis\":0}");
        List<String> reports = server.logMessages("sleeper").stream().filter(m -> m.startsWith("REPORT")).toList();
        assertTrue(reports.get(reports.size() - 1).contains("Init Duration"), reports.toString());
    }

    @Test
    void aJvmThatExitsMidInvocationIsARuntimeExitError() throws IOException {
        server.createFunction("exiter", ExitingHandler.class);
        InvokeResponse response = invoke("exiter", "{\"exitCode\":3}");
        assertEquals("Unhandled", response.functionError());
        JsonNode error = json(response.payload());
        assertEquals("Runtime.ExitError", error.path("errorType").asText());
        assertTrue(error.path("errorMessage").asText().endsWith("Runtime exited with error: exit status 3"),
                error.toString());
        List<String> log = server.logMessages("exiter");
        assertTrue(log.stream().anyMatch(m -> m.startsWith("REPORT")
                && m.endsWith("\tStatus: error\tError Type: Runtime.ExitError")), log.toString());
        assertEquals(0, server.lambda().environments().count("exiter"));
    }

    @Test
    void aHandlerThatCannotBeConstructedFailsItsInitAsAwsReportsIt() throws IOException {
        server.createFunction("bad-init", FailingInitHandler.class);
        InvokeResponse response = invoke("bad-init", "{}");
        assertEquals("Unhandled", response.functionError());
        JsonNode error = json(response.payload());
        assertTrue(error.toString().contains("cannot initialise: missing configuration"), error.toString());
        List<String> log = server.logMessages("bad-init");
        assertTrue(log.stream().anyMatch(m -> m.startsWith("INIT_REPORT Init Duration: ")), log.toString());
        assertTrue(log.stream().anyMatch(m -> m.startsWith("REPORT") && m.contains("\tStatus: error")), log.toString());
    }

    @Test
    void outputLinesLandInTheLogGroupInOrderBetweenStartAndEnd() {
        server.createFunction("printer", PrintingHandler.class);
        invoke("printer", "{\"lines\":[\"one\",\"two\",\"three\",\"four\"]}");
        List<String> log = server.logMessages("printer");
        int start = indexOf(log, "START RequestId: ");
        int end = indexOf(log, "END RequestId: ");
        assertTrue(start >= 0 && end > start, log.toString());
        assertEquals(List.of("one", "two", "three", "four"), log.subList(start + 1, end).stream()
                .map(String::strip).filter(m -> !m.isEmpty()).collect(Collectors.toList()));
        assertTrue(log.get(end + 1).startsWith("REPORT RequestId: "), log.toString());
        String stream = server.logs().describeLogStreams(r -> r.logGroupName("/aws/lambda/printer"))
                .logStreams().get(0).logStreamName();
        assertTrue(stream.matches("\\d{4}/\\d{2}/\\d{2}/\\[\\$LATEST][0-9a-f]{32}"), stream);
    }

    @Test
    void logTypeTailReturnsTheEndOfTheInvocationsLog() {
        server.createFunction("tail", PrintingHandler.class);
        InvokeResponse response = server.client().invoke(r -> r.functionName("tail").logType(LogType.TAIL)
                .payload(SdkBytes.fromUtf8String("{\"lines\":[\"visible in the tail\"]}")));
        String tail = new String(Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8);
        assertTrue(tail.contains("START RequestId: "), tail);
        assertTrue(tail.contains("visible in the tail"), tail);
        assertTrue(tail.contains("REPORT RequestId: "), tail);
    }

    @Test
    void aFunctionSeesLambdasVariablesItsOwnAndTheEndpointWithItsHeapBoundedByMemorySize() throws IOException {
        server.createFunction("probe", EnvironmentProbeHandler.class, b -> b.memorySize(256)
                .environment(e -> e.variables(Map.of("STATE_TABLE_NAME", "StateTable"))));
        JsonNode probe = json(invoke("probe", "{}").payload());
        JsonNode env = probe.path("env");
        assertEquals("StateTable", env.path("STATE_TABLE_NAME").asText());
        assertEquals(server.endpoint().toString(), env.path("AWS_ENDPOINT_URL").asText());
        assertEquals("probe", env.path("AWS_LAMBDA_FUNCTION_NAME").asText());
        assertEquals("256", env.path("AWS_LAMBDA_FUNCTION_MEMORY_SIZE").asText());
        assertEquals("$LATEST", env.path("AWS_LAMBDA_FUNCTION_VERSION").asText());
        assertEquals("AWS_Lambda_java21", env.path("AWS_EXECUTION_ENV").asText());
        assertEquals("us-east-1", env.path("AWS_REGION").asText());
        assertEquals("us-east-1", env.path("AWS_DEFAULT_REGION").asText());
        assertEquals("/aws/lambda/probe", env.path("AWS_LAMBDA_LOG_GROUP_NAME").asText());
        assertEquals(probe.path("logStream").asText(), env.path("AWS_LAMBDA_LOG_STREAM_NAME").asText());
        assertEquals("on-demand", env.path("AWS_LAMBDA_INITIALIZATION_TYPE").asText());
        assertEquals("statelab.localaws.testfunctions.EnvironmentProbeHandler", env.path("_HANDLER").asText());
        assertEquals("test", env.path("AWS_ACCESS_KEY_ID").asText());
        assertFalse(env.path("AWS_SESSION_TOKEN").asText().isEmpty());
        assertEquals(env.path("LAMBDA_TASK_ROOT").asText(), probe.path("cwd").asText());
        assertEquals("UTC", probe.path("timeZone").asText());
        assertTrue(probe.path("maxHeapBytes").asLong() <= 256L * 1024 * 1024, probe.toString());
        assertEquals(256, probe.path("memoryLimitMb").asInt());
        assertTrue(probe.path("remainingMillis").asLong() > 0, probe.toString());
        assertEquals(server.lambda().find("probe").orElseThrow().arn(), probe.path("functionArn").asText());
    }

    @Test
    void aKinesisHandlerReceivesTheEventAndReportsBatchItemFailures() throws IOException {
        server.createFunction("kinesis", KinesisBatchHandler.class);
        String event = "{\"Records\":[" + record("1", "ok") + "," + record("2", "fail") + "]}";
        InvokeResponse response = invoke("kinesis", event);
        assertNull(response.functionError(), response.payload().asUtf8String());
        JsonNode failures = json(response.payload()).path("batchItemFailures");
        assertEquals(1, failures.size(), response.payload().asUtf8String());
        assertEquals("49650000000000000000000000000000000000000000000000000002",
                failures.get(0).path("itemIdentifier").asText());
        assertTrue(server.logMessages("kinesis").stream().anyMatch(m -> m.contains(" ok")));
    }

    private static String record(String suffix, String data) {
        String sequence = "4965000000000000000000000000000000000000000000000000000" + suffix;
        String base64 = Base64.getEncoder().encodeToString(data.getBytes(StandardCharsets.UTF_8));
        return "{\"kinesis\":{\"kinesisSchemaVersion\":\"1.0\",\"partitionKey\":\"k\",\"sequenceNumber\":\"" + sequence
                + "\",\"data\":\"" + base64 + "\",\"approximateArrivalTimestamp\":1733300000.123},"
                + "\"eventSource\":\"aws:kinesis\",\"eventVersion\":\"1.0\",\"eventID\":\"shardId-000000000000:"
                + sequence + "\",\"eventName\":\"aws:kinesis:record\",\"invokeIdentityArn\":"
                + "\"arn:aws:iam::000000000000:role/r\",\"awsRegion\":\"us-east-1\",\"eventSourceARN\":"
                + "\"arn:aws:kinesis:us-east-1:000000000000:stream/s\"}";
    }

    @Test
    void aFunctionCanBeNamedByArnPartialArnOrLatestQualifierButNotByAnotherVersion() {
        String arn = server.createFunction("named", EchoHandler.class).functionArn();
        assertEquals("1", invoke(arn, "1").payload().asUtf8String());
        assertEquals("2", invoke("000000000000:function:named", "2").payload().asUtf8String());
        assertEquals("3", invoke("named:$LATEST", "3").payload().asUtf8String());
        ResourceNotFoundException notFound = assertThrows(ResourceNotFoundException.class, () -> invoke("named:7", "4"));
        assertEquals(404, notFound.statusCode());
        assertTrue(notFound.getMessage().contains("Function not found: arn:aws:lambda:us-east-1:000000000000"
                + ":function:named:7"), notFound.getMessage());
    }

    @Test
    void anEventInvocationIsAcceptedAtOnceAndRunsInTheBackground() {
        server.createFunction("event", PrintingHandler.class);
        InvokeResponse response = server.client().invoke(r -> r.functionName("event")
                .invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String("{\"lines\":[\"ran in the background\"]}")));
        assertEquals(202, response.statusCode());
        Await.until("the event ran", Duration.ofSeconds(30),
                () -> server.logMessages("event").stream().anyMatch(m -> m.contains("ran in the background")));
    }

    @Test
    void aDryRunChecksWithoutRunning() {
        server.createFunction("dry", PrintingHandler.class);
        InvokeResponse response = server.client().invoke(r -> r.functionName("dry")
                .invocationType(InvocationType.DRY_RUN).payload(SdkBytes.fromUtf8String("{}")));
        assertEquals(204, response.statusCode());
        assertEquals(0, server.lambda().environments().count("dry"));
    }

    @Test
    void consecutiveInvocationsGetTheirOwnLinesEvenWhenOutputHasNoFinalNewline() {
        server.createFunction("lines", PrintingHandler.class);
        for (int i = 0; i < 5; i++) {
            int n = i;
            invoke("lines", "{\"lines\":[\"first of " + n + "\",\"last of " + n + "\"]}");
        }
        List<String> log = server.logMessages("lines");
        for (int i = 0; i < 5; i++) {
            int first = log.indexOf("first of " + i);
            int last = indexOf(log, "last of " + i);
            int end = indexOfFrom(log, "END RequestId: ", first);
            assertTrue(first >= 0 && first < last && last < end, log.toString());
        }
    }

    @Test
    void aSecondConcurrentInvokeGetsItsOwnEnvironment() throws Exception {
        server.createFunction("parallel", SleepingHandler.class);
        invoke("parallel", "{\"sleepMillis\":0}");
        var first = java.util.concurrent.CompletableFuture.supplyAsync(() -> invoke("parallel", "{\"sleepMillis\":1500}"));
        Await.until("the first invocation runs", Duration.ofSeconds(20),
                () -> server.logMessages("parallel").stream().filter(m -> m.startsWith("START")).count() == 2);
        InvokeResponse second = invoke("parallel", "{\"sleepMillis\":0}");
        assertNull(second.functionError());
        assertNull(first.get().functionError());
        assertEquals(2, server.lambda().environments().count("parallel"));
        assertNotEquals(0, server.lambda().environments().pids().size());
    }

    private static int indexOf(List<String> lines, String prefix) {
        return indexOfFrom(lines, prefix, 0);
    }

    private static int indexOfFrom(List<String> lines, String prefix, int from) {
        for (int i = Math.max(0, from); i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
