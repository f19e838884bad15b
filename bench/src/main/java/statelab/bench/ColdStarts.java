package statelab.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.State;
import statelab.bench.function.NoopHandler;
import statelab.trade.Trade;
import statelab.trade.TradeJson;

/**
 * Cold starts, measured through local-aws the way Lambda reports them: the Init Duration of REPORT lines in
 * CloudWatch Logs. Two functions made by the bench next to the lab: a copy of StateLambda (the same zip, handler,
 * runtime, memory, role and environment, writing to the bench's scratch table) and the trivial {@link NoopHandler}
 * with the same runtime, memory and role. They are cold-started one at a time, in alternating order, {@code rounds}
 * times each: every round changes an environment variable of each, which retires its execution environment, then
 * invokes it once. One at a time because the lab's own cold starts (two shards, two environments at once on a 2-core
 * machine) measure contention as much as init.
 */
final class ColdStarts {
    static final String STATE_COPY = "BenchStateLambdaColdStart";
    static final String TRIVIAL = "BenchTrivialJavaColdStart";
    static final String TRIVIAL_HANDLER = NoopHandler.class.getName() + "::handleRequest";
    private static final Duration SETTLE = Duration.ofSeconds(60);

    private final LabClients clients;
    private final Progress progress;

    ColdStarts(LabClients clients, Progress progress) {
        this.clients = clients;
        this.progress = progress;
    }

    /** Every REPORT line in a function's log group. */
    static List<LambdaReport> reports(CloudWatchLogsClient logs, String logGroup) {
        List<LambdaReport> reports = new ArrayList<>();
        for (FilteredLogEvent event : logs.filterLogEventsPaginator(filter -> filter.logGroupName(logGroup)
                .filterPattern("REPORT")).events()) {
            LambdaReport.parse(event.timestamp(), event.message()).ifPresent(reports::add);
        }
        return reports;
    }

    Figures.ColdStart measure(String labFunction, Path stateZip, String scratchTable, int rounds,
            Figures.LabInvocations lab) throws IOException, InterruptedException {
        GetFunctionConfigurationResponse model = clients.lambda.getFunctionConfiguration(get -> get.functionName(labFunction));
        Map<String, String> stateEnvironment = new HashMap<>(
                model.environment() == null ? Map.of() : model.environment().variables());
        stateEnvironment.put("STATE_TABLE_NAME", scratchTable);
        create(STATE_COPY, model, model.handler(), Files.readAllBytes(stateZip), stateEnvironment);
        create(TRIVIAL, model, TRIVIAL_HANDLER, trivialZip(), new HashMap<>());

        BenchTrades trades = new BenchTrades(3);
        Map<String, List<Double>> roundTrips = Map.of(STATE_COPY, new ArrayList<>(), TRIVIAL, new ArrayList<>());
        for (int round = 1; round <= rounds; round++) {
            List<String> order = round % 2 == 1 ? List.of(STATE_COPY, TRIVIAL) : List.of(TRIVIAL, STATE_COPY);
            for (String function : order) {
                if (round > 1) {
                    retireEnvironments(function, round);
                }
                String payload = function.equals(STATE_COPY) ? oneTradeEvent(trades.next(), round) : "{}";
                long start = System.nanoTime();
                InvokeResponse response = clients.lambda.invoke(invoke -> invoke.functionName(function)
                        .payload(SdkBytes.fromUtf8String(payload)));
                double millis = (System.nanoTime() - start) / 1e6;
                if (response.functionError() != null) {
                    throw new IllegalStateException(function + " failed: " + response.functionError() + " "
                            + response.payload().asUtf8String());
                }
                roundTrips.get(function).add(millis);
            }
            progress.say(String.format(java.util.Locale.ROOT, "  cold start round %d of %d: StateLambda copy %.0f ms,"
                            + " trivial function %.0f ms (Invoke round trips)", round, rounds,
                    last(roundTrips.get(STATE_COPY)), last(roundTrips.get(TRIVIAL))));
        }
        List<LambdaReport> stateReports = coldReports(STATE_COPY, rounds);
        List<LambdaReport> trivialReports = coldReports(TRIVIAL, rounds);
        return new Figures.ColdStart(rounds,
                Figures.FunctionColdStarts.of(STATE_COPY, model.handler(), stateReports, roundTrips.get(STATE_COPY)),
                Figures.FunctionColdStarts.of(TRIVIAL, TRIVIAL_HANDLER, trivialReports, roundTrips.get(TRIVIAL)),
                lab);
    }

