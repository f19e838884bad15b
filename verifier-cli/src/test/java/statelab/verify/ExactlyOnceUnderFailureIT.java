package statelab.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.model.State;
import statelab.trade.Trade;
import statelab.trade.TradeFields;
import statelab.verify.testing.Await;
import statelab.verify.testing.Emulators;
import statelab.verify.testing.LocalAwsProcess;
import statelab.verify.testing.StatelabRoot;

/**
 * design.md's quality bar "exactly-once effect": with duplicates, out-of-order versions, bad records, injected
 * function failures and a kill -9 of local-aws in the middle, StateTable ends exactly in the expected state.
 *
 * <p>local-aws runs as users run it (the packaged jar, its own data folder under {@code target/}), with the real
 * StateLambda package failing {@value #FAILURE_PERCENT} % of its invocations on purpose (the workshop's 5 % would
 * leave too many runs without a failure, see {@link #FAILURE_PERCENT}), behind a mapping as
 * terraform/ makes it (batch 100, TRIM_HORIZON, ReportBatchItemFailures, bisect) but with unlimited retries, so
 * that no record may be given up. The data is verify-lab's generator with a fixed seed. Half of it is put, the
 * mapping starts on it, and local-aws is killed with SIGKILL while the function is part-way through (its emulators
 * are left running, as after a crash); local-aws is started again on the same data folder and port, and no process
 * of the killed one may survive that start; then the other half is put. Then the whole table must equal the
 * expected end state: every good TradeID at its highest Version and that version's fields, nothing for the bad
 * records, no other item. The function's CloudWatch Logs must show injected failures and every bad record
 * rejected, so the test cannot pass because nothing went wrong.
 *
 * <p>Skipped as {@link LocalAwsLabIT} is while local-aws.jar or the handler zip is not built
 * ({@code -Dstatelab.requireLocalAws=true} turns that into a failure), and with {@code -Dstatelab.localAwsEndpoint}
 * (a local-aws the test did not start is not the test's to kill).
 */
