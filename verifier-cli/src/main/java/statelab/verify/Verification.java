package statelab.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import statelab.trade.Trade;

/**
 * One run after preflight: put the workload while polling StateTable for the trades already put, until every trade
 * is at its expected state or {@code timeout} has passed since the last record was put; then a final consistent read
 * of every expected and every must-not-exist key decides the counts, and on failure the mapping and the function's
 * log say why.
 */
public final class Verification {
    static final int READ_THREADS = 4;
    static final int MAX_EXAMPLES = 10;

    /** How long polling rounds wait when they finish early; the waits end the run early, never extend it. */
    public record Pacing(Duration pollInterval) {
        public static final Pacing DEFAULT = new Pacing(Duration.ofMillis(250));
    }

    private final AwsClients clients;
    private final LabTarget target;
    private final Preflight.Result preflight;
    private final Environment environment;
    private final Progress progress;
    private final Duration timeout;
    private final Pacing pacing;

    public Verification(AwsClients clients, LabTarget target, Preflight.Result preflight, Environment environment,
            Progress progress, Duration timeout, Pacing pacing) {
        this.clients = clients;
        this.target = target;
        this.preflight = preflight;
        this.environment = environment;
        this.progress = progress;
        this.timeout = timeout;
        this.pacing = pacing;
    }

    /** @throws RunFailedException when the records cannot be put or the table cannot be read */
    public Report run(Workload workload, boolean seedGiven) {
        Instant startedAt = Instant.now();
        List<Trade> expected = workload.expected();
        int trades = expected.size();
        List<String> notes = new ArrayList<>();
        ExecutorService readers = Executors.newFixedThreadPool(READ_THREADS, daemon("verify-lab-read"));
        ExecutorService putThread = Executors.newSingleThreadExecutor(daemon("verify-lab-put"));
        try {
            TableReader reader = new TableReader(clients.dynamoDb(), target.tableName(), readers,
                    duration -> Thread.sleep(duration.toMillis()));
            if (seedGiven) {
                int already = countAlreadyThere(reader, expected);
                if (already > 0) {
                    notes.add(ReportText.plural(already, "trade") + " of this seed were already in "
                            + target.tableName() + " before the run (an earlier run with the same --seed): for them "
                            + "this run proves nothing; use another --seed");
                }
            }

            // put on one thread; the listener hands over each trade whose expected state Kinesis accepted
            AtomicLongArray acceptedAt = new AtomicLongArray(trades);
            Queue<Integer> accepted = new ConcurrentLinkedQueue<>();
            AtomicInteger recordsPut = new AtomicInteger();
            List<OutgoingRecord> records = workload.records();
            RecordPutter putter = new RecordPutter(clients.kinesis(), target.streamName(),
                    duration -> Thread.sleep(duration.toMillis()), target.endpointDescription(environment),
                    environment);
            long firstPutNanos = System.nanoTime();
            CompletableFuture<RecordPutter.Stats> putting = CompletableFuture.supplyAsync(
                    () -> putter.put(records, (index, shardId, nanos) -> {
                        recordsPut.incrementAndGet();
                        OutgoingRecord record = records.get(index);
                        // times are kept relative to the first put, plus one: 0 means "not yet"
                        if (record.carriesExpected()
                                && acceptedAt.compareAndSet(record.trade(), 0, nanos - firstPutNanos + 1)) {
                            accepted.add(record.trade());
                        }
                    }),
                    putThread);

            // poll the trades put so far until all are at their expected state, or the timeout after the last put
            long[] seenAt = new long[trades];
            Set<Integer> pending = new LinkedHashSet<>();
            int found = 0;
            long deadline = Long.MAX_VALUE;
            RecordPutter.Stats stats = null;
            while (true) {
                long roundStart = System.nanoTime();
                if (stats == null && putting.isDone()) {
                    stats = join(putting);
                    deadline = stats.endNanos() + timeout.toNanos();
                }
                for (Integer trade; (trade = accepted.poll()) != null; ) {
                    pending.add(trade);
                }
                if (!pending.isEmpty()) {
                    found += pollOnce(reader, expected, pending, seenAt, firstPutNanos);
                }
                long now = System.nanoTime();
                progress.update(new Progress.Snapshot(found, trades, recordsPut.get(), records.size(),
                        (now - firstPutNanos) / 1e9));
                if (stats != null && (found == trades || now >= deadline)) {
                    break;
                }
                long rest = pacing.pollInterval().toNanos() - (now - roundStart);
                if (rest > 0) {
                    pause(Math.min(rest, deadline - now));
                }
            }
            long waitEnd = System.nanoTime();
            progress.finish();

            // the final word: one consistent read of every key, expected and must-not-exist
            Report.Table table = finalState(reader, workload, seenAt, firstPutNanos);
            List<Double> latencies = new ArrayList<>();
            long lastSeen = 0;
            for (int t = 0; t < trades; t++) {
                if (seenAt[t] != 0) {
                    latencies.add(Math.max(0, seenAt[t] - acceptedAt.get(t)) / 1e9);
                    lastSeen = Math.max(lastSeen, seenAt[t] - 1);
                }
            }
            boolean passed = table.found() == trades && table.wrong() == 0 && table.missing() == 0
                    && table.unexpected() == 0;
            Diagnostics diagnostics = new Diagnostics(clients);
            Report.Mapping mapping = diagnostics.mapping(preflight.mappingUuid(), notes);
            Report.FunctionErrors errors = passed ? null
                    : diagnostics.recentErrors(target.logGroupName(), startedAt.minus(Duration.ofMinutes(5)));
            return new Report(passed,
                    new Report.Lab(target.streamName(), preflight.openShards(), target.functionName(),
                            target.tableName(), target.region(), target.endpointDescription(environment)),
                    new Report.Sent(workload.countsByKind(), stats.records(), stats.calls(), stats.retriedEntries(),
                            stats.seconds(), stats.recordsPerShard()),
                    table,
                    Percentiles.of(latencies.stream().mapToDouble(Double::doubleValue).toArray()),
                    Math.max(0, waitEnd - stats.endNanos()) / 1e9,
                    table.found() == 0 ? 0 : lastSeen / 1e9,
                    mapping, errors, new Report.Seed(workload.spec().seed(), seedGiven), timeout.toMillis() / 1000.0,
                    notes);
        } catch (SdkException e) {
            throw new RunFailedException(AwsErrors.sentence("dynamodb:BatchGetItem on " + target.tableName(), e,
                    target.endpointDescription(environment), environment), e);
        } finally {
            progress.finish();
            putThread.shutdownNow();
            readers.shutdownNow();
        }
    }

