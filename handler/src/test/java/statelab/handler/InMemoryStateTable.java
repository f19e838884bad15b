package statelab.handler;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import statelab.trade.Trade;

/**
 * A {@link TradeWriter} with StateTable's rule in memory, for unit tests: thread-safe, records the order of the
 * writes per TradeID and how many ran at once, and fails or rejects chosen TradeIDs.
 */
final class InMemoryStateTable implements TradeWriter {
    private final Map<String, Trade> items = new ConcurrentHashMap<>();
    private final Map<String, List<Long>> attempts = new ConcurrentHashMap<>();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile Runnable duringWrite = () -> { };

    InMemoryStateTable failing(String tradeId) {
        failing.add(tradeId);
        return this;
    }

    InMemoryStateTable refusing(String tradeId) {
        refused.add(tradeId);
        return this;
    }

    /** Runs inside every write, while it counts as in flight (a pause, a barrier...). */
    InMemoryStateTable duringWrite(Runnable action) {
        this.duringWrite = action;
        return this;
    }

    @Override
    public WriteResult write(Trade trade) {
        calls.incrementAndGet();
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            attempts.computeIfAbsent(trade.tradeId(), id -> Collections.synchronizedList(new ArrayList<>()))
                    .add(trade.version());
            duringWrite.run();
            if (failing.contains(trade.tradeId())) {
                return WriteResult.failed("InternalServerError (HTTP 500): injected");
            }
            if (refused.contains(trade.tradeId())) {
                return WriteResult.rejected("DynamoDB refused the item: Item size has exceeded the maximum allowed size");
            }
            boolean[] written = {false};
            items.compute(trade.tradeId(), (id, stored) -> {
                if (stored == null || stored.version() < trade.version()) {
                    written[0] = true;
                    return trade;
                }
                return stored;
            });
            return written[0] ? WriteResult.WRITTEN : WriteResult.DUPLICATE_OR_STALE;
        } finally {
            inFlight.decrementAndGet();
        }
    }

    Map<String, Trade> items() {
        return Map.copyOf(items);
    }

    List<Long> versionsAttempted(String tradeId) {
        return List.copyOf(attempts.getOrDefault(tradeId, List.of()));
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    int calls() {
        return calls.get();
    }
}