class ExactlyOnceUnderFailureIT {
    /**
     * The workshop's function fails about 5 % of its invocations. This run makes only 40 to 80 invocations (batches
     * of 100), where 5 % leaves about one run in ten without any failure at all (0.95^42 = 0.12), and such a run
     * proves nothing about failures. At 20 % a run without one is about 1 in 10,000 (0.8^42) and a run has 10 to
     * 20 of them, each retried with bisection.
     */
    static final int FAILURE_PERCENT = 20;
    /** the main class of AWS's Java runtime interface client: the command line of a function's JVM */
    private static final String LAMBDA_RUNTIME_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    private static final long SEED = 20_241_204L;
    private static final WorkloadSpec SPEC = new WorkloadSpec(3000, 150, 150, 150, 48, SEED);
    /** items in the table before the kill: several batches of both shards done, most of the first half not yet */
    private static final int KILL_AFTER_ITEMS = 300;
    /** kinesis-mock persists its state every second: nothing put less than this long ago is killed with it */
    private static final Duration QUIET_BEFORE_KILL = Duration.ofMillis(2500);
    private static final Duration SETTLE = Duration.ofSeconds(120);
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    @Test
    void stateTableEndsExactlyInTheExpectedStateDespiteDuplicatesStaleVersionsBadRecordsInjectedFailuresAndAKill9()
            throws Exception {
        Path jar = LocalAwsProcess.jar();
        Path zip = StatelabRoot.path().resolve("handler/target/state-lambda.zip");
        boolean built = Files.isRegularFile(jar) && Files.isRegularFile(zip);
        if (!Boolean.getBoolean("statelab.requireLocalAws")) {
            Assumptions.assumeTrue(built, "local-aws is not built yet (" + jar + ", " + zip + ")");
        }
        Assumptions.assumeTrue(LocalAwsProcess.givenEndpoint() == null,
                "this test kills local-aws, so it starts its own; -Dstatelab.localAwsEndpoint is not used");
        assertTrue(built, "-Dstatelab.requireLocalAws=true but " + jar + " or " + zip + " is missing");

        Workload workload = TradeGenerator.generate(SPEC);
        List<OutgoingRecord> records = workload.records();
        List<OutgoingRecord> firstHalf = records.subList(0, records.size() / 2);
        List<OutgoingRecord> secondHalf = records.subList(records.size() / 2, records.size());
        long firstHalfTrades = firstHalf.stream().filter(r -> r.trade() >= 0).mapToInt(OutgoingRecord::trade)
                .distinct().count();

        // data and log under target/ (a folder per run), kept for a post-mortem; mvn clean removes them
        Path dataDir = StatelabRoot.path().resolve("verifier-cli/target/exactly-once-it/" + RUN);
        LastSequenceNumbers acknowledged = new LastSequenceNumbers();
        List<LocalAwsProcess.Child> orphans = new ArrayList<>();
        LocalAwsProcess killed = LocalAwsProcess.start(dataDir);
        LocalAwsProcess restarted = null;
        Clients before = new Clients(killed, acknowledged);
        Clients after = null;
        try {
            Lab lab = newLab(before, zip);

            // 1. half of the records, then the mapping: it starts on a backlog, so the kill lands mid-stream
            put(before, lab, firstHalf);
            Map<String, String> lastPerShard = acknowledged.lastPerShard();
            // kinesis-mock persists its streams every ~1 s (the killed local-aws's kinesis-mock lives on until the
            // next start stops it), so records acknowledged just before a SIGKILL can be lost by the emulator
            // itself. This test is about the pipeline's exactly-once effect, not the emulator's
            // durability: nothing is in flight at the kill, the last put was acknowledged well before it (at least
            // QUIET_BEFORE_KILL), and kinesis-mock's snapshot on disk holds the last record of every shard.
            long quietFrom = System.nanoTime();
            Await.until("kinesis-mock's snapshot in " + dataDir + " holds the last record put on each shard "
                    + lastPerShard + " and " + QUIET_BEFORE_KILL.toMillis() + " ms have passed since",
                    Duration.ofSeconds(30), Duration.ofMillis(250),
                    () -> System.nanoTime() - quietFrom >= QUIET_BEFORE_KILL.toNanos()
                            && kinesisSnapshotHolds(dataDir, lastPerShard.values()));
            String mappingUuid = createMapping(before, lab);

            // 2. kill -9 while the function is part-way through the first half
            long[] itemsAtKill = new long[1];
            Await.until(KILL_AFTER_ITEMS + " items are in " + lab.table(), Duration.ofSeconds(90),
                    Duration.ofMillis(100), () -> (itemsAtKill[0] = itemCount(before, lab)) >= KILL_AFTER_ITEMS);
            orphans.addAll(killed.kill());
            before.close();
            assertTrue(itemsAtKill[0] < firstHalfTrades, "the kill must land mid-stream, but " + itemsAtKill[0]
                    + " of the first half's " + firstHalfTrades + " trades were already in the table");
            // it was a crash in the middle of work: the emulators and a function JVM were running
            for (String child : List.of("dynalite", "kinesis-local", LAMBDA_RUNTIME_MAIN)) {
                assertTrue(orphans.stream().anyMatch(p -> p.commandLine().contains(child)), "local-aws ran "
                        + child + " when it was killed: " + describe(orphans));
            }
            // What outlives the kill is for the restart to stop: normally both emulators. A function JVM ends by
            // itself once its Runtime API (inside local-aws) is gone. dynalite may die with local-aws too: it
            // throws on a request whose client vanished mid-body (index.js: req.on('error') rethrows ECONNRESET).
            String survivorsOfTheKill = describe(orphans);

            // 3. the same data folder and port again: the leftovers of the killed process must be stopped
            restarted = LocalAwsProcess.start(dataDir, killed.port());
            after = new Clients(restarted, acknowledged);
            try {
                Await.until("every process the killed local-aws had started is stopped", Duration.ofSeconds(20),
                        () -> orphans.stream().allMatch(child -> gone(child.process())));
            } catch (AssertionError e) {
                fail("the restarted local-aws left processes of the killed one running: " + describe(orphans), e);
            }
            assertEquals("Enabled", after.lambda.getEventSourceMapping(r -> r.uuid(mappingUuid)).state());

            // 4. the other half, on the restarted local-aws, while the mapping catches up
            put(after, lab, secondHalf);

            // 5. StateTable converges to exactly the expected state
            Clients clients = after;
            List<String> difference = new ArrayList<>(List.of("(not read yet)"));
            try {
                Await.until("StateTable equals the expected end state", SETTLE, Duration.ofMillis(500), () -> {
                    List<String> now = difference(workload, scan(clients, lab));
                    difference.clear();
                    difference.addAll(now);
                    return now.isEmpty();
                });
            } catch (AssertionError e) {
                fail("StateTable did not reach the expected end state within " + SETTLE + " after the last put:\n  "
                        + String.join("\n  ", difference.subList(0, Math.min(40, difference.size())))
                        + "\nlocal-aws log: " + restarted.log(), e);
            }

            // 6. ... and it did so in spite of real trouble: injected failures, bad records rejected one by one
            List<JsonNode> injected = functionLog(clients, lab, "failure_injected");
            List<JsonNode> rejected = functionLog(clients, lab, "record_rejected");
            Set<String> rejectedSequenceNumbers = new HashSet<>();
            rejected.forEach(line -> rejectedSequenceNumbers.add(line.get("sequenceNumber").asText()));
            int invocations = functionLog(clients, lab, "batch_summary").size() + injected.size();
            System.out.printf("ExactlyOnceUnderFailureIT: %d records %s, %d items at the kill, %d invocations, %d"
                    + " failed on purpose, %d rejected lines for %d bad records; after the kill: %s%n",
                    records.size(), workload.countsByKind(), itemsAtKill[0], invocations, injected.size(),
                    rejected.size(), SPEC.bad(), survivorsOfTheKill);
            assertFalse(injected.isEmpty(), "the function never failed on purpose (" + invocations
                    + " invocations at " + FAILURE_PERCENT + " %): the run proves nothing about failures");
            injected.forEach(line -> assertEquals(FAILURE_PERCENT, line.get("failureInjectionPercent").asInt()));
            assertEquals(SPEC.bad(), rejectedSequenceNumbers.size(), "every bad record, and nothing else, is"
                    + " logged as rejected: " + rejected);
            String log = Files.readString(restarted.log(), StandardCharsets.UTF_8);
            assertFalse(log.contains("esm_records_discarded"), "with unlimited retries no record may be given up: "
                    + restarted.log());
        } finally {
            before.close();
            if (after != null) {
                after.close();
            }
            killed.close();
            if (restarted != null) {
                restarted.close();
            }
            // whatever a failed restart did not stop
            orphans.stream().map(LocalAwsProcess.Child::process).filter(ProcessHandle::isAlive)
                    .forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** Every difference between the table and the expected end state, one line each; empty when they are equal. */
    static List<String> difference(Workload workload, Map<String, Map<String, AttributeValue>> items) {
        List<String> wrong = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Map<String, Map<String, AttributeValue>> left = new HashMap<>(items);
        for (Trade trade : workload.expected()) {
            Map<String, AttributeValue> item = left.remove(trade.tradeId());
            if (item == null) {
                missing.add("missing     " + trade.tradeId() + " (expected Version " + trade.version() + ")");
            } else if (!ItemCheck.matches(trade, item)) {
                wrong.add("wrong       " + trade.tradeId() + ": " + String.join(", ",
                        ItemCheck.differences(trade, item)));
            }
        }
        List<String> unexpected = new ArrayList<>();
        new TreeMap<>(left).forEach((id, item) -> unexpected.add("unexpected  " + id + " Version "
                + (item.get(TradeFields.ITEM_VERSION) == null ? "?" : item.get(TradeFields.ITEM_VERSION).n())
                + (workload.absentIds().contains(id) ? " (a TradeID only bad records carry)" : "")));
        if (wrong.isEmpty() && missing.isEmpty() && unexpected.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        lines.add(workload.expected().size() + " expected, " + items.size() + " items: " + wrong.size()
                + " wrong, " + missing.size() + " missing, " + unexpected.size() + " unexpected");
        lines.addAll(wrong);
        lines.addAll(unexpected);
        lines.addAll(missing);
        return lines;
    }

    private record Lab(String stream, String streamArn, String table, String function) {
    }

    /** SDK clients on one local-aws; the Kinesis client notes the sequence number of every record acknowledged. */
    private static final class Clients implements AutoCloseable {
        final KinesisClient kinesis;
        final DynamoDbClient dynamoDb;
        final LambdaClient lambda;
        final IamClient iam;
        final CloudWatchLogsClient logs;
        final String endpoint;

        Clients(LocalAwsProcess localAws, LastSequenceNumbers acknowledged) {
            endpoint = localAws.endpoint().toString();
            kinesis = Emulators.configure(KinesisClient.builder(), localAws.endpoint())
                    .overrideConfiguration(c -> c.addExecutionInterceptor(acknowledged)).build();
            dynamoDb = Emulators.configure(DynamoDbClient.builder(), localAws.endpoint()).build();
            lambda = Emulators.configure(LambdaClient.builder(), localAws.endpoint()).build();
            iam = Emulators.configure(IamClient.builder(), localAws.endpoint()).region(Region.AWS_GLOBAL).build();
            logs = Emulators.configure(CloudWatchLogsClient.builder(), localAws.endpoint()).build();
        }

        @Override
        public void close() {
            for (AutoCloseable client : new AutoCloseable[] {kinesis, dynamoDb, lambda, iam, logs}) {
                try {
                    client.close();
                } catch (Exception e) {
                    // closing a client: nothing to do
                }
            }
        }
    }

    /** The sequence number of the last record Kinesis acknowledged on each shard, from every PutRecords answer. */
    private static final class LastSequenceNumbers implements ExecutionInterceptor {
        private final Map<String, String> lastPerShard = new ConcurrentHashMap<>();

        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            if (context.response() instanceof PutRecordsResponse response) {
                for (PutRecordsResultEntry entry : response.records()) {
                    if (entry.errorCode() == null) {
                        lastPerShard.put(entry.shardId(), entry.sequenceNumber());
                    }
                }
            }
        }

        /** shard id to the sequence number of the last record acknowledged on it, as of now */
        Map<String, String> lastPerShard() {
            return Map.copyOf(lastPerShard);
        }
    }

    /** A stream of 2 shards, the table, the StateLambda package with failures injected; the mapping comes later. */
    private static Lab newLab(Clients clients, Path zip) throws IOException {
        String stream = "IncomingDataStream-" + RUN;
        String table = "StateTable-" + RUN;
        String function = "StateLambda-" + RUN;
        clients.kinesis.createStream(r -> r.streamName(stream).shardCount(2));
        Await.until(stream + " is ACTIVE", Duration.ofSeconds(60), () -> clients.kinesis.describeStreamSummary(
                r -> r.streamName(stream)).streamDescriptionSummary().streamStatus() == StreamStatus.ACTIVE);
        String streamArn = clients.kinesis.describeStreamSummary(r -> r.streamName(stream))
                .streamDescriptionSummary().streamARN();
        clients.dynamoDb.createTable(r -> r.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                        .attributeType(ScalarAttributeType.S).build()));
        Await.until(table + " is ACTIVE", Duration.ofSeconds(60), () -> clients.dynamoDb.describeTable(
                r -> r.tableName(table)).table().tableStatus() == TableStatus.ACTIVE);
        String roleArn = clients.iam.createRole(r -> r.roleName("exactly-once-it-" + RUN)
                .assumeRolePolicyDocument("""
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":\
                        "lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}""")).role().arn();
        byte[] code = Files.readAllBytes(zip);
        clients.lambda.createFunction(r -> r.functionName(function).runtime(Runtime.JAVA21)
                .handler(LocalAwsLabIT.HANDLER).role(roleArn).memorySize(512).timeout(60)
                .code(c -> c.zipFile(SdkBytes.fromByteArray(code)))
                .environment(e -> e.variables(Map.of("STATE_TABLE_NAME", table,
                        "FAILURE_INJECTION_PERCENT", Integer.toString(FAILURE_PERCENT)))));
        Await.until(function + " is Active", Duration.ofSeconds(60), () -> clients.lambda.getFunctionConfiguration(
                r -> r.functionName(function)).state() == State.ACTIVE);
        return new Lab(stream, streamArn, table, function);
    }

    /** As terraform/ makes it, but retrying without limit: a record given up would be a lost trade. */
    private static String createMapping(Clients clients, Lab lab) {
        String uuid = clients.lambda.createEventSourceMapping(r -> r.functionName(lab.function())
                .eventSourceArn(lab.streamArn()).batchSize(100).startingPosition("TRIM_HORIZON").enabled(true)
                .functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES)
                .bisectBatchOnFunctionError(true).maximumRetryAttempts(-1)).uuid();
        Await.until("mapping " + uuid + " is Enabled", Duration.ofSeconds(60),
                () -> "Enabled".equals(clients.lambda.getEventSourceMapping(r -> r.uuid(uuid)).state()));
        return uuid;
    }