    /** Reads the pending trades once; those at their expected state leave {@code pending}. */
    private static int pollOnce(TableReader reader, List<Trade> expected, Set<Integer> pending, long[] seenAt,
            long origin) {
        List<String> ids = new ArrayList<>(pending.size());
        for (int trade : pending) {
            ids.add(expected.get(trade).tradeId());
        }
        Map<String, Map<String, AttributeValue>> items = reader.read(ids);
        long now = System.nanoTime() - origin + 1;
        int newlyFound = 0;
        for (Iterator<Integer> it = pending.iterator(); it.hasNext(); ) {
            int trade = it.next();
            Trade want = expected.get(trade);
            if (ItemCheck.matches(want, items.get(want.tradeId()))) {
                seenAt[trade] = now;
                it.remove();
                newlyFound++;
            }
        }
        return newlyFound;
    }

    private Report.Table finalState(TableReader reader, Workload workload, long[] seenAt, long origin) {
        List<Trade> expected = workload.expected();
        List<String> ids = new ArrayList<>(expected.size() + workload.absentIds().size());
        expected.forEach(trade -> ids.add(trade.tradeId()));
        ids.addAll(workload.absentIds());
        Map<String, Map<String, AttributeValue>> items = reader.read(ids);
        int found = 0;
        int wrong = 0;
        int missing = 0;
        int unexpected = 0;
        List<Report.Problem> examples = new ArrayList<>();
        for (int t = 0; t < expected.size(); t++) {
            Trade want = expected.get(t);
            Map<String, AttributeValue> item = items.get(want.tradeId());
            if (item == null) {
                missing++;
                seenAt[t] = 0;
                example(examples, "missing", want.tradeId(), "expected Version " + want.version() + ", Value "
                        + want.value().toPlainString());
                continue;
            }
            List<String> differences = ItemCheck.differences(want, item);
            if (differences.isEmpty()) {
                found++;
                if (seenAt[t] == 0) {
                    seenAt[t] = System.nanoTime() - origin + 1;
                }
            } else {
                wrong++;
                seenAt[t] = 0;
                example(examples, "wrong", want.tradeId(), String.join(", ", differences));
            }
        }
        for (String id : workload.absentIds()) {
            if (items.containsKey(id)) {
                unexpected++;
                example(examples, "unexpected", id, "an item exists for a TradeID that only bad records carry");
            }
        }
        return new Report.Table(expected.size(), found, wrong, missing, unexpected, examples);
    }

    private static void example(List<Report.Problem> examples, String kind, String id, String detail) {
        if (examples.size() < MAX_EXAMPLES) {
            examples.add(new Report.Problem(kind, id, detail));
        }
    }

    private int countAlreadyThere(TableReader reader, List<Trade> expected) {
        List<String> ids = expected.stream().map(Trade::tradeId).toList();
        return reader.read(ids).size();
    }

    private static RecordPutter.Stats join(CompletableFuture<RecordPutter.Stats> putting) {
        try {
            return putting.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunFailedException("Interrupted while putting records.", e);
        }
    }

    private static void pause(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunFailedException("Interrupted while waiting for StateTable.", e);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
