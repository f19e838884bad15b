package statelab.verify.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * local-aws as users run it: {@code java -jar local-aws/target/local-aws.jar serve}, on a free loopback port with
 * its data in a test folder, ready when its Lambda API answers. {@link #close()} stops it and everything it started.
 * With {@code -Dstatelab.localAwsEndpoint} the tests use that running local-aws instead (and leave it running).
 * {@link #kill()} is a crash (SIGKILL of local-aws alone); {@link #start(Path, int)} starts it again on the same data
 * folder and port. The log is appended to, so a restart keeps what the killed process wrote.
 */
public final class LocalAwsProcess implements AutoCloseable {
    static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final Process process;
    private final URI endpoint;
    private final Path log;

    private LocalAwsProcess(Process process, URI endpoint, Path log) {
        this.process = process;
        this.endpoint = endpoint;
        this.log = log;
    }

    /** The jar the build makes; tests that need local-aws are skipped while it does not exist. */
    public static Path jar() {
        return StatelabRoot.path().resolve("local-aws/target/local-aws.jar");
    }

    /** {@code -Dstatelab.localAwsEndpoint=http://127.0.0.1:4566}: use a local-aws that is already running. */
    public static URI givenEndpoint() {
        String endpoint = System.getProperty("statelab.localAwsEndpoint");
        return endpoint == null || endpoint.isBlank() ? null : URI.create(endpoint);
    }

    public static LocalAwsProcess start(Path dataDir) {
        if (givenEndpoint() != null) {
            return new LocalAwsProcess(null, givenEndpoint(), null);
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return start(dataDir, port);
    }

    /** Starts the packaged jar on {@code port} with its data in {@code dataDir} (again, after {@link #kill()}). */
    public static LocalAwsProcess start(Path dataDir, int port) {
        Path log = dataDir.resolve("local-aws.log");
        Process process;
        try {
            Files.createDirectories(dataDir);
            ProcessBuilder builder = new ProcessBuilder(List.of(javaExecutable(), "-jar", jar().toString(), "serve"))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("LOCAL_AWS_HOST", "127.0.0.1");
            builder.environment().put("LOCAL_AWS_PORT", Integer.toString(port));
            builder.environment().put("LOCAL_AWS_DATA_DIR", dataDir.resolve("data").toString());
            builder.environment().put("LOCAL_AWS_EMULATORS_DIR", StatelabRoot.emulatorsDir().toString());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LocalAwsProcess localAws = new LocalAwsProcess(process, URI.create("http://127.0.0.1:" + port), log);
        try (LambdaClient lambda = Emulators.configure(LambdaClient.builder(), localAws.endpoint).build()) {
            Await.until("local-aws answers ListFunctions (log: " + log + ")", READY_TIMEOUT, () -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("local-aws exited with " + process.exitValue() + "; log: " + log);
                }
                lambda.listFunctions();
                return true;
            });
            return localAws;
        } catch (RuntimeException | AssertionError e) {
            localAws.close();
            throw e;
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    public Path log() {
        return log;
    }

    public int port() {
        return endpoint.getPort();
    }

    /** A process local-aws had started, with its command line read while it still ran. */
    public record Child(ProcessHandle process, String commandLine) {
    }

    /**
     * kill -9 of local-aws alone, as a crash: its children are not told. The emulators normally live on, for the
     * next start on the same data folder to stop; a function JVM ends by itself within a moment (its Runtime API was
     * inside local-aws), and the next start stops one that does not. Returns once local-aws is gone.
     *
     * @return the processes local-aws had started (its descendants just before the kill)
     */
    public List<Child> kill() {
        if (process == null) {
            throw new IllegalStateException("this local-aws was not started by the test (-Dstatelab.localAwsEndpoint)");
        }
        List<Child> children = process.descendants()
                .map(child -> new Child(child, child.info().commandLine().orElse("")))
                .toList();
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError("local-aws (pid " + process.pid() + ") did not die of SIGKILL in 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return children;
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Override
    public void close() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        // whatever local-aws did not stop itself (it should have): its emulators and function environments
        for (ProcessHandle child : descendants) {
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
    }
}
