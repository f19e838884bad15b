package statelab.localaws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.iam.IamClient;
import statelab.localaws.testing.Await;
import statelab.localaws.testing.AwsClients;
import statelab.localaws.testing.ListeningSockets;
import statelab.localaws.testing.ServeProcess;

/** The packaged jar as a user runs it: start, stop, status, signals, ports, children, restarts. */
class LocalAwsCliIT {
    static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    @TempDir
    Path dir;

    private Path dataDir() {
        return dir.resolve("data");
    }

    private static boolean alive(long pid) {
        return Files.exists(Path.of("/proc", Long.toString(pid)));
    }

    private static void assertNoStackTrace(String output) {
        assertFalse(output.contains("\tat ") || output.contains("Exception in thread"), "stack trace in: " + output);
    }

    @Test
    void startingASecondTimeOnTheSameDataFolderSaysItIsAlreadyRunning() {
        try (ServeProcess first = ServeProcess.start(dataDir())) {
            ServeProcess.Result second = ServeProcess.run(dataDir(), "serve", "--port", Integer.toString(ServeProcess.freePort()));
            assertEquals(3, second.exitCode(), second.output());
            assertTrue(second.output().contains("local-aws is already running (pid " + first.pid() + ", "
                    + first.endpoint() + ")"), second.output());
            assertNoStackTrace(second.output());
            ServeProcess.Result status = ServeProcess.run(dataDir(), "status");
            assertEquals(0, status.exitCode(), status.output());
            assertTrue(status.output().contains("\"status\":\"running\""), status.output());
        }
    }

    @Test
    void stoppingWhenNothingRunsSaysSoAndSucceeds() {
        ServeProcess.Result stop = ServeProcess.run(dataDir(), "stop");
        assertEquals(0, stop.exitCode());
        assertTrue(stop.output().contains("local-aws is not running"), stop.output());
        ServeProcess.Result status = ServeProcess.run(dataDir(), "status");
        assertEquals(3, status.exitCode());
    }

