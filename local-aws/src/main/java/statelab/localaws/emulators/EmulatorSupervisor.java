package statelab.localaws.emulators;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import statelab.localaws.config.Setting;
import statelab.localaws.config.Settings;
import statelab.localaws.spi.EmulatorEndpoints;

/**
 * Runs kinesis-mock and dynalite for local-aws: both started at once with node from the pinned
 * {@code node_modules}, kept on 127.0.0.1 (dynalite by its {@code --host}, kinesis-mock by the
 * {@code loopback-only.cjs} preload), their data and logs in the data folder, restarted when one dies, and
 * stopped on {@link #close()}. Leftovers of a local-aws that was killed are stopped first.
 */
public final class EmulatorSupervisor implements EmulatorEndpoints, AutoCloseable {
    public static final String KINESIS = "kinesis";
    public static final String DYNAMODB = "dynamodb";

    private final SupervisedEmulator kinesis;
    private final SupervisedEmulator dynamodb;
    private final ScheduledExecutorService scheduler;

    /**
     * What the supervisor needs.
     *
     * @param emulatorsDir the folder with {@code node_modules/} and {@code loopback-only.cjs}
     * @param dataDir where the emulators keep their data and logs (created when missing)
     */
    public record Config(String node, Path emulatorsDir, Path dataDir, Duration readyTimeout) {
        public static Config from(Settings settings, Path dataDir) {
            return new Config(settings.text(Setting.NODE), Path.of(settings.text(Setting.EMULATORS_DIR)).toAbsolutePath(),
                    dataDir, settings.seconds(Setting.EMULATOR_READY_SECONDS));
        }
    }

    private EmulatorSupervisor(Config config) {
        Path nodeModules = config.emulatorsDir().resolve("node_modules");
        Path preload = config.emulatorsDir().resolve("loopback-only.cjs");
        EmulatorSpec kinesisSpec = EmulatorSpec.kinesisMock(nodeModules, config.dataDir().resolve(KINESIS));
        EmulatorSpec dynamoSpec = EmulatorSpec.dynalite(nodeModules, config.dataDir().resolve(DYNAMODB));
        for (Path required : List.of(preload, kinesisSpec.script(), dynamoSpec.script())) {
            if (!Files.isRegularFile(required)) {
                throw new EmulatorException(required + " is missing: install the pinned emulators with `make emulators`"
                        + " (npm ci in " + config.emulatorsDir() + ") or point LOCAL_AWS_EMULATORS_DIR at that folder");
            }
        }
        try {
            Files.createDirectories(config.dataDir().resolve(KINESIS));
            Files.createDirectories(config.dataDir().resolve(DYNAMODB));
        } catch (java.io.IOException e) {
            throw new EmulatorException("cannot create the emulators' data folder " + config.dataDir() + ": " + e.getMessage(), e);
        }
        ChildRecords records = new ChildRecords(config.dataDir().resolve("children"));
        records.reapLeftovers();
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "emulator-supervisor");
            thread.setDaemon(true);
            return thread;
        });
        kinesis = new SupervisedEmulator(kinesisSpec, config.node(), preload, config.dataDir().resolve("kinesis.log"),
                records, config.readyTimeout(), scheduler);
        dynamodb = new SupervisedEmulator(dynamoSpec, config.node(), preload, config.dataDir().resolve("dynamodb.log"),
                records, config.readyTimeout(), scheduler);
    }

    /**
     * Stops the emulators recorded in {@code dataDir} that still run (what a local-aws killed with SIGKILL
     * leaves behind); {@code local-aws stop} calls it after stopping the process.
     */
    public static void stopLeftovers(Path dataDir) {
        if (Files.isDirectory(dataDir.resolve("children"))) {
            new ChildRecords(dataDir.resolve("children")).reapLeftovers();
        }
    }

    /** Starts both emulators in parallel and returns once both answer; on failure nothing is left running. */
    public static EmulatorSupervisor start(Config config) {
        EmulatorSupervisor supervisor = new EmulatorSupervisor(config);
        try {
            CompletableFuture<Void> kinesisUp = CompletableFuture.runAsync(supervisor.kinesis::start);
            supervisor.dynamodb.start();
            kinesisUp.join();
            return supervisor;
        } catch (CompletionException e) {
            supervisor.close();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        } catch (RuntimeException e) {
            supervisor.close();
            throw e;
        }
    }

    /** kinesis-mock's plain HTTP endpoint. */
    @Override
    public URI kinesis() {
        return kinesis.endpoint();
    }

    /** dynalite's endpoint. */
    @Override
    public URI dynamodb() {
        return dynamodb.endpoint();
    }

    /** True when the named emulator ({@link #KINESIS} or {@link #DYNAMODB}) answers requests right now. */
    public boolean isReady(String name) {
        return emulator(name).isReady();
    }

    public EmulatorStatus status(String name) {
        return emulator(name).status();
    }

    public List<EmulatorStatus> statuses() {
        return List.of(kinesis.status(), dynamodb.status());
    }

    private SupervisedEmulator emulator(String name) {
        return switch (name) {
            case KINESIS -> kinesis;
            case DYNAMODB -> dynamodb;
            default -> throw new IllegalArgumentException("no emulator named " + name);
        };
    }

    @Override
    public void close() {
        CompletableFuture<Void> kinesisDown = CompletableFuture.runAsync(kinesis::close);
        dynamodb.close();
        kinesisDown.join();
        scheduler.shutdownNow();
    }
}
