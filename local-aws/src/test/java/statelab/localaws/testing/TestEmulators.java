package statelab.localaws.testing;

import java.nio.file.Path;
import java.time.Duration;
import statelab.localaws.emulators.EmulatorSupervisor;

/**
 * Real kinesis-mock and dynalite for tests: started on free loopback ports with their data in {@code dataDir}
 * (use a JUnit {@code @TempDir}), stopped by closing the returned supervisor. Its {@code kinesis()} and
 * {@code dynamodb()} are the plain-HTTP endpoints.
 *
 * <pre>{@code
 * try (EmulatorSupervisor emulators = TestEmulators.start(tempDir)) {
 *     KinesisClient kinesis = AwsClients.configure(KinesisClient.builder(), emulators.kinesis()).build();
 * }
 * }</pre>
 */
public final class TestEmulators {
    private TestEmulators() {
    }

    public static EmulatorSupervisor start(Path dataDir) {
        return EmulatorSupervisor.start(new EmulatorSupervisor.Config("node", StatelabRoot.emulatorsDir(),
                dataDir, Duration.ofSeconds(60)));
    }
}
