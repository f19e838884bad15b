package statelab.localaws.lambda.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import statelab.localaws.lambda.code.CodeSha256;
import statelab.localaws.lambda.code.CodeStore;
import statelab.localaws.lambda.function.FunctionRecord;
import statelab.localaws.spi.LogWriter;

/**
 * Every execution environment of every function: a pool per function, warm reuse, idle environments stopped after
 * the idle time, and no child JVM left behind, ever: stopped on {@link #close()}, killed by a shutdown hook if the
 * JVM exits without closing, and reaped at the next start if local-aws was killed -9.
 */
public final class ExecutionEnvironments implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ExecutionEnvironments.class.getName());
    private static final String RUNTIME_JAR = "aws-lambda-java-runtime-interface-client";

    /**
     * @param java17 java executable for java17 functions
     * @param java21 java executable for java21 functions
     * @param runtimeLib folder of the runtime interface client's jars
     * @param folder Lambda's folder in the data directory (environments' scratch space, child pids)
     * @param endpoint the edge's URL, given to functions as {@code AWS_ENDPOINT_URL}
     * @param maxPerFunction most environments of one function at once
     * @param acquireWait how long an invoke waits for a busy function before it is throttled
     */
    public record Config(String java17, String java21, Path runtimeLib, Path folder, URI endpoint, Duration idle,
            int maxPerFunction, Duration acquireWait) {
    }

    private final Config config;
    private final RuntimeResources resources;
    private final Map<String, EnvironmentPool> pools = new ConcurrentHashMap<>();
    private final Set<ExecutionEnvironment> live = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer;
    private final ExecutorService stopper;
    private final Thread shutdownHook;
    private final int reapedAtStart;
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean closed;

    public ExecutionEnvironments(Config config, LogWriter logs, Clock clock) {
        this.config = config;
        ChildProcessRegistry children = new ChildProcessRegistry(config.folder().resolve("children"));
        this.reapedAtStart = children.reapLeftovers();
        Path environmentsFolder = config.folder().resolve("environments");
        clearFolder(environmentsFolder);
        Path nativeLibrary = NativeRuntimeLibrary.prepare(config.runtimeLib(), config.folder().resolve("runtime-native"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("lambda-timer"));
        this.stopper = Executors.newCachedThreadPool(daemon("lambda-env-stop"));
        this.resources = new RuntimeResources(config.java17(), config.java21(), config.runtimeLib(), nativeLibrary,
                environmentsFolder, config.endpoint(), logs, clock, children, timer);
        this.shutdownHook = new Thread(this::killAllNow, "lambda-env-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** How many environments a previous, killed local-aws had left running (stopped by this one). */
    public int reapedAtStart() {
        return reapedAtStart;
    }

    /**
     * Runs one invocation in a warm environment of the function, or a new one, waiting a little for a busy
     * function before throttling.
     *
     * @param taskRoot the function's unpacked code, asked for only when a new environment starts
     * @throws ThrottledException when the function is at its concurrency
     * @throws IllegalStateException when no environment can be started (no runtime client, no java): says why
     */
    public InvocationOutcome invoke(FunctionRecord function, Supplier<Path> taskRoot, String requestId, byte[] payload,
            String invokedArn, String clientContext) throws ThrottledException {
        if (closed) {
            throw new IllegalStateException("Lambda is shutting down");
        }
        inFlight.incrementAndGet();
        try {
            return invokeCounted(function, taskRoot, requestId, payload, invokedArn, clientContext);
        } finally {
            synchronized (inFlight) {
                inFlight.decrementAndGet();
                inFlight.notifyAll();
            }
        }
    }

    private InvocationOutcome invokeCounted(FunctionRecord function, Supplier<Path> taskRoot, String requestId,
            byte[] payload, String invokedArn, String clientContext) throws ThrottledException {
        EnvironmentPool pool = pools.computeIfAbsent(function.name(), name -> new EnvironmentPool(this::stopLater));
        Integer reserved = function.reservedConcurrency();
        int limit = reserved == null ? config.maxPerFunction() : Math.min(reserved, config.maxPerFunction());
        EnvironmentPool.Slot slot = pool.take(function, limit, reserved != null && reserved <= config.maxPerFunction(),
                config.acquireWait().toNanos());
        ExecutionEnvironment environment = slot.warm();
        if (slot.cold()) {
            try {
                environment = startEnvironment(function, taskRoot.get());
            } finally {
                pool.started(environment);
            }
        }
        try {
            return environment.invoke(requestId, payload, invokedArn, clientContext);
        } finally {
            if (pool.release(environment)) {
                ExecutionEnvironment idle = environment;
                long idleNanos = config.idle().toNanos();
                idle.setIdleTimer(timer.schedule(() -> pool.reapIfIdle(idle, idleNanos), idleNanos,
                        TimeUnit.NANOSECONDS));
            }
        }
    }

    /** The function's code or configuration changed: its current environments are not used again. */
    public void retire(FunctionRecord updated) {
        EnvironmentPool pool = pools.get(updated.name());
        if (pool != null) {
            pool.retire(updated.revisionId());
        }
    }

    /** The function was deleted: its environments stop (a running invocation first ends). */
    public void remove(String functionName) {
        EnvironmentPool pool = pools.remove(functionName);
        if (pool != null) {
            pool.close();
        }
    }

    /** Hex digests of the code that running environments use (not to be deleted under them). */
    public Set<String> codeInUse() {
        Set<String> inUse = new HashSet<>();
        for (ExecutionEnvironment environment : live) {
            inUse.add(new CodeSha256(environment.function().codeSha256()).hex());
        }
        return inUse;
    }

    /** The pids of the running environments' JVMs (for tests and diagnostics). */
    public List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        live.forEach(environment -> pids.add(environment.pid()));
        return pids;
    }

    /** How many environments the function has right now (idle and busy). */
    public int count(String functionName) {
        EnvironmentPool pool = pools.get(functionName);
        return pool == null ? 0 : pool.environments().size();
    }

    private ExecutionEnvironment startEnvironment(FunctionRecord function, Path taskRoot) {
        if (!hasRuntimeClient(config.runtimeLib())) {
            throw new IllegalStateException("local-aws cannot start an execution environment: the runtime interface"
                    + " client is not in " + config.runtimeLib() + " (set LOCAL_AWS_LAMBDA_RUNTIME_LIB, or build"
                    + " local-aws with mvn package, which copies it to target/lambda-runtime)");
        }
        try {
            ExecutionEnvironment environment = ExecutionEnvironment.start(function, taskRoot, resources);
            live.add(environment);
            if (closed) {
                // close() ran while this one was starting: it must not survive
                stopNow(environment);
                throw new IllegalStateException("Lambda is shutting down");
            }
            return environment;
        } catch (IOException e) {
            throw new IllegalStateException("local-aws cannot start an execution environment for " + function.name()
                    + ": " + e.getMessage(), e);
        }
    }

    private void stopLater(ExecutionEnvironment environment) {
        if (closed) {
            stopNow(environment);
            return;
        }
        try {
            stopper.execute(() -> stopNow(environment));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            stopNow(environment);
        }
    }

    private void stopNow(ExecutionEnvironment environment) {
        try {
            environment.stop();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "stopping " + environment + " failed: " + e);
        } finally {
            live.remove(environment);
        }
    }

    /** Stops every environment and waits for their JVMs to end. */
    @Override
    public void close() {
        closed = true;
        pools.values().forEach(EnvironmentPool::close);
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        for (ExecutionEnvironment environment : List.copyOf(live)) {
            stops.add(CompletableFuture.runAsync(() -> stopNow(environment), stopper));
        }
        try {
            CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "some execution environments did not stop in time: " + e);
            killAllNow();
        }
        awaitInvocationsEnded(5_000);
        stopper.shutdown();
        try {
            stopper.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timer.shutdownNow();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or will run: nothing to undo
        }
    }

    /** Invocations cut short by the stops above still write their END and REPORT: let them, briefly. */
    private void awaitInvocationsEnded(long millis) {
        long deadline = System.currentTimeMillis() + millis;
        synchronized (inFlight) {
            while (inFlight.get() > 0 && System.currentTimeMillis() < deadline) {
                try {
                    inFlight.wait(Math.max(1, deadline - System.currentTimeMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Last resort (JVM exit without close, or a stop that hung): SIGKILL every child at once. */
    private void killAllNow() {
        for (ExecutionEnvironment environment : List.copyOf(live)) {
            ProcessHandle.of(environment.pid()).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private static boolean hasRuntimeClient(Path runtimeLib) {
        if (!Files.isDirectory(runtimeLib)) {
            return false;
        }
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(runtimeLib, RUNTIME_JAR + "*.jar")) {
            return jars.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    private static void clearFolder(Path folder) {
        try {
            if (Files.isDirectory(folder)) {
                try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(folder)) {
                    for (Path leftover : leftovers) {
                        CodeStore.deleteTree(leftover);
                    }
                }
            }
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + folder, e);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