    @Test
    void aPortInUseIsOneClearSentence() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ServeProcess.Result result = ServeProcess.run(dataDir(), "serve", "--port", Integer.toString(taken.getLocalPort()));
            assertEquals(4, result.exitCode(), result.output());
            assertTrue(result.output().contains("port " + taken.getLocalPort() + " on 127.0.0.1 is in use by another program;"
                    + " stop it or set LOCAL_AWS_PORT"), result.output());
            assertNoStackTrace(result.output());
        }
        assertFalse(Files.exists(dataDir().resolve("local-aws.pid")));
    }

    @Test
    void aNonLoopbackAddressIsRefusedUnlessAllowed() {
        ServeProcess.Result result = ServeProcess.run(dataDir(), "serve", "--host", "0.0.0.0");
        assertEquals(2, result.exitCode(), result.output());
        assertTrue(result.output().contains("LOCAL_AWS_ALLOW_NON_LOOPBACK=true"), result.output());
        assertNoStackTrace(result.output());
    }

    @Test
    void theSettingsCommandPrintsTheTableTheReadmeUses() {
        ServeProcess.Result result = ServeProcess.run("settings");
        assertEquals(0, result.exitCode());
        assertTrue(result.output().startsWith("| variable | default | meaning |"), result.output());
        assertTrue(result.output().contains("| `LOCAL_AWS_PORT` | `4566` |"), result.output());
    }

    @Test
    void sigtermStopsLocalAwsAndEveryChildAndRemovesThePidFile() throws Exception {
        ServeProcess serve = ServeProcess.start(dataDir());
        long kinesis = serve.emulatorPid("kinesis");
        long dynamo = serve.emulatorPid("dynamodb");
        assertTrue(alive(kinesis) && alive(dynamo));
        assertTrue(Files.exists(dataDir().resolve("local-aws.pid")));

        assertTrue(serve.terminate(Duration.ofSeconds(30)), "local-aws did not stop on SIGTERM");
        assertFalse(alive(kinesis), "kinesis-mock survived");
        assertFalse(alive(dynamo), "dynalite survived");
        assertFalse(Files.exists(dataDir().resolve("local-aws.pid")));
        assertFalse(serve.output().contains("starting it again"), serve.output());
    }

    @Test
    void theStopCommandStopsARunningLocalAwsAndItsChildren() {
        ServeProcess serve = ServeProcess.start(dataDir());
        long kinesis = serve.emulatorPid("kinesis");
        ServeProcess.Result stop = ServeProcess.run(dataDir(), "stop");
        assertEquals(0, stop.exitCode(), stop.output());
        assertTrue(stop.output().contains("local-aws stopped (pid " + serve.pid() + ")"), stop.output());
        assertFalse(serve.process().isAlive());
        assertFalse(alive(kinesis));
        serve.close();
    }

    @Test
    void aKilledEmulatorIsStartedAgain() {
        try (ServeProcess serve = ServeProcess.start(dataDir())) {
            long dynamo = serve.emulatorPid("dynamodb");
            ProcessHandle.of(dynamo).orElseThrow().destroyForcibly();
            Await.until("dynalite runs again", Duration.ofSeconds(60), () -> {
                var health = serve.health();
                // a dead child reports pid -1 until the supervisor notices: only a live new pid counts
                long pid = health.isPresent() ? health.get().at("/emulators/dynamodb/pid").asLong() : -1;
                return health.isPresent() && health.get().at("/emulators/dynamodb/state").asText().equals("READY")
                        && pid > 0 && pid != dynamo;
            });
            assertEquals(1, serve.health().orElseThrow().at("/emulators/dynamodb/restarts").asInt());
        }
    }

    @Test
    void everyListeningSocketOfLocalAwsAndItsChildrenIsOnLoopback() {
        try (ServeProcess serve = ServeProcess.start(dataDir())) {
            List<Long> pids = new ArrayList<>(List.of(serve.pid()));
            serve.process().descendants().forEach(child -> pids.add(child.pid()));
            assertTrue(pids.size() >= 3, "expected local-aws and its two emulators: " + pids);
            List<InetSocketAddress> sockets = new ArrayList<>();
            pids.forEach(pid -> sockets.addAll(ListeningSockets.of(pid)));
            assertTrue(sockets.size() >= 4, "edge, kinesis-mock (2), dynalite: " + sockets);
            for (InetSocketAddress socket : sockets) {
                assertTrue(socket.getAddress().isLoopbackAddress(), "listens beyond loopback: " + socket);
            }
        }
    }

    @Test
    void stateSurvivesARestartAndAKillDashNine() throws Exception {
        ServeProcess first = ServeProcess.start(dataDir());
        try (IamClient iam = AwsClients.configure(IamClient.builder(), first.endpoint()).build();
                CloudWatchLogsClient logs = AwsClients.configure(CloudWatchLogsClient.builder(), first.endpoint()).build()) {
            iam.createRole(r -> r.roleName("kept").assumeRolePolicyDocument(TRUST));
            logs.createLogGroup(r -> r.logGroupName("/kept/group"));
            logs.putRetentionPolicy(r -> r.logGroupName("/kept/group").retentionInDays(7));
        }
        assertTrue(first.terminate(Duration.ofSeconds(30)));

        ServeProcess second = ServeProcess.start(dataDir());
        long orphanKinesis = second.emulatorPid("kinesis");
        try (IamClient iam = AwsClients.configure(IamClient.builder(), second.endpoint()).build()) {
            assertEquals("kept", iam.getRole(r -> r.roleName("kept")).role().roleName());
        }
        second.process().destroyForcibly();
        second.process().waitFor();
        assertTrue(alive(orphanKinesis), "after kill -9 the emulators are orphans until the next start");

        try (ServeProcess third = ServeProcess.start(dataDir());
                IamClient iam = AwsClients.configure(IamClient.builder(), third.endpoint()).build();
                CloudWatchLogsClient logs = AwsClients.configure(CloudWatchLogsClient.builder(), third.endpoint()).build()) {
            Await.until("the orphaned kinesis-mock was stopped", Duration.ofSeconds(10), () -> !alive(orphanKinesis));
            assertNotEquals(orphanKinesis, third.emulatorPid("kinesis"));
            assertEquals("kept", iam.getRole(r -> r.roleName("kept")).role().roleName());
            assertEquals(7, logs.describeLogGroups(r -> r.logGroupNamePrefix("/kept/")).logGroups().get(0).retentionInDays());
        }
    }
}
