package statelab.handler;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import statelab.trade.Trade;
import statelab.trade.TradeJson;

/** Realistic trades, as the workshop's generator makes them, from a seeded random source. */
final class Trades {
    private static final List<String> RISK_TYPES = List.of("PV", "Delta");
    private static final List<String> REGIONS = List.of("EMEA", "APAC", "AMER");
    private static final List<String> DESKS = List.of("FXSpot", "FXOptions");

    private final Random random;

    Trades(long seed) {
        this.random = new Random(seed);
    }

    Trade next() {
        return version(UUID.nameUUIDFromBytes(longBytes(random.nextLong())).toString(), 0);
    }

    /** A trade with this id and version and fresh random contents. */
    Trade version(String tradeId, long version) {
        BigDecimal value = BigDecimal.valueOf(random.nextInt(10_000_000), 2);
        BigDecimal timestamp = new BigDecimal("1733300000.000000")
                .add(BigDecimal.valueOf(random.nextInt(86_400_000), 3)).setScale(6, RoundingMode.UNNECESSARY);
        String hierarchy = "{\"Region\": \"" + pick(REGIONS) + "\", \"RiskType\": \"" + pick(RISK_TYPES)
                + "\", \"TradeDesk\": \"" + pick(DESKS) + "\"}";
        return new Trade(tradeId, value, version, timestamp, hierarchy);
    }

    static byte[] message(Trade trade) {
        return TradeJson.toMessage(trade);
    }

    static List<byte[]> messages(List<Trade> trades) {
        return trades.stream().map(Trades::message).toList();
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static byte[] longBytes(long value) {
        return BigDecimal.valueOf(value).toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
