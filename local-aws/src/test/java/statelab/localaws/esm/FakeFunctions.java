package statelab.localaws.esm;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import statelab.localaws.protocol.Json;
import statelab.localaws.spi.FunctionDirectory;
import statelab.localaws.spi.FunctionInvoker;

/**
 * Lambda as the mappings see it, in memory: functions that exist or not, and an invoker that records every event
 * it is given and answers as the test says (succeed, throw, report partial failures, be slow).
 */
final class FakeFunctions implements FunctionDirectory, FunctionInvoker {
    static final String ACCOUNT = "000000000000";

    /** One record as the function received it. */
    record Received(String shardId, String sequenceNumber, String partitionKey, String data, String eventId,
            String invokeIdentityArn, String eventSourceArn, double arrival) {
        BigInteger sequence() {
            return new BigInteger(sequenceNumber);
        }
    }

    /** One invocation: when it started, which function, what it got. */
    record Invocation(long startedNanos, long startedMillis, String function, List<Received> records, String event) {
        List<String> data() {
            return records.stream().map(Received::data).toList();
        }

        String shardId() {
            return records.get(0).shardId();
        }
    }

    static final InvocationResult SUCCESS = new InvocationResult("null".getBytes(StandardCharsets.UTF_8), null, false);
    static final InvocationResult THREW = new InvocationResult(
            "{\"errorMessage\":\"marked record\",\"errorType\":\"java.lang.IllegalStateException\"}"
                    .getBytes(StandardCharsets.UTF_8), "Unhandled", false);

    private final Map<String, FunctionRef> functions = new ConcurrentHashMap<>();
    private final List<Invocation> invocations = new ArrayList<>();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private volatile Function<Invocation, InvocationResult> behaviour = invocation -> SUCCESS;

    FunctionRef define(String name) {
        FunctionRef ref = new FunctionRef(name, "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:" + name,
                "arn:aws:iam::" + ACCOUNT + ":role/" + name + "-role", 3);
        functions.put(name, ref);
        return ref;
    }

    void remove(String name) {
        functions.remove(name);
    }

    void answer(Function<Invocation, InvocationResult> behaviour) {
        this.behaviour = behaviour;
    }

    @Override
    public Optional<FunctionRef> find(String nameOrArn) {
        String name = nameOrArn.contains(":function:") ? nameOrArn.substring(nameOrArn.indexOf(":function:") + 10) : nameOrArn;
        if (name.contains(":")) {
            String qualifier = name.substring(name.indexOf(':') + 1);
            if (!qualifier.equals("$LATEST")) {
                return Optional.empty();
            }
            name = name.substring(0, name.indexOf(':'));
        }
        return Optional.ofNullable(functions.get(name));
    }

    @Override
    public InvocationResult invoke(String functionNameOrArn, byte[] payload) {
        if (find(functionNameOrArn).isEmpty()) {
            throw new FunctionNotFoundException("Function not found: " + functionNameOrArn);
        }
        Invocation invocation = new Invocation(System.nanoTime(), System.currentTimeMillis(), functionNameOrArn,
                parse(payload), new String(payload, StandardCharsets.UTF_8));
        int now = running.incrementAndGet();
        mostAtOnce.accumulateAndGet(now, Math::max);
        try {
            synchronized (invocations) {
                invocations.add(invocation);
            }
            return behaviour.apply(invocation);
        } finally {
            running.decrementAndGet();
        }
    }

    List<Invocation> invocations() {
        synchronized (invocations) {
            return List.copyOf(invocations);
        }
    }

    /** Data of every record delivered at least once, in first-delivery order. */
    Set<String> delivered() {
        Set<String> seen = new LinkedHashSet<>();
        for (Invocation invocation : invocations()) {
            seen.addAll(invocation.data());
        }
        return seen;
    }

    int mostAtOnce() {
        return mostAtOnce.get();
    }

    private static List<Received> parse(byte[] payload) {
        try {
            List<Received> records = new ArrayList<>();
            for (JsonNode record : Json.MAPPER.readTree(payload).get("Records")) {
                JsonNode kinesis = record.get("kinesis");
                String eventId = record.get("eventID").textValue();
                records.add(new Received(eventId.substring(0, eventId.indexOf(':')), kinesis.get("sequenceNumber").textValue(),
                        kinesis.get("partitionKey").textValue(),
                        new String(Base64.getDecoder().decode(kinesis.get("data").textValue()), StandardCharsets.UTF_8),
                        eventId, record.get("invokeIdentityArn").textValue(), record.get("eventSourceARN").textValue(),
                        kinesis.get("approximateArrivalTimestamp").doubleValue()));
            }
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A partial-failure answer naming these sequence numbers. */
    static InvocationResult reportFailures(List<String> sequenceNumbers) {
        StringBuilder json = new StringBuilder("{\"batchItemFailures\":[");
        for (int i = 0; i < sequenceNumbers.size(); i++) {
            json.append(i == 0 ? "" : ",").append("{\"itemIdentifier\":\"").append(sequenceNumbers.get(i)).append("\"}");
        }
        return new InvocationResult(json.append("]}").toString().getBytes(StandardCharsets.UTF_8), null, false);
    }
}
