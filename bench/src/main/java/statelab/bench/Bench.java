package statelab.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * {@code make bench}: the project's performance figures, each with a baseline measured in the same run (README.md).
 * mk/bench.mk runs it after `make build`, from a copy of target/bench/ (so that the build inside `make apply` can
 * rewrite target/), with the repository's root and the local-aws port; it applies the lab itself and always destroys
 * it again.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measures handler throughput, end to end through local-aws, make apply and cold start; prints a"
                + " table and writes bench-results/bench-<time>.json and bench-results/latest.json.")
public final class Bench implements Callable<Integer> {
    static final String HANDLER_TABLE = "BenchHandlerTable";
    static final String BASELINE_TABLE = "BenchBaselineTable";
    static final String DIRECT_STREAM = "BenchDirectStream";
    static final String DIRECT_TABLE = "BenchDirectTable";
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    @Option(names = "--root", required = true, description = "the repository")
    Path root;
    @Option(names = "--make", defaultValue = "make", description = "make executable (default: ${DEFAULT-VALUE})")
    String make;
    @Option(names = "--node", defaultValue = "node", description = "node executable for dynalite")
    String node;
    @Option(names = "--host", defaultValue = "127.0.0.1", description = "local-aws host (LOCAL_AWS_HOST)")
    String host;
    @Option(names = "--port", defaultValue = "4566", description = "local-aws port (LOCAL_AWS_PORT)")
    int port;
    @Option(names = "--region", defaultValue = "us-east-1", description = "region of the local lab (LOCAL_REGION)")
    String region;
    @Option(names = "--results", description = "folder for the JSON results (default: <root>/bench-results)")
    Path resultsDir;
    @Option(names = "--work", description = "folder for logs (default: <root>/.lab/bench)")
    Path workDir;
    @Option(names = "--count", defaultValue = "2000", description = "trades per verify-lab run (default: ${DEFAULT-VALUE})")
    int count;
    @Option(names = "--handler-batches", defaultValue = "100", description = "measured batches (default: ${DEFAULT-VALUE})")
    int handlerBatches;
    @Option(names = "--handler-warmup", defaultValue = "10", description = "warm-up batches (default: ${DEFAULT-VALUE})")
    int handlerWarmup;
    @Option(names = "--cold-rounds", defaultValue = "5", description = "cold starts per function (default: ${DEFAULT-VALUE})")
    int coldRounds;
    @Option(names = "--function-memory-mb", defaultValue = "1024",
            description = "StateLambda's memory (terraform's lambda_memory_mb) for the handler JVM's -Xmx")
    int functionMemoryMb;
    @Option(names = "--handler-only", description = "only the handler figures: no local-aws, no make apply")
    boolean handlerOnly;

    private final Progress progress = new Progress(System.err);
    private final List<Figures.PhaseError> errors = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<String> notes = new ArrayList<>();
    private final AtomicBoolean labApplied = new AtomicBoolean();
    private final Thread mainThread = Thread.currentThread();
    private volatile boolean stopping;
    private boolean labFinished;
    private volatile LabClients labClients;
    private Double destroySeconds;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Bench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        root = root.toAbsolutePath().normalize();
        resultsDir = resultsDir == null ? root.resolve("bench-results") : resultsDir;
        workDir = workDir == null ? root.resolve(".lab/bench") : workDir;
        Files.createDirectories(workDir);
        Instant started = Instant.now();
        Machine machine = Machine.now(root);
        progress.say("machine: " + machine.cores() + " cores, load average " + machine.loadAverageAtStart() + ", "
                + machine.java() + "; logs in " + workDir);
        Thread hook = new Thread(this::emergencyStop, "bench shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        Figures.Handler handler = null;
        Figures.Apply apply = null;
        Figures.EndToEnd endToEnd = null;
        Figures.ColdStart coldStart = null;
        try {
            handler = step("handler throughput", this::handlerFigures);
            if (!handlerOnly) {
                LabFigures lab = labFigures();
                apply = lab.apply;
                endToEnd = lab.endToEnd;
                coldStart = lab.coldStart;
            }
        } finally {
            if (!stopping) {
                Processes.stopAll();
            }
        }
        if (stopping) {
            return 143; // System.exit waits for the shutdown hook, which cleans up
        }

        Instant finished = Instant.now();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("count", count);
        settings.put("handlerBatches", handlerBatches);
        settings.put("handlerWarmup", handlerWarmup);
        settings.put("coldRounds", coldRounds);
        settings.put("endpoint", handlerOnly ? null : endpoint().toString());
        settings.put("handlerOnly", handlerOnly);
        List<Ratio> ratios = new ArrayList<>();
        try {
            ratios = Ratios.of(handler, apply, endToEnd, coldStart);
        } catch (IllegalArgumentException e) {
            errors.add(new Figures.PhaseError("ratios", e.getMessage()));
        }
        BenchResult result = new BenchResult(BenchResult.SCHEMA_VERSION, started.truncatedTo(ChronoUnit.SECONDS).toString(),
                finished.truncatedTo(ChronoUnit.SECONDS).toString(), Duration.between(started, finished).toMillis() / 1000.0,
                machine, Machine.loadAverage(), settings, handler, apply, endToEnd, coldStart, destroySeconds, ratios,
                List.copyOf(notes), List.copyOf(errors), workDir.toString());
        Path written = write(result, started);
        Runtime.getRuntime().removeShutdownHook(hook);
        System.out.println(ResultTable.render(result));
        System.out.println();
        System.out.println("JSON: " + written + " (and " + resultsDir.resolve("latest.json") + ")");
        progress.say(errors.isEmpty() ? "done" : "done, with " + errors.size() + " failed phase(s)");
        return errors.isEmpty() ? 0 : 1;
    }

