package statelab.localaws.lambda.runtime;

import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import statelab.localaws.lambda.code.CodeStore;
import statelab.localaws.lambda.function.FunctionRecord;

/**
 * One execution environment: a child JVM running the function's code under AWS's runtime interface client, its
 * own Runtime API server, and its log stream. It runs one invocation at a time; it dies on a timeout (killed, as
 * Lambda resets the sandbox), a crash or a failed init, and is then never used again.
 */
final class ExecutionEnvironment {
    /** Lambda's cap on an on-demand init; past it, the first invoke's own timeout still applies. */
    static final long INIT_LIMIT_MILLIS = 10_000;
    private static final long PUMP_INTERVAL_MILLIS = 200;
    private static final long STOP_GRACE_MILLIS = 2_000;
    private static final System.Logger LOG = System.getLogger(ExecutionEnvironment.class.getName());

    private final String id;
    private final FunctionRecord function;
    private final Path folder;
    private final RuntimeResources resources;
    private final RuntimeApiServer api;
    private final FunctionLog log;
    private final OutputTail output;
    private final Process process;
    private final long spawnNanos;
    private final ScheduledFuture<?> pump;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private volatile boolean initialised;
    private volatile boolean broken;
    private volatile long maxMemoryUsedMb;
    private volatile long lastUsedNanos = System.nanoTime();
    private volatile ScheduledFuture<?> idleTimer;

