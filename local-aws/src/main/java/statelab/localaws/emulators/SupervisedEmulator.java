package statelab.localaws.emulators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One emulator child process, kept alive: started with node on loopback ports, awaited until it answers a
 * real API request, started again (with back-off, on the same ports when they are still free) when it dies
 * while local-aws runs, and stopped on {@link #close()}. Its output is appended to a log file.
 */
final class SupervisedEmulator implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SupervisedEmulator.class.getName());
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(15);
    /** a child that served this long before dying counts as healthy: its back-off starts over */
    private static final Duration HEALTHY_RUN = Duration.ofSeconds(30);
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ISO_LOCAL_DATE_TIME.withZone(ZoneOffset.UTC);

    private final EmulatorSpec spec;
    private final String node;
    private final Path preload;
    private final Path logFile;
    private final ChildRecords records;
    private final Duration readyTimeout;
    private final ScheduledExecutorService scheduler;
    private final Clock clock = Clock.systemUTC();
    private final HttpClient probeClient = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(1)).version(HttpClient.Version.HTTP_1_1).build();

    private Process process;
    private int[] ports;
    private EmulatorState state = EmulatorState.STOPPED;
    private int restarts;
    private int failuresInARow;
    private Instant readySince;
    private boolean closed;

    SupervisedEmulator(EmulatorSpec spec, String node, Path preload, Path logFile, ChildRecords records,
            Duration readyTimeout, ScheduledExecutorService scheduler) {
        this.spec = spec;
        this.node = node;
        this.preload = preload;
        this.logFile = logFile;
        this.records = records;
        this.readyTimeout = readyTimeout;
        this.scheduler = scheduler;
    }

    String name() {
        return spec.name();
    }

    /** Starts the child and waits until it answers; throws with the log's tail when it does not. */
    void start() {
        Process started = launch();
        awaitReady(started);
    }

    synchronized URI endpoint() {
        return URI.create("http://127.0.0.1:" + (ports == null ? 0 : ports[0]));
    }

    synchronized boolean isReady() {
        return state == EmulatorState.READY;
    }

    synchronized EmulatorStatus status() {
        return new EmulatorStatus(spec.name(), state, ports == null ? 0 : ports[0],
                process != null && process.isAlive() ? process.pid() : -1, restarts, logFile.toString());
    }

    /** The current child's pid, or -1. For tests and the health endpoint. */
    synchronized long pid() {
        return process != null && process.isAlive() ? process.pid() : -1;
    }

    private synchronized Process launch() {
        if (closed) {
            throw new EmulatorException(spec.name() + " emulator is closed");
        }
        ports = choosePorts(ports);
        EmulatorSpec.Launch launch = spec.launch().forPorts(ports);
        List<String> command = new ArrayList<>(List.of(node, "--require", preload.toString(), spec.script().toString()));
        command.addAll(launch.arguments());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(launch.environment());
        builder.directory(logFile.getParent().toFile());
        try {
            Files.writeString(logFile, "---- " + LOG_TIME.format(clock.instant()) + "Z local-aws starts " + spec.name()
                    + " on 127.0.0.1 ports " + java.util.Arrays.toString(ports) + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            process = builder.start();
        } catch (IOException e) {
            state = EmulatorState.STOPPED;
            throw new EmulatorException("cannot start the " + spec.name() + " emulator with '" + node
                    + "' (set LOCAL_AWS_NODE to the Node.js executable): " + e.getMessage(), e);
        }
        records.remember(spec.name(), process, spec.script());
        state = EmulatorState.STARTING;
        Process watched = process;
        watched.onExit().thenRun(() -> onExit(watched));
        return watched;
    }

    /** The previous ports when they are all still free (clients keep their URLs), else new ones. */
    private int[] choosePorts(int[] previous) {
        if (previous != null && java.util.Arrays.stream(previous).allMatch(FreePorts::isFree)) {
            return previous;
        }
        int[] chosen = new int[spec.portCount()];
        for (int i = 0; i < chosen.length; i++) {
            int port;
            do {
                port = FreePorts.pick();
            } while (contains(chosen, i, port));
            chosen[i] = port;
        }
        return chosen;
    }

    private static boolean contains(int[] ports, int upTo, int port) {
        for (int i = 0; i < upTo; i++) {
            if (ports[i] == port) {
                return true;
            }
        }
        return false;
    }

    private void awaitReady(Process started) {
        long deadline = System.nanoTime() + readyTimeout.toNanos();
        URI uri = endpoint();
        while (System.nanoTime() < deadline) {
            if (!started.isAlive()) {
                throw new EmulatorException("the " + spec.name() + " emulator exited with code " + started.exitValue()
                        + " before it answered; its log " + logFile + " ends with:\n" + logTail());
            }
            if (answers(uri)) {
                synchronized (this) {
                    if (process == started && !closed) {
                        state = EmulatorState.READY;
                        readySince = clock.instant();
                    }
                }
                return;
            }
            sleepQuietly(Duration.ofMillis(100));
        }
        throw new EmulatorException("the " + spec.name() + " emulator did not answer within " + readyTimeout.toSeconds()
                + " s on " + uri + "; its log " + logFile + " ends with:\n" + logTail());
    }

    /** A real API call (empty list) with a syntactically valid SigV4 header: both emulators insist on one. */
    private boolean answers(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(2))
                .header("X-Amz-Target", spec.probeTarget())
                .header("Content-Type", spec.probeContentType())
                .header("X-Amz-Date", "20240101T000000Z")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=local-aws/20240101/us-east-1/"
                        + spec.signingName() + "/aws4_request, SignedHeaders=host;x-amz-date, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build();
        try {
            return probeClient.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void onExit(Process exited) {
        Duration backoff;
        synchronized (this) {
            if (closed || exited != process) {
                return;
            }
            boolean wasHealthy = readySince != null
                    && Duration.between(readySince, clock.instant()).compareTo(HEALTHY_RUN) >= 0;
            failuresInARow = wasHealthy ? 0 : failuresInARow + 1;
            backoff = backoff(failuresInARow);
            state = EmulatorState.RESTARTING;
            readySince = null;
            LOG.log(System.Logger.Level.WARNING, "the " + spec.name() + " emulator (pid " + exited.pid()
                    + ") exited with code " + exited.exitValue() + "; starting it again in " + backoff.toMillis() + " ms");
        }
        scheduler.schedule(this::restart, backoff.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void restart() {
        Process started;
        try {
            started = launch();
            synchronized (this) {
                restarts++;
            }
        } catch (EmulatorException e) {
            if (!isClosed()) {
                LOG.log(System.Logger.Level.ERROR, e.getMessage());
                retryLater(null);
            }
            return;
        }
        try {
            awaitReady(started);
            LOG.log(System.Logger.Level.INFO, "the " + spec.name() + " emulator is back on " + endpoint());
        } catch (EmulatorException e) {
            if (!isClosed()) {
                LOG.log(System.Logger.Level.ERROR, e.getMessage());
                retryLater(started);
            }
        }
    }

    /** A restart that did not come up: kill what is left of it; its exit schedules the next try. */
    private void retryLater(Process failed) {
        if (failed != null && failed.isAlive()) {
            ProcessStopper.stop(failed.toHandle(), STOP_GRACE);
            return;
        }
        Duration backoff;
        synchronized (this) {
            failuresInARow++;
            backoff = backoff(failuresInARow);
        }
        scheduler.schedule(this::restart, backoff.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static Duration backoff(int failuresInARow) {
        long millis = FIRST_BACKOFF.toMillis() << Math.min(Math.max(failuresInARow - 1, 0), 10);
        return Duration.ofMillis(Math.min(millis, MAX_BACKOFF.toMillis()));
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        Process toStop;
        synchronized (this) {
            closed = true;
            toStop = process;
            state = EmulatorState.STOPPED;
        }
        if (toStop != null) {
            ProcessStopper.stop(toStop.toHandle(), STOP_GRACE);
        }
        records.forget(spec.name());
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmulatorException("interrupted while waiting for an emulator");
        }
    }
}
