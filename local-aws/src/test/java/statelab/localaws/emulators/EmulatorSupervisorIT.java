package statelab.localaws.emulators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import statelab.localaws.testing.Await;
import statelab.localaws.testing.AwsClients;
import statelab.localaws.testing.ListeningSockets;
import statelab.localaws.testing.TestEmulators;

class EmulatorSupervisorIT {

    @TempDir
    Path dataDir;

    @Test
    void bothEmulatorsAnswerSdkCallsAndListenOnLoopbackOnly() {
        try (EmulatorSupervisor emulators = TestEmulators.start(dataDir);
                KinesisClient kinesis = AwsClients.configure(KinesisClient.builder(), emulators.kinesis()).build();
                DynamoDbClient dynamo = AwsClients.configure(DynamoDbClient.builder(), emulators.dynamodb()).build()) {
            assertTrue(kinesis.listStreams().streamNames().isEmpty());
            assertTrue(dynamo.listTables().tableNames().isEmpty());

            List<InetSocketAddress> kinesisSockets = ListeningSockets.of(emulators.status("kinesis").pid());
            assertEquals(2, kinesisSockets.size(), "kinesis-mock opens a plain and a TLS port: " + kinesisSockets);
            List<InetSocketAddress> dynamoSockets = ListeningSockets.of(emulators.status("dynamodb").pid());
            assertEquals(1, dynamoSockets.size(), dynamoSockets.toString());
            for (InetSocketAddress socket : concat(kinesisSockets, dynamoSockets)) {
                assertTrue(socket.getAddress().isLoopbackAddress(), "listens beyond loopback: " + socket);
            }
            assertTrue(Files.exists(dataDir.resolve("kinesis.log")));
            assertTrue(Files.exists(dataDir.resolve("dynamodb.log")));
        }
    }

    @Test
    void aKilledKinesisMockIsStartedAgainWithItsPersistedStreams() {
        try (EmulatorSupervisor emulators = TestEmulators.start(dataDir);
                KinesisClient kinesis = AwsClients.configure(KinesisClient.builder(), emulators.kinesis()).build()) {
            kinesis.createStream(r -> r.streamName("survivor").shardCount(1));
            Path persisted = dataDir.resolve("kinesis").resolve("kinesis-data.json");
            Await.until("kinesis-mock persisted the stream", Duration.ofSeconds(20),
                    () -> Files.exists(persisted) && read(persisted).contains("survivor"));
            long firstPid = emulators.status("kinesis").pid();

            ProcessHandle.of(firstPid).orElseThrow().destroyForcibly();

            Await.until("kinesis-mock is serving again", Duration.ofSeconds(60),
                    () -> emulators.isReady("kinesis") && emulators.status("kinesis").pid() != firstPid);
            assertNotEquals(firstPid, emulators.status("kinesis").pid());
            assertEquals(1, emulators.status("kinesis").restarts());
            try (KinesisClient again = AwsClients.configure(KinesisClient.builder(), emulators.kinesis()).build()) {
                assertEquals(List.of("survivor"), again.listStreams().streamNames());
            }
        }
    }

    @Test
    void closingStopsEveryChildProcess() {
        long kinesisPid;
        long dynamoPid;
        try (EmulatorSupervisor emulators = TestEmulators.start(dataDir)) {
            kinesisPid = emulators.status("kinesis").pid();
            dynamoPid = emulators.status("dynamodb").pid();
            assertTrue(ProcessHandle.of(kinesisPid).isPresent());
        }
        assertFalse(ProcessHandle.of(kinesisPid).map(ProcessHandle::isAlive).orElse(false));
        assertFalse(ProcessHandle.of(dynamoPid).map(ProcessHandle::isAlive).orElse(false));
    }

    @Test
    void startingOnADataFolderWhoseRecordedChildStillRunsStopsThatLeftoverFirst() throws Exception {
        // what a local-aws killed with -9 leaves: a recorded child that still runs the emulator's script
        Path script = statelab.localaws.testing.StatelabRoot.emulatorsDir()
                .resolve("node_modules").resolve("dynalite").resolve("cli.js");
        Process leftover = new ProcessBuilder("node", "-e", "setInterval(() => {}, 1000)", script.toString()).start();
        try {
            new ChildRecords(dataDir.resolve("children")).remember("dynamodb", leftover, script);
            try (EmulatorSupervisor next = TestEmulators.start(dataDir)) {
                assertTrue(leftover.waitFor(10, java.util.concurrent.TimeUnit.SECONDS), "the leftover still runs");
                assertTrue(next.isReady("kinesis") && next.isReady("dynamodb"));
            }
        } finally {
            leftover.destroyForcibly();
        }
    }

    @Test
    void aRecordedPidThatNowRunsSomethingElseIsLeftAlone() throws Exception {
        Path script = statelab.localaws.testing.StatelabRoot.emulatorsDir()
                .resolve("node_modules").resolve("dynalite").resolve("cli.js");
        Process stranger = new ProcessBuilder("node", "-e", "setInterval(() => {}, 1000)").start();
        try {
            new ChildRecords(dataDir.resolve("children")).remember("dynamodb", stranger, script);
            new ChildRecords(dataDir.resolve("children")).reapLeftovers();
            assertTrue(stranger.isAlive(), "a process that is not our emulator was killed");
        } finally {
            stranger.destroyForcibly();
        }
    }

    private static List<InetSocketAddress> concat(List<InetSocketAddress> a, List<InetSocketAddress> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