    /** verify-lab's own putter: in order, at most 500 records a call, refused entries put again. */
    private static void put(Clients clients, Lab lab, List<OutgoingRecord> records) {
        RecordPutter putter = new RecordPutter(clients.kinesis, lab.stream(), duration -> Thread.sleep(
                duration.toMillis()), clients.endpoint, Environment.of(Map.of(), false));
        RecordPutter.Stats stats = putter.put(records, (index, shard, at) -> {
        });
        assertEquals(records.size(), stats.records());
    }

    private static long itemCount(Clients clients, Lab lab) {
        long count = 0;
        for (ScanResponse page : clients.dynamoDb.scanPaginator(ScanRequest.builder().tableName(lab.table())
                .select(Select.COUNT).consistentRead(true).build())) {
            count += page.count();
        }
        return count;
    }

    /** Every item of the table, by id (a consistent scan). */
    private static Map<String, Map<String, AttributeValue>> scan(Clients clients, Lab lab) {
        Map<String, Map<String, AttributeValue>> items = new HashMap<>();
        for (ScanResponse page : clients.dynamoDb.scanPaginator(ScanRequest.builder().tableName(lab.table())
                .consistentRead(true).build())) {
            for (Map<String, AttributeValue> item : page.items()) {
                items.put(item.get(TradeFields.ITEM_ID).s(), item);
            }
        }
        return items;
    }