    // ------------------------------------------------------------------------------------------------- handler

    private Figures.Handler handlerFigures() throws Exception {
        progress.say("handler: starting dynalite; " + handlerWarmup + " warm-up and " + handlerBatches
                + " measured batches of 100, StateLambda and the sequential PutItem baseline in turn");
        List<String> jvmOptions = functionJvmOptions();
        try (DynaliteServer dynalite = DynaliteServer.start(node, root.resolve("emulators"),
                workDir.resolve("handler-dynalite.log"))) {
            dynalite.createTable(HANDLER_TABLE);
            dynalite.createTable(BASELINE_TABLE);
            Map<String, String> env = workerEnvironment(dynalite.endpoint(), HANDLER_TABLE);
            String json = ChildJvm.run(HandlerWorker.class, jvmOptions, List.of("--baseline-table", BASELINE_TABLE,
                            "--warmup", Integer.toString(handlerWarmup), "--batches", Integer.toString(handlerBatches),
                            "--batch-size", "100", "--seed", "1"),
                    env, workDir.resolve("handler-worker.log"), Duration.ofMinutes(5));
            HandlerWorker.Samples samples = Workers.MAPPER.readValue(json, HandlerWorker.Samples.class);
            Figures.Handler figures = new Figures.Handler(
                    "plain measured loop in a separate JVM: " + samples.warmupBatches() + " warm-up rounds, then "
                            + samples.stateLambdaMillis().size() + " rounds of one batch each for StateLambda and the"
                            + " baseline, alternating which goes first; wall-clock time per batch",
                    "dynalite (emulators/, in memory) on a free loopback port, started by the bench",
                    samples.batchSize(), samples.warmupBatches(), samples.writeConcurrency(), samples.jvmOptions(),
                    samples.constructorMillis(),
                    Figures.Throughput.of("StateLambda.handleRequest (parse, conditional UpdateItem, WRITE_CONCURRENCY="
                            + samples.writeConcurrency() + ")", samples.stateLambdaMillis(), samples.batchSize()),
                    Figures.Throughput.of("sequential unconditional PutItem of the same trades",
                            samples.baselineMillis(), samples.batchSize()));
            progress.say(String.format(java.util.Locale.ROOT,
                    "handler: StateLambda %.0f records/s (p50 %.0f ms per batch), sequential PutItem %.0f records/s"
                            + " (p50 %.0f ms)", figures.stateLambda().recordsPerSecond(),
                    figures.stateLambda().batchMillis().p50(), figures.baseline().recordsPerSecond(),
                    figures.baseline().batchMillis().p50()));
            return figures;
        }
    }

    /** The options local-aws starts a function's JVM with (local-aws lambda/package-info.java), for its memory size. */
    private List<String> functionJvmOptions() {
        return List.of("-Xmx" + (functionMemoryMb * 85 / 100) + "m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Xshare:auto", "-XX:-UsePerfData");
    }

