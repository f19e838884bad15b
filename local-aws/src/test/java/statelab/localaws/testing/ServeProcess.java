package statelab.localaws.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import statelab.localaws.protocol.Json;

/**
 * The packaged {@code local-aws.jar} run as a real process, the way {@code make local-up} runs it: for tests
 * of the command line, signals, pid file and child processes. Output goes to a file in the data folder.
 */
public final class ServeProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final Process process;
    private final int port;
    private final Path output;

    private ServeProcess(Process process, int port, Path output) {
        this.process = process;
        this.port = port;
        this.output = output;
    }

    public static Path jar() {
        Path jar = StatelabRoot.path().resolve("local-aws").resolve("target").resolve("local-aws.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: these tests run after `mvn package` (failsafe's"
                    + " integration-test phase)");
        }
        return jar;
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code local-aws <args...> --data-dir <dataDir>} to completion and returns its exit code and output. */
    public static Result run(Path dataDir, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--data-dir", dataDir.toString()));
        return run(all.toArray(new String[0]));
    }

    /** Runs {@code local-aws <args...>} to completion and returns its exit code and output. */
    public static Result run(String... args) {
        List<String> command = new ArrayList<>(List.of("java", "-jar", jar().toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("local-aws " + String.join(" ", args) + " did not finish: " + text);
            }
            return new Result(process.exitValue(), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public record Result(int exitCode, String output) {
    }

    /** Starts {@code local-aws serve} on a free port and waits until its health endpoint says running. */
    public static ServeProcess start(Path dataDir) {
        return start(dataDir, freePort());
    }

    public static ServeProcess start(Path dataDir, int port) {
        Path output = dataDir.resolveSibling(dataDir.getFileName() + "-serve-" + System.nanoTime() + ".log");
        List<String> command = List.of("java", "-jar", jar().toString(), "serve", "--data-dir", dataDir.toString(),
                "--port", Integer.toString(port), "--emulators-dir", StatelabRoot.emulatorsDir().toString());
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            ServeProcess serve = new ServeProcess(process, port, output);
            try {
                Await.until("local-aws answers on port " + port, Duration.ofSeconds(90), () -> {
                    if (!process.isAlive()) {
                        throw new AssertionError("local-aws exited with " + process.exitValue() + ": " + serve.output());
                    }
                    return serve.health().map(h -> h.get("status").asText().equals("running")).orElse(false);
                });
            } catch (AssertionError | RuntimeException e) {
                serve.close();
                throw e;
            }
            return serve;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    public Process process() {
        return process;
    }

    public long pid() {
        return process.pid();
    }

    public String output() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /** The health document, or empty while it does not answer. */
    public java.util.Optional<JsonNode> health() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(endpoint() + "/_localaws/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return java.util.Optional.of(Json.MAPPER.readTree(response.body()));
        } catch (IOException e) {
            return java.util.Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        }
    }

    public long emulatorPid(String name) {
        return health().orElseThrow().at("/emulators/" + name + "/pid").asLong();
    }

    /** SIGTERM, then waits for the exit; true when it exited in time. */
    public boolean terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