    /** The function's JSON log lines of one event, from its log group in CloudWatch Logs (all of its streams). */
    private static List<JsonNode> functionLog(Clients clients, Lab lab, String event) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        FilterLogEventsRequest request = FilterLogEventsRequest.builder().logGroupName("/aws/lambda/"
                + lab.function()).filterPattern("\"" + event + "\"").build();
        for (var page : clients.logs.filterLogEventsPaginator(request)) {
            for (FilteredLogEvent logEvent : page.events()) {
                String message = logEvent.message().strip();
                if (message.startsWith("{")) {
                    JsonNode line = JsonMapper.builder().build().readTree(message);
                    if (event.equals(line.path("event").asText())) {
                        lines.add(line);
                    }
                }
            }
        }
        return lines;
    }

    /** kinesis-mock's snapshot (its PERSIST_PATH is in local-aws's data folder) names every sequence number. */
    private static boolean kinesisSnapshotHolds(Path dataDir, java.util.Collection<String> sequenceNumbers) {
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().equals("kinesis-data.json")).toList()) {
                String snapshot = Files.readString(file, StandardCharsets.UTF_8);
                if (sequenceNumbers.stream().allMatch(snapshot::contains)) {
                    return true;
                }
            }
            return false;
        } catch (IOException | UncheckedIOException e) {
            return false; // being replaced at this moment: look again
        }
    }

    /** Ended, or a zombie its new parent has not reaped yet (it runs nothing any more). */
    private static boolean gone(ProcessHandle process) {
        if (!process.isAlive()) {
            return true;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException e) {
            return true;
        }
    }

    private static String describe(List<LocalAwsProcess.Child> children) {
        List<String> lines = new ArrayList<>();
        for (LocalAwsProcess.Child child : children) {
            String line = child.commandLine();
            String what = line.contains("dynalite") ? "dynalite" : line.contains("kinesis-local") ? "kinesis-mock"
                    : line.contains(LAMBDA_RUNTIME_MAIN) ? "function JVM" : line.substring(0, Math.min(80,
                    line.length()));
            lines.add(what + " " + child.process().pid() + (gone(child.process()) ? " gone" : " running"));
        }
        return lines.toString();
    }
}