    private ExecutionEnvironment(FunctionRecord function, Path taskRoot, RuntimeResources resources) throws IOException {
        this.id = HexFormat.of().formatHex(uuidBytes());
        this.function = function;
        this.resources = resources;
        this.folder = resources.environmentsFolder().resolve(id);
        Path tmp = folder.resolve("tmp");
        Files.createDirectories(tmp);
        Path outputFile = Files.createFile(folder.resolve("output.log"));
        this.log = new FunctionLog(resources.logs(), function.logGroup(),
                LogStreamName.of(resources.clock().instant(), id), resources.clock());
        this.api = new RuntimeApiServer(id.substring(0, 8), resources.clock(), this::onDispatch);
        try {
            LaunchSpec spec = LaunchSpec.of(new LaunchSpec.Inputs(function,
                    resources.javaFor(function.supportedRuntime()), taskRoot, resources.runtimeLib(),
                    resources.nativeLibrary(), tmp, api.port(), log.stream(), resources.endpoint()));
            ProcessBuilder builder = new ProcessBuilder(spec.command())
                    .directory(spec.workingDirectory().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(Redirect.appendTo(outputFile.toFile()))
                    .redirectInput(Redirect.from(new File("/dev/null")));
            builder.environment().clear();
            builder.environment().putAll(spec.environment());
            this.output = new OutputTail(outputFile);
            this.spawnNanos = System.nanoTime();
            this.process = builder.start();
        } catch (IOException | RuntimeException e) {
            api.close();
            CodeStore.deleteTree(folder);
            throw e;
        }
        resources.children().record(process);
        this.pump = resources.timer().scheduleWithFixedDelay(this::pumpOutput, PUMP_INTERVAL_MILLIS,
                PUMP_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Starts the JVM; its init runs while the first invocation waits for it. */
    static ExecutionEnvironment start(FunctionRecord function, Path taskRoot, RuntimeResources resources)
            throws IOException {
        return new ExecutionEnvironment(function, taskRoot, resources);
    }

    String id() {
        return id;
    }

    FunctionRecord function() {
        return function;
    }

    long pid() {
        return process.pid();
    }

    /** Fit for another invocation: not stopped, not broken by a timeout or crash, its JVM alive. */
    boolean usable() {
        return !stopped.get() && !broken && process.isAlive();
    }

    long lastUsedNanos() {
        return lastUsedNanos;
    }

    void setIdleTimer(ScheduledFuture<?> timer) {
        ScheduledFuture<?> previous = idleTimer;
        idleTimer = timer;
        if (previous != null) {
            previous.cancel(false);
        }
    }

    /**
     * Runs one invocation and waits for its end: the runtime's answer, the function's timeout (counted from when
     * the runtime receives the event), a crash, or a failed init. Never throws for anything the function does.
     */
    synchronized InvocationOutcome invoke(String requestId, byte[] payload, String invokedArn, String clientContext) {
        boolean cold = !initialised;
        long timeoutMillis = function.timeout() * 1000L;
        Invocation invocation = new Invocation(requestId, payload, invokedArn, traceId(), clientContext, timeoutMillis);
        api.enqueue(invocation);
        try {
            Ended ended = awaitDispatch(invocation, cold, timeoutMillis);
            if (ended == null) {
                ended = awaitReply(invocation, timeoutMillis);
            }
            return finish(invocation, ended, cold);
        } finally {
            lastUsedNanos = System.nanoTime();
        }
    }

    /** How an invocation ended, before it is logged and reported. */
    private record Ended(Kind kind, RuntimeReply reply, long durationNanos, int exitCode) {
        enum Kind { REPLIED, INIT_ERROR, EXITED, TIMED_OUT }
    }

    private Ended awaitDispatch(Invocation invocation, boolean cold, long timeoutMillis) {
        long limitNanos = TimeUnit.MILLISECONDS.toNanos(INIT_LIMIT_MILLIS + timeoutMillis);
        long startNanos = System.nanoTime();
        awaitAny(limitNanos, invocation.dispatchedAtNanos(), api.initError(), process.onExit());
        if (invocation.dispatchedAtNanos().isDone()) {
            return null;
        }
        if (!api.withdraw(invocation)) {
            // the runtime took it in the meantime: it is running now
            awaitAny(TimeUnit.SECONDS.toNanos(1), invocation.dispatchedAtNanos());
            return null;
        }
        long waited = System.nanoTime() - startNanos;
        broken = true;
        if (api.initError().isDone()) {
            sampleMemory();
            awaitAny(TimeUnit.MILLISECONDS.toNanos(STOP_GRACE_MILLIS), process.onExit());
            return new Ended(Ended.Kind.INIT_ERROR, api.initError().join(), waited, exitCodeOr(-1));
        }
        if (!process.isAlive()) {
            return new Ended(Ended.Kind.EXITED, null, waited, exitCodeOr(-1));
        }
        sampleMemory();
        kill();
        return new Ended(Ended.Kind.TIMED_OUT, null, waited, -1);
    }

    private Ended awaitReply(Invocation invocation, long timeoutMillis) {
        long dispatchedAt = invocation.dispatchedAtNanos().join();
        long deadline = dispatchedAt + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        awaitAny(deadline - System.nanoTime(), invocation.reply(), process.onExit());
        long duration = System.nanoTime() - dispatchedAt;
        if (!invocation.reply().isDone() && !process.isAlive()) {
            // it may have answered just before exiting: take the answer if it is on its way
            awaitAny(TimeUnit.MILLISECONDS.toNanos(100), invocation.reply());
        }
        if (invocation.reply().isDone()) {
            RuntimeReply reply = invocation.reply().join();
            // the invoke phase lasts until the runtime asks for more (it logs a thrown error after posting it)
            awaitAny(Math.max(deadline - System.nanoTime(), 0), invocation.runtimeReadyAgainNanos(), process.onExit());
            long end = invocation.runtimeReadyAgainNanos().getNow(System.nanoTime());
            sampleMemory();
            return new Ended(Ended.Kind.REPLIED, reply, end - dispatchedAt, 0);
        }
        broken = true;
        if (!process.isAlive()) {
            return new Ended(Ended.Kind.EXITED, null, duration, exitCodeOr(-1));
        }
        sampleMemory();
        kill();
        // the runtime may still answer while dying; from now on that answer is refused
        invocation.reply().complete(new RuntimeReply.Failure("Sandbox.Timedout", null, new byte[0]));
        return new Ended(Ended.Kind.TIMED_OUT, null, duration, -1);
    }

    private InvocationOutcome finish(Invocation invocation, Ended ended, boolean cold) {
        String requestId = invocation.requestId();
        Double initDuration = cold ? initDurationMillis() : null;
        byte[] payload;
        String functionError = InvocationOutcome.UNHANDLED;
        String errorType;
        String status = "error";
        List<String> extraLines = new ArrayList<>();
        switch (ended.kind()) {
            case REPLIED -> {
                if (ended.reply() instanceof RuntimeReply.Success success) {
                    payload = success.payload();
                    functionError = null;
                    errorType = null;
                    status = null;
                } else {
                    RuntimeReply.Failure failure = (RuntimeReply.Failure) ended.reply();
                    payload = failure.document();
                    errorType = failure.errorType();
                    // an error the function's code raised gets no Status on the REPORT line; Lambda's own do
                    if (!errorType.startsWith("Function.")) {
                        status = null;
                    }
                }
            }
            case INIT_ERROR -> {
                RuntimeReply.Failure failure = (RuntimeReply.Failure) ended.reply();
                payload = failure.document();
                // the platform's lines name the runtime's category (Runtime.BadFunctionCode), the payload the class
                errorType = failure.runtimeCategory() != null ? failure.runtimeCategory() : failure.errorType();
            }
            case EXITED -> {
                errorType = "Runtime.ExitError";
                String message = PlatformLogLines.exitedMessage(ended.exitCode());
                payload = RuntimeApiServer.error(errorType, "RequestId: " + requestId + " Error: " + message);
                extraLines.add("RequestId: " + requestId + " Error: " + message);
                extraLines.add(errorType);
            }
            case TIMED_OUT -> {
                errorType = "Sandbox.Timedout";
                status = "timeout";
                String message = PlatformLogLines.timedOutMessage(function.timeout());
                payload = RuntimeApiServer.error(errorType, "RequestId: " + requestId + " Error: " + message);
                extraLines.add(PlatformLogLines.timedOut(resources.clock().instant(), requestId, function.timeout()));
            }
            default -> throw new IllegalStateException("unknown end " + ended.kind());
        }
        // an invocation the runtime received proves its init is over, whatever the handler then did
        initialised |= ended.kind() == Ended.Kind.REPLIED;
        String reportErrorType = "error".equals(status) ? errorType : null;
        String tail;
        synchronized (log) {
            if (!invocation.dispatchedAtNanos().isDone()) {
                // it never reached the runtime: init failed or took too long
                log.beginInvocation();
                log.append(output.readLines(true));
                if (cold && ended.kind() != Ended.Kind.TIMED_OUT) {
                    log.append(PlatformLogLines.initReport(initDuration, errorType));
                }
                log.append(PlatformLogLines.start(requestId));
            } else {
                log.append(output.readLines(true));
            }
            log.append(extraLines);
            log.append(PlatformLogLines.end(requestId));
            log.append(PlatformLogLines.report(new PlatformLogLines.Report(requestId, ended.durationNanos() / 1e6,
                    function.memorySize(), maxMemoryUsedMb, initDuration, status, reportErrorType)));
            tail = log.endInvocation();
        }
        return new InvocationOutcome(requestId, payload, functionError, errorType, tail, cold);
    }

    /** Called by the Runtime API as the runtime receives the event: earlier output first, then START. */
    private void onDispatch(Invocation invocation) {
        synchronized (log) {
            log.append(output.readLines(true));
            log.beginInvocation();
            log.append(PlatformLogLines.start(invocation.requestId()));
        }
    }

    private void pumpOutput() {
        try {
            sampleMemory();
            synchronized (log) {
                log.append(output.readLines(false));
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "environment " + id + ": cannot forward output: " + e);
        }
    }

    /** The peak so far, kept: after a crash /proc no longer has it. */
    private void sampleMemory() {
        if (process.isAlive()) {
            maxMemoryUsedMb = Math.max(maxMemoryUsedMb, ProcessMemory.maxUsedMegabytes(process.pid()));
        }
    }

    private Double initDurationMillis() {
        CompletableFuture<Long> firstNext = api.firstNextNanos();
        long end = firstNext.isDone() ? firstNext.join() : System.nanoTime();
        return (end - spawnNanos) / 1e6;
    }

    /** Stops the JVM (SIGTERM, then SIGKILL after Lambda's 2 s shutdown grace), its server, its files. Idempotent. */
    void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        pump.cancel(false);
        setIdleTimer(null);
        process.destroy();
        if (!awaitExit(STOP_GRACE_MILLIS)) {
            kill();
        }
        api.close();
        synchronized (log) {
            log.append(output.readLines(true));
        }
        output.close();
        resources.children().forget(process.pid());
        try {
            CodeStore.deleteTree(folder);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot delete " + folder + ": " + e);
        }
    }

    private void kill() {
        process.destroyForcibly();
        if (!awaitExit(10_000)) {
            LOG.log(System.Logger.Level.ERROR, "environment " + id + " (pid " + process.pid()
                    + ") did not die after SIGKILL");
        }
    }

    private boolean awaitExit(long millis) {
        try {
            return process.waitFor(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private int exitCodeOr(int fallback) {
        return process.isAlive() ? fallback : process.exitValue();
    }

    /** Waits until any of the futures completes or the time is up; never throws. */
    private static void awaitAny(long nanos, CompletableFuture<?>... futures) {
        if (nanos <= 0) {
            return;
        }
        try {
            CompletableFuture.anyOf(futures).get(nanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // the caller looks at which future, if any, completed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] uuidBytes() {
        UUID uuid = UUID.randomUUID();
        return java.nio.ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits()).array();
    }

    /** An X-Ray trace header as Lambda passes it, unsampled. */
    private String traceId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String epochHex = Long.toHexString(resources.clock().millis() / 1000);
        return "Root=1-" + epochHex + "-" + hex(random, 12) + ";Parent=" + hex(random, 8) + ";Sampled=0";
    }

    private static String hex(ThreadLocalRandom random, int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    @Override
    public String toString() {
        return "environment " + id + " of " + function.name() + " (pid " + process.pid() + ")";
    }
}
