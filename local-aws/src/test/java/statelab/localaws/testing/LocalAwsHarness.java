package statelab.localaws.testing;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import statelab.localaws.LocalAwsServer;
import statelab.localaws.config.Setting;
import statelab.localaws.config.Settings;

/**
 * The whole of local-aws in-process for tests: a {@link LocalAwsServer} on a free loopback port (port 0) with
 * its data in {@code dataDir} (use a JUnit {@code @TempDir}), real kinesis-mock and dynalite from
 * {@code <statelab.root>/emulators}, and Lambda's runtime jars from {@code local-aws/target/lambda-runtime}
 * when they were built. Close it to stop everything, child processes included.
 *
 * <pre>{@code
 * try (LocalAwsHarness local = LocalAwsHarness.start(tempDir)) {
 *     IamClient iam = local.client(IamClient.builder());
 * }
 * }</pre>
 */
public final class LocalAwsHarness implements AutoCloseable {
    private final Path dataDir;
    private final Map<Setting, String> overrides;
    private LocalAwsServer server;

    private LocalAwsHarness(Path dataDir, Map<Setting, String> overrides) {
        this.dataDir = dataDir;
        this.overrides = overrides;
        this.server = LocalAwsServer.start(Settings.of(overrides));
    }

    public static LocalAwsHarness start(Path dataDir) {
        return start(dataDir, Map.of());
    }

    /** @param extra settings to change for this test (they win over the harness's own) */
    public static LocalAwsHarness start(Path dataDir, Map<Setting, String> extra) {
        Map<Setting, String> settings = new EnumMap<>(Setting.class);
        settings.put(Setting.HOST, "127.0.0.1");
        settings.put(Setting.PORT, "0");
        settings.put(Setting.DATA_DIR, dataDir.toString());
        settings.put(Setting.EMULATORS_DIR, StatelabRoot.emulatorsDir().toString());
        Path runtimeLib = StatelabRoot.path().resolve("local-aws").resolve("target").resolve("lambda-runtime");
        if (Files.isDirectory(runtimeLib)) {
            settings.put(Setting.LAMBDA_RUNTIME_LIB, runtimeLib.toString());
        }
        settings.putAll(extra);
        return new LocalAwsHarness(dataDir, settings);
    }

    /** e.g. {@code http://127.0.0.1:43121} */
    public URI endpoint() {
        return server.endpoint();
    }

    public LocalAwsServer server() {
        return server;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** An SDK client pointed at this local-aws (test/test credentials, us-east-1); close it after use. */
    public <B extends AwsClientBuilder<B, C>, C> C client(B builder) {
        return AwsClients.configure(builder, endpoint()).build();
    }

    /** Stops local-aws and starts it again on the same data folder (a new port: build new clients). */
    public LocalAwsHarness restart() {
        server.close();
        server = LocalAwsServer.start(Settings.of(overrides));
        return this;
    }

    @Override
    public void close() {
        server.close();
    }
}
