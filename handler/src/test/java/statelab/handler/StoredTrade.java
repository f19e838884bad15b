package statelab.handler;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import statelab.trade.Trade;

/**
 * A StateTable item as the workshop defines it: exactly {@code id} (S), {@code Value} (N), {@code Version} (N),
 * {@code Hierarchy} (S) and {@code Timestamp} (N). Numbers are compared by value (DynamoDB drops trailing zeros).
 */
record StoredTrade(String id, BigDecimal value, long version, String hierarchy, BigDecimal timestamp) {
    static final Set<String> ATTRIBUTES = Set.of("id", "Value", "Version", "Hierarchy", "Timestamp");

    StoredTrade {
        value = value.stripTrailingZeros();
        timestamp = timestamp.stripTrailingZeros();
    }

    static StoredTrade of(Trade trade) {
        return new StoredTrade(trade.tradeId(), trade.value(), trade.version(), trade.hierarchyJson(), trade.timestamp());
    }

    /** Reads an item; fails the test if it has other attributes or other types than the workshop's. */
    static StoredTrade read(Map<String, AttributeValue> item) {
        if (!item.keySet().equals(ATTRIBUTES)) {
            throw new AssertionError("item attributes " + item.keySet() + " are not " + ATTRIBUTES + ": " + item);
        }
        for (String number : Set.of("Value", "Version", "Timestamp")) {
            if (item.get(number).n() == null) {
                throw new AssertionError(number + " is not a number: " + item);
            }
        }
        for (String string : Set.of("id", "Hierarchy")) {
            if (item.get(string).s() == null) {
                throw new AssertionError(string + " is not a string: " + item);
            }
        }
        return new StoredTrade(item.get("id").s(), new BigDecimal(item.get("Value").n()),
                Long.parseLong(item.get("Version").n()), item.get("Hierarchy").s(),
                new BigDecimal(item.get("Timestamp").n()));
    }

    /** The whole table, sorted by id so that a failed comparison reads well. */
    static Map<String, StoredTrade> table(Dynalite dynalite, String table) {
        Map<String, StoredTrade> items = new TreeMap<>();
        dynalite.items(table).forEach((id, item) -> items.put(id, read(item)));
        return items;
    }

    /** The end state the workshop asks for: for each TradeID, the sent trade with the highest Version. */
    static Map<String, StoredTrade> expected(Iterable<Trade> sent) {
        Map<String, Trade> highest = new TreeMap<>();
        for (Trade trade : sent) {
            highest.merge(trade.tradeId(), trade, (a, b) -> b.version() > a.version() ? b : a);
        }
        Map<String, StoredTrade> items = new TreeMap<>();
        highest.forEach((id, trade) -> items.put(id, of(trade)));
        return items;
    }
}