    private Map<String, String> workerEnvironment(URI endpoint, String table) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_ENDPOINT_URL", endpoint.toString());
        env.put("AWS_REGION", region);
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("STATE_TABLE_NAME", table);
        return env;
    }

    // ----------------------------------------------------------------------------------------------------- lab

    private static final class LabFigures {
        Figures.Apply apply;
        Figures.EndToEnd endToEnd;
        Figures.ColdStart coldStart;
    }

    private LabFigures labFigures() throws Exception {
        LabFigures figures = new LabFigures();
        if (portInUse()) {
            errors.add(new Figures.PhaseError("make apply", host + ":" + port + " is in use (someone's local-aws or"
                    + " make e2e?); run make bench LOCAL_AWS_PORT=<a free port>"));
            return figures;
        }
        try (LabClients clients = new LabClients(endpoint(), region)) {
            labClients = clients;
            ColdStarts coldStarts = new ColdStarts(clients, progress);
            try {
                ApplyFigure fromNothing = step("make apply", () -> {
                    progress.say("make apply (TARGET=local, local-aws on " + endpoint() + "), from nothing");
                    labApplied.set(true);
                    CommandRun run = make("apply", "make-apply.log");
                    return ApplyFigure.of(run.millis(), run.lines());
                });
                if (fromNothing == null) {
                    figures.apply = new Figures.Apply(null, null);
                    return figures;
                }
                ApplyFigure again = step("make apply (nothing to change)", () -> {
                    progress.say("make apply again: the baseline, nothing to change");
                    CommandRun run = make("apply", "make-apply-again.log");
                    return ApplyFigure.of(run.millis(), run.lines());
                });
                figures.apply = new Figures.Apply(fromNothing, again);

                RunFigure cold = step("verify-lab, first run", () -> verifyLab("first run after apply (cold function)",
                        "verify-lab-cold.log"));
                long warmFrom = System.currentTimeMillis();
                RunFigure warm = step("verify-lab, warm run", () -> verifyLab("warm run", "verify-lab-warm.log"));
                long warmTo = System.currentTimeMillis();
                Figures.LabInvocations lab = step("StateLambda's log", () -> {
                    Figures.LabInvocations invocations = Figures.LabInvocations.of(
                            LabLog.read(clients.logs, "/aws/lambda/StateLambda"), warmFrom, warmTo);
                    progress.say("StateLambda in the lab: " + invocations.invocations() + " invocations, Init Duration "
                            + invocations.initMillis() + " ms" + (invocations.warmRun() == null ? ""
                                    : String.format(java.util.Locale.ROOT, "; warm run: %d invocations, %.0f records"
                                                    + " each, Duration p50 %.0f ms, handler p50 %.0f ms",
                                            invocations.warmRun().invocations(),
                                            invocations.warmRun().recordsPerInvocation(),
                                            invocations.warmRun().durationMillis().p50(),
                                            invocations.warmRun().handlerMillis().p50())));
                    return invocations;
                });
                DirectPathWorker.Samples directSamples = step("direct path",
                        () -> directPath(clients, cold == null ? 0 : count));
                figures.endToEnd = new Figures.EndToEnd(count, warm, cold, directSamples == null ? null
                        : RunFigure.fromDirectPath("direct path without Lambda", directSamples),
                        directSamples == null ? null : directSamples.handlerMillis() * 100 / directSamples.count());
                figures.coldStart = step("cold start", () -> {
                    progress.say("cold start: a copy of StateLambda and a trivial Java function, " + coldRounds
                            + " cold starts each, one at a time");
                    if (!clients.dynamoDb.listTables().tableNames().contains(DIRECT_TABLE)) {
                        DynaliteServer.createStateTable(clients.dynamoDb, DIRECT_TABLE); // the direct path failed early
                    }
                    return coldStarts.measure("StateLambda", root.resolve("handler/target/state-lambda.zip"),
                            DIRECT_TABLE, coldRounds, lab);
                });
                if (figures.coldStart == null && lab != null) {
                    figures.coldStart = new Figures.ColdStart(0, null, null, lab);
                }
            } finally {
                finishLab();
            }
        }
        return figures;
    }

    private RunFigure verifyLab(String what, String logName) throws Exception {
        progress.say("verify-lab --count " + count + " --json (" + what + ")");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TARGET", "local");
        env.put("LOCAL_AWS_HOST", host);
        env.put("LOCAL_AWS_PORT", Integer.toString(port));
        CommandRun run = CommandRun.run(List.of(root.resolve("verify-lab").toString(), "--count",
                        Integer.toString(count), "--json"), root, env, workDir.resolve(logName), Duration.ofMinutes(5),
                line -> {
                    if (line.text().startsWith("verify-lab:")) {
                        progress.say("  " + line.text());
                    }
                });
        String json = run.lines().stream().map(TimedLine::text).filter(text -> text.startsWith("{"))
                .reduce((first, second) -> second).orElse("");
        RunFigure figure = RunFigure.fromVerifyLab(what, json);
        progress.say(String.format(java.util.Locale.ROOT, "  %s: %.0f trades/s, latency p50 %.2f s, p99 %.2f s",
                what, figure.tradesPerSecond(), figure.p50Seconds(), figure.p99Seconds()));
        return figure;
    }

    /** The direct path (DirectPathWorker) on a scratch stream with the lab stream's shard count, and a scratch table. */
    private DirectPathWorker.Samples directPath(LabClients clients, int prefill) throws Exception {
        int shards = clients.kinesis.describeStreamSummary(d -> d.streamName("IncomingDataStream"))
                .streamDescriptionSummary().openShardCount();
        progress.say("direct path: " + count + " trades on " + DIRECT_STREAM + " (" + shards + " shards), read back"
                + " and handled in one JVM without Lambda, after " + prefill + " unmeasured ones");
        long creating = System.nanoTime();
        clients.kinesis.createStream(create -> create.streamName(DIRECT_STREAM).shardCount(shards));
        Await.until(DIRECT_STREAM + " ACTIVE", Duration.ofSeconds(60), 100, () -> clients.kinesis
                .describeStreamSummary(d -> d.streamName(DIRECT_STREAM)).streamDescriptionSummary()
                .streamStatus() == StreamStatus.ACTIVE);
        notes.add(String.format(java.util.Locale.ROOT, "kinesis-mock (through local-aws) had a new %d-shard stream"
                + " ACTIVE %.1f s after CreateStream", shards, (System.nanoTime() - creating) / 1e9));
        DynaliteServer.createStateTable(clients.dynamoDb, DIRECT_TABLE);
        String json = ChildJvm.run(DirectPathWorker.class, functionJvmOptions(), List.of("--stream", DIRECT_STREAM,
                        "--count", Integer.toString(count), "--prefill", Integer.toString(prefill), "--seed", "2"),
                workerEnvironment(endpoint(), DIRECT_TABLE), workDir.resolve("direct-path-worker.log"),
                Duration.ofMinutes(5));
        DirectPathWorker.Samples samples = Workers.MAPPER.readValue(json, DirectPathWorker.Samples.class);
        RunFigure figure = RunFigure.fromDirectPath("direct path without Lambda", samples);
        progress.say(String.format(java.util.Locale.ROOT, "  direct path: %.0f trades/s, latency p50 %.2f s, p99 %.2f s;"
                        + " handler %.0f ms per 100 records", figure.tradesPerSecond(), figure.p50Seconds(),
                figure.p99Seconds(), samples.handlerMillis() * 100 / samples.count()));
        return samples;
    }

    /**
     * Once the lab was (being) applied: delete what the bench made next to it (functions, log groups, the direct
     * path's stream and table), then make destroy, timed. Runs once to success, from the main thread at the end or
     * from the shutdown hook after an interrupt (then again if the main thread's attempt was cut short).
     */
    private synchronized void finishLab() {
        if (!labApplied.get() || labFinished || (stopping && Thread.currentThread() == mainThread)) {
            return;
        }
        LabClients clients = labClients;
        if (clients != null) {
            try {
                new ColdStarts(clients, progress).cleanUp();
                try {
                    clients.kinesis.deleteStream(delete -> delete.streamName(DIRECT_STREAM)
                            .enforceConsumerDeletion(true));
                } catch (ResourceNotFoundException gone) {
                    // never created
                }
                try {
                    clients.dynamoDb.deleteTable(delete -> delete.tableName(DIRECT_TABLE));
                } catch (software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException gone) {
                    // never created
                }
                List<String> left = leftBehind(clients);
                if (!left.isEmpty()) {
                    throw new IllegalStateException("still there after the clean-up: " + left);
                }
            } catch (RuntimeException | InterruptedException e) {
                report("clean up the bench's own resources", e);
            }
        }
        try {
            progress.say("make destroy");
            CommandRun run = make("destroy", Thread.currentThread() == mainThread ? "make-destroy.log"
                    : "make-destroy-after-interrupt.log");
            destroySeconds = run.seconds();
            labFinished = true;
        } catch (Exception e) {
            report("make destroy", e);
        }
    }

    /**
     * What the bench made that is still there; a log group that a function's last output recreated after its deletion
     * is deleted again (for up to 10 s).
     */
    private List<String> leftBehind(LabClients clients) throws InterruptedException {
        List<String> left = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        do {
            left.clear();
            clients.lambda.listFunctionsPaginator().functions().forEach(function -> {
                if (function.functionName().startsWith("Bench")) {
                    left.add("function " + function.functionName());
                }
            });
            for (var group : clients.logs.describeLogGroupsPaginator(d -> d.logGroupNamePrefix("/aws/lambda/Bench"))
                    .logGroups()) {
                left.add("log group " + group.logGroupName());
                try {
                    clients.logs.deleteLogGroup(delete -> delete.logGroupName(group.logGroupName()));
                } catch (software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException gone) {
                    // gone meanwhile
                }
            }
            // deleting counts as gone: kinesis-mock and dynalite finish a deletion after a delay of their own
            clients.kinesis.listStreams().streamSummaries().stream()
                    .filter(stream -> stream.streamName().startsWith("Bench")
                            && stream.streamStatus() != StreamStatus.DELETING)
                    .forEach(stream -> left.add("stream " + stream.streamName()));
            for (String table : clients.dynamoDb.listTables().tableNames()) {
                if (table.startsWith("Bench")) {
                    try {
                        if (clients.dynamoDb.describeTable(d -> d.tableName(table)).table().tableStatus()
                                != software.amazon.awssdk.services.dynamodb.model.TableStatus.DELETING) {
                            left.add("table " + table);
                        }
                    } catch (software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException gone) {
                        // gone meanwhile
                    }
                }
            }
            if (!left.isEmpty()) {
                Thread.sleep(1_000);
            }
        } while (!left.isEmpty() && System.nanoTime() < deadline);
        return left;
    }

    /** SIGTERM or Ctrl-C: stop what runs (a running make apply or destroy may first finish), then clean up as at the end. */
    private void emergencyStop() {
        stopping = true;
        System.err.println("bench: stopping; the lab is cleaned up and destroyed before it exits");
        mainThread.interrupt();
        Processes.stopAll(180_000, message -> System.err.println("bench: " + message));
        finishLab();
    }

    private CommandRun make(String target, String logName) throws IOException, InterruptedException {
        List<String> command = List.of(make, "-C", root.toString(), "--no-print-directory", target, "TARGET=local",
                "LOCAL_AWS_HOST=" + host, "LOCAL_AWS_PORT=" + port);
        CommandRun run = CommandRun.run(command, root, Map.of(), workDir.resolve(logName), Duration.ofMinutes(10), true,
                line -> {
                    String text = line.text();
                    if (text.contains(ApplyFigure.LOCAL_AWS_STARTING) || text.contains(ApplyFigure.LOCAL_AWS_LISTENING)
                            || text.contains(ApplyFigure.TERRAFORM_STARTS) || text.contains("complete after")
                            || text.startsWith("Apply complete") || text.startsWith("Destroy complete")
                            || text.startsWith("local-aws stopped") || text.contains("No changes.")) {
                        progress.say("  " + text.strip());
                    }
                });
        if (run.exitCode() != 0) {
            throw new IllegalStateException("make " + target + " failed (exit " + run.exitCode() + "): " + run.tail(5)
                    + " (log: " + workDir.resolve(logName) + ")");
        }
        progress.say(String.format(java.util.Locale.ROOT, "  make %s: %.1f s", target, run.seconds()));
        return run;
    }

    private URI endpoint() {
        return URI.create("http://" + host + ":" + port);
    }

    private boolean portInUse() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException free) {
            return false;
        }
    }

    // -------------------------------------------------------------------------------------------------- output

    private Path write(BenchResult result, Instant started) throws IOException {
        Files.createDirectories(resultsDir);
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Path file = resultsDir.resolve("bench-" + FILE_TIME.format(started) + ".json");
        Files.writeString(file, mapper.writeValueAsString(result) + "\n", StandardCharsets.UTF_8);
        Files.copy(file, resultsDir.resolve("latest.json"), StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    /** A phase whose failure is recorded and reported while the bench goes on with the others (null result). */
    private <T> T step(String phase, Callable<T> body) {
        if (stopping) {
            return null;
        }
        try {
            return body.call();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            errors.add(new Figures.PhaseError(phase, "interrupted"));
        } catch (Exception e) {
            if (!stopping) {
                report(phase, e);
            }
        }
        return null;
    }

    private void report(String phase, Exception e) {
        String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        errors.add(new Figures.PhaseError(phase, message));
        progress.say("FAILED " + phase + ": " + message);
    }
}
