package statelab.verify.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * Real kinesis-mock and dynalite, started with node from the pinned {@code emulators/node_modules} on free loopback
 * ports (kinesis-mock kept on 127.0.0.1 by {@code loopback-only.cjs} when the repository has it), ready when each
 * answers a real API call. {@link #close()} stops both and everything they started.
 */
public final class Emulators implements AutoCloseable {
    public static final Region REGION = Region.US_EAST_1;
    static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final List<Process> processes = new ArrayList<>();
    private final URI kinesis;
    private final URI dynamodb;
    private final Path logDir;

    private Emulators(Path logDir) throws IOException {
        this.logDir = logDir;
        Path emulators = StatelabRoot.emulatorsDir();
        Path nodeModules = emulators.resolve("node_modules");
        Path preload = emulators.resolve("loopback-only.cjs");
        int kinesisPort = freePort();
        int kinesisTlsPort = freePort();
        int dynamoPort = freePort();

        List<String> kinesisCommand = new ArrayList<>(List.of("node"));
        if (Files.isRegularFile(preload)) {
            kinesisCommand.addAll(List.of("--require", preload.toString()));
        }
        kinesisCommand.add(nodeModules.resolve("kinesis-local/main.js").toString());
        start("kinesis", kinesisCommand, Map.of(
                "KINESIS_MOCK_PLAIN_PORT", Integer.toString(kinesisPort),
                "KINESIS_MOCK_TLS_PORT", Integer.toString(kinesisTlsPort),
                "KINESIS_MOCK_CERT_PATH", nodeModules.resolve("kinesis-local/server.json").toString(),
                "LOG_LEVEL", "WARN",
                "CREATE_STREAM_DURATION", "100ms",
                "DELETE_STREAM_DURATION", "100ms"));
        start("dynamodb", List.of("node", nodeModules.resolve("dynalite/cli.js").toString(),
                "--host", "127.0.0.1", "--port", Integer.toString(dynamoPort),
                "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"), Map.of());
        kinesis = URI.create("http://127.0.0.1:" + kinesisPort);
        dynamodb = URI.create("http://127.0.0.1:" + dynamoPort);
    }

    /** Starts both and waits until both answer; nothing is left running if that fails. */
    public static Emulators start(Path logDir) {
        Emulators emulators;
        try {
            emulators = new Emulators(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (KinesisClient kinesisClient = emulators.kinesisClient();
                DynamoDbClient dynamoClient = emulators.dynamoDbClient()) {
            Await.until("kinesis-mock answers ListStreams (log: " + logDir.resolve("kinesis.log") + ")",
                    READY_TIMEOUT, () -> {
                        emulators.checkAlive();
                        kinesisClient.listStreams();
                        return true;
                    });
            Await.until("dynalite answers ListTables (log: " + logDir.resolve("dynamodb.log") + ")", READY_TIMEOUT,
                    () -> {
                        emulators.checkAlive();
                        dynamoClient.listTables();
                        return true;
                    });
            return emulators;
        } catch (RuntimeException | AssertionError e) {
            emulators.close();
            throw e;
        }
    }

    public URI kinesis() {
        return kinesis;
    }

    public URI dynamodb() {
        return dynamodb;
    }

    public KinesisClient kinesisClient() {
        return configure(KinesisClient.builder(), kinesis).build();
    }

    public DynamoDbClient dynamoDbClient() {
        return configure(DynamoDbClient.builder(), dynamodb).build();
    }

    /** Any client builder pointed at an emulator with the test credentials (test/test) and region. */
    public static <B extends AwsClientBuilder<B, C>, C> B configure(B builder, URI endpoint) {
        return builder.endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
    }

    private void start(String name, List<String> command, Map<String, String> environment) throws IOException {
        Files.createDirectories(logDir);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logDir.resolve(name + ".log").toFile());
        builder.environment().putAll(environment);
        processes.add(builder.start());
    }

    private void checkAlive() {
        for (Process process : processes) {
            if (!process.isAlive()) {
                throw new IllegalStateException("an emulator exited with " + process.exitValue() + "; logs in "
                        + logDir);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        for (Process process : processes) {
            List<ProcessHandle> descendants = process.descendants().toList();
            process.destroy();
            descendants.forEach(ProcessHandle::destroy);
        }
        for (Process process : processes) {
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
