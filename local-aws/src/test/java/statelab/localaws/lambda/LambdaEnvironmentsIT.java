package statelab.localaws.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;
import statelab.localaws.config.Setting;
import statelab.localaws.protocol.Json;
import statelab.localaws.testfunctions.EchoHandler;
import statelab.localaws.testfunctions.EnvironmentProbeHandler;
import statelab.localaws.testfunctions.SleepingHandler;
import statelab.localaws.testfunctions.TestFunctionZip;
import statelab.localaws.testing.Await;

/** How execution environments live and die: reuse, idle stop, retirement on change, restart, no leftovers. */
class LambdaEnvironmentsIT {
    @TempDir
    Path dataDir;

    private static JsonNode probe(LambdaTestServer server, String function) {
        InvokeResponse response = server.client().invoke(r -> r.functionName(function)
                .payload(SdkBytes.fromUtf8String("{}")));
        assertNull(response.functionError(), response.payload().asUtf8String());
        try {
            return Json.MAPPER.readTree(response.payload().asByteArray());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    @Test
    void anEnvironmentIdleLongerThanTheIdleTimeIsStopped() {
        try (LambdaTestServer server = LambdaTestServer.start(dataDir, Map.of(Setting.LAMBDA_IDLE_SECONDS, "1"))) {
            server.createFunction("idle", EnvironmentProbeHandler.class);
            long pid = probe(server, "idle").path("pid").asLong();
            assertTrue(alive(pid));
            Await.until("the idle environment stops", Duration.ofSeconds(20),
                    () -> !alive(pid) && server.lambda().environments().count("idle") == 0);
            assertNotEquals(pid, probe(server, "idle").path("pid").asLong(), "the next invoke starts a new one");
        }
    }

    @Test
    void newCodeRetiresTheEnvironmentsOfTheOldCode() {
        try (LambdaTestServer server = LambdaTestServer.start(dataDir)) {
            server.createFunction("recode", EnvironmentProbeHandler.class);
            long before = probe(server, "recode").path("pid").asLong();
            byte[] newZip = TestFunctionZip.of(Map.of("VERSION", "2".getBytes(StandardCharsets.UTF_8)),
                    EnvironmentProbeHandler.class);
            server.client().updateFunctionCode(r -> r.functionName("recode").zipFile(SdkBytes.fromByteArray(newZip)));
            Await.until("the old environment stops", Duration.ofSeconds(20), () -> !alive(before));
            long after = probe(server, "recode").path("pid").asLong();
            assertNotEquals(before, after);
            List<String> reports = server.logMessages("recode").stream().filter(m -> m.startsWith("REPORT")).toList();
            assertTrue(reports.get(reports.size() - 1).contains("Init Duration"), "new code starts cold: " + reports);
        }
    }

    @Test
    void newConfigurationIsSeenByTheNextInvocationInANewEnvironment() {
        try (LambdaTestServer server = LambdaTestServer.start(dataDir)) {
            server.createFunction("reconfigure", EnvironmentProbeHandler.class,
                    b -> b.environment(e -> e.variables(Map.of("MODE", "one"))));
            JsonNode before = probe(server, "reconfigure");
            assertEquals("one", before.path("env").path("MODE").asText());
            server.client().updateFunctionConfiguration(r -> r.functionName("reconfigure")
                    .environment(e -> e.variables(Map.of("MODE", "two"))).memorySize(384));
            JsonNode after = probe(server, "reconfigure");
            assertEquals("two", after.path("env").path("MODE").asText());
            assertEquals("384", after.path("env").path("AWS_LAMBDA_FUNCTION_MEMORY_SIZE").asText());
            assertNotEquals(before.path("pid").asLong(), after.path("pid").asLong());
        }
    }

    @Test
    void deletingAFunctionStopsItsEnvironments() {
        try (LambdaTestServer server = LambdaTestServer.start(dataDir)) {
            server.createFunction("doomed", EnvironmentProbeHandler.class);
            long pid = probe(server, "doomed").path("pid").asLong();
            server.client().deleteFunction(r -> r.functionName("doomed"));
            Await.until("the deleted function's environment stops", Duration.ofSeconds(20), () -> !alive(pid));
            assertEquals(0, server.lambda().environments().count("doomed"));
        }
    }

    @Test
    void functionsAndTheirCodeSurviveARestart() {
        try (LambdaTestServer server = LambdaTestServer.start(dataDir)) {
            var created = server.createFunction("durable", EchoHandler.class,
                    b -> b.environment(e -> e.variables(Map.of("KEPT", "yes"))).tags(Map.of("t", "1")));
            server.client().putFunctionConcurrency(r -> r.functionName("durable").reservedConcurrentExecutions(3));
            server.restart();
            var after = server.client().getFunction(r -> r.functionName("durable"));
            assertEquals(created.codeSha256(), after.configuration().codeSha256());
            assertEquals(created.codeSize(), after.configuration().codeSize());
            assertEquals(created.revisionId(), after.configuration().revisionId());
            assertEquals(Map.of("KEPT", "yes"), after.configuration().environment().variables());
            assertEquals(Map.of("t", "1"), after.tags());
            assertEquals(3, after.concurrency().reservedConcurrentExecutions());
            InvokeResponse response = server.client().invoke(r -> r.functionName("durable")
                    .payload(SdkBytes.fromUtf8String("{\"after\":\"restart\"}")));
            assertEquals("{\"after\":\"restart\"}", response.payload().asUtf8String());
        }
    }

    @Test
    void closingLeavesNoChildJvmEvenWithAnInvocationRunning() throws Exception {
        List<Long> pids = new ArrayList<>();
        CompletableFuture<InvokeResponse> running;
        try (LambdaTestServer server = LambdaTestServer.start(dataDir)) {
            server.createFunction("first", EnvironmentProbeHandler.class);
            server.createFunction("second", EnvironmentProbeHandler.class);
            server.createFunction("busy", SleepingHandler.class, b -> b.timeout(60));
            pids.add(probe(server, "first").path("pid").asLong());
            pids.add(probe(server, "second").path("pid").asLong());
            running = CompletableFuture.supplyAsync(() -> server.client().invoke(r -> r.functionName("busy")
                    .payload(SdkBytes.fromUtf8String("{\"sleepMillis\":60000}"))));
            Await.until("the long invocation runs", Duration.ofSeconds(20),
                    () -> server.logMessages("busy").contains("going to sleep for 60000 ms"));
            pids.addAll(server.lambda().environments().pids());
        }
        for (long pid : pids) {
            assertFalse(alive(pid), "pid " + pid + " survived close()");
        }
        assertTrue(running.handle((response, error) -> true).get(), "the interrupted call ended");
    }

    @Test
    void environmentsLeftByAKilledLocalAwsAreStoppedWhenItStartsAgain() {
        LambdaTestServer killed = LambdaTestServer.start(dataDir);
        try {
            killed.createFunction("orphaned", EnvironmentProbeHandler.class);
            long pid = probe(killed, "orphaned").path("pid").asLong();
            // a second local-aws on the same data folder, as after a kill -9 of the first: its start reaps the pid
            try (LambdaTestServer restarted = LambdaTestServer.start(dataDir)) {
                assertEquals(1, restarted.lambda().environments().reapedAtStart());
                assertFalse(alive(pid), "the leftover JVM was stopped");
            }
        } finally {
            killed.close();
        }
    }

    @Test
    void beyondTheMostEnvironmentsAFunctionMayHaveAnInvokeIsThrottled() throws Exception {
        try (LambdaTestServer server = LambdaTestServer.start(dataDir, Map.of(Setting.LAMBDA_MAX_ENVIRONMENTS, "1",
                Setting.LAMBDA_ACQUIRE_WAIT_MILLIS, "200"))) {
            server.createFunction("single", SleepingHandler.class);
            CompletableFuture<InvokeResponse> busy = CompletableFuture.supplyAsync(() -> server.client().invoke(
                    r -> r.functionName("single").payload(SdkBytes.fromUtf8String("{\"sleepMillis\":3000}"))));
            Await.until("the first invocation runs", Duration.ofSeconds(20),
                    () -> server.logMessages("single").contains("going to sleep for 3000 ms"));
            TooManyRequestsException e = assertThrows(TooManyRequestsException.class, () -> server.client().invoke(
                    r -> r.functionName("single").payload(SdkBytes.fromUtf8String("{\"sleepMillis\":0}"))));
            assertEquals("ConcurrentInvocationLimitExceeded", e.reasonAsString());
            assertNull(busy.get().functionError());
            assertNull(server.client().invoke(r -> r.functionName("single")
                    .payload(SdkBytes.fromUtf8String("{\"sleepMillis\":0}"))).functionError());
        }
    }

    @Test
    void reservedConcurrencyLoweredBelowTheWarmEnvironmentsStillBoundsRunningInvocations() throws Exception {
        try (LambdaTestServer server = LambdaTestServer.start(dataDir, Map.of(Setting.LAMBDA_ACQUIRE_WAIT_MILLIS,
                "200"))) {
            server.createFunction("lowered", SleepingHandler.class);
            CompletableFuture<InvokeResponse> first = CompletableFuture.supplyAsync(() -> server.client().invoke(
                    r -> r.functionName("lowered").payload(SdkBytes.fromUtf8String("{\"sleepMillis\":1500}"))));
            CompletableFuture<InvokeResponse> second = CompletableFuture.supplyAsync(() -> server.client().invoke(
                    r -> r.functionName("lowered").payload(SdkBytes.fromUtf8String("{\"sleepMillis\":1500}"))));
            assertNull(first.get().functionError());
            assertNull(second.get().functionError());
            assertEquals(2, server.lambda().environments().count("lowered"), "two warm environments");

            server.client().putFunctionConcurrency(r -> r.functionName("lowered").reservedConcurrentExecutions(1));
            CompletableFuture<InvokeResponse> busy = CompletableFuture.supplyAsync(() -> server.client().invoke(
                    r -> r.functionName("lowered").payload(SdkBytes.fromUtf8String("{\"sleepMillis\":3000}"))));
            Await.until("one invocation runs", Duration.ofSeconds(20), () -> server.logMessages("lowered").stream()
                    .filter(m -> m.equals("going to sleep for 3000 ms")).count() == 1);
            TooManyRequestsException e = assertThrows(TooManyRequestsException.class, () -> server.client().invoke(
                    r -> r.functionName("lowered").payload(SdkBytes.fromUtf8String("{\"sleepMillis\":0}"))));
            assertEquals("ReservedFunctionConcurrentInvocationLimitExceeded", e.reasonAsString());
            assertNull(busy.get().functionError());
        }
    }
}
