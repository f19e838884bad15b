package statelab.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import statelab.trade.Trade;
import statelab.trade.TradeFields;

/**
 * New trades shaped as verify-lab and the workshop's generator make them (a UUID TradeID, a Value with two decimals,
 * Version 1, an epoch Timestamp with microseconds, a canonical Hierarchy), from a seeded random source.
 */
final class BenchTrades {
    private static final String[] REGIONS = {"EMEA", "APAC", "AMER"};
    private static final String[] RISK_TYPES = {"PV", "Delta"};
    private static final String[] DESKS = {"FXSpot", "FXOptions"};

    private final Random random;
    private long clockMicros = 1_733_300_000_000_000L;

    BenchTrades(long seed) {
        this.random = new Random(seed);
    }

    Trade next() {
        String tradeId = new UUID(random.nextLong(), random.nextLong()).toString();
        BigDecimal value = BigDecimal.valueOf(random.nextInt(10_000_001), 2);
        clockMicros += 1 + random.nextInt(1_000);
        // the keys in sorted order with ", " and ": ": already the canonical text (statelab.trade.CanonicalJson)
        String hierarchy = "{\"Region\": \"" + pick(REGIONS) + "\", \"RiskType\": \"" + pick(RISK_TYPES)
                + "\", \"TradeDesk\": \"" + pick(DESKS) + "\"}";
        return new Trade(tradeId, value, 1, BigDecimal.valueOf(clockMicros, 6), hierarchy);
    }

    List<Trade> next(int count) {
        List<Trade> trades = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            trades.add(next());
        }
        return trades;
    }

    /** The item StateLambda's conditional update leaves for a new trade: the same attributes, the same number text. */
    static Map<String, AttributeValue> item(Trade trade) {
        return Map.of(
                TradeFields.ITEM_ID, AttributeValue.fromS(trade.tradeId()),
                TradeFields.ITEM_VALUE, AttributeValue.fromN(trade.value().toPlainString()),
                TradeFields.ITEM_VERSION, AttributeValue.fromN(Long.toString(trade.version())),
                TradeFields.ITEM_HIERARCHY, AttributeValue.fromS(trade.hierarchyJson()),
                TradeFields.ITEM_TIMESTAMP, AttributeValue.fromN(trade.timestamp().toPlainString()));
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