    /** Deletes the bench's functions and their log groups; what is not there is fine. */
    void cleanUp() {
        for (String function : List.of(STATE_COPY, TRIVIAL)) {
            try {
                clients.lambda.deleteFunction(delete -> delete.functionName(function));
            } catch (software.amazon.awssdk.services.lambda.model.ResourceNotFoundException gone) {
                // never created
            }
            try {
                clients.logs.deleteLogGroup(delete -> delete.logGroupName("/aws/lambda/" + function));
            } catch (ResourceNotFoundException gone) {
                // never invoked
            }
        }
    }

    private void create(String name, GetFunctionConfigurationResponse model, String handler, byte[] zip,
            Map<String, String> environment) throws InterruptedException {
        environment.put("BENCH_ROUND", "1");
        clients.lambda.createFunction(create -> create.functionName(name)
                .description("make bench: cold start measurement (deleted at the end of the bench)")
                .runtime(model.runtimeAsString())
                .role(model.role())
                .handler(handler)
                .memorySize(model.memorySize())
                .timeout(model.timeout())
                .architecturesWithStrings(model.architecturesAsStrings())
                .environment(env -> env.variables(environment))
                .code(code -> code.zipFile(SdkBytes.fromByteArray(zip))));
        Await.until(name + " Active", SETTLE, 100, () -> clients.lambda
                .getFunctionConfiguration(get -> get.functionName(name)).state() == State.ACTIVE);
    }

    /** New configuration: Lambda (and local-aws) retire the function's environments, so the next invoke is cold. */
    private void retireEnvironments(String function, int round) throws InterruptedException {
        GetFunctionConfigurationResponse current = clients.lambda.getFunctionConfiguration(get -> get.functionName(function));
        Map<String, String> environment = new HashMap<>(current.environment().variables());
        environment.put("BENCH_ROUND", Integer.toString(round));
        clients.lambda.updateFunctionConfiguration(update -> update.functionName(function)
                .environment(env -> env.variables(environment)));
        Await.until(function + " updated", SETTLE, 100, () -> {
            GetFunctionConfigurationResponse now = clients.lambda.getFunctionConfiguration(get -> get.functionName(function));
            return now.state() == State.ACTIVE && now.lastUpdateStatus() == LastUpdateStatus.SUCCESSFUL;
        });
    }

    /** The REPORT lines of the cold starts; local-aws writes them as the invocation ends, so a short wait at most. */
    private List<LambdaReport> coldReports(String function, int expected) throws InterruptedException {
        List<List<LambdaReport>> found = new ArrayList<>(List.of(List.of()));
        Await.until(expected + " cold REPORT lines of " + function, Duration.ofSeconds(20), 200, () -> {
            try {
                found.set(0, reports(clients.logs, "/aws/lambda/" + function));
            } catch (ResourceNotFoundException notYet) {
                return false;
            }
            return found.get(0).stream().filter(LambdaReport::cold).count() >= expected;
        });
        return found.get(0);
    }

    /** A Kinesis event of one new trade, as the mapping would send it. */
    private static String oneTradeEvent(Trade trade, int round) {
        return KinesisEvents.json(KinesisEvents.SYNTHETIC_STREAM_ARN, KinesisEvents.SYNTHETIC_SHARD,
                List.of(new KinesisEvents.EventRecord(KinesisEvents.syntheticSequenceNumber(round), trade.tradeId(),
                        TradeJson.toMessage(trade), Instant.now())));
    }

    /** A zip with the one class of the trivial function (the runtime brings aws-lambda-java-core). */
    static byte[] trivialZip() throws IOException {
        String entry = NoopHandler.class.getName().replace('.', '/') + ".class";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes);
             InputStream in = NoopHandler.class.getClassLoader().getResourceAsStream(entry)) {
            if (in == null) {
                throw new IllegalStateException(entry + " is not on the class path");
            }
            String folder = "";
            for (String part : entry.substring(0, entry.lastIndexOf('/')).split("/")) {
                folder += part + "/";
                zip.putNextEntry(new ZipEntry(folder));
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry(entry));
            in.transferTo(zip);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static double last(List<Double> values) {
        return values.isEmpty() ? Double.NaN : values.get(values.size() - 1);
    }
}
