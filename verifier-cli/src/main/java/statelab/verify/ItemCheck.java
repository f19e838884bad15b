package statelab.verify;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import statelab.trade.Trade;
import statelab.trade.TradeFields;

/** Compares a StateTable item with the trade it must hold: Version, Value, Timestamp (as numbers) and Hierarchy. */
final class ItemCheck {
    private ItemCheck() {
    }

    static boolean matches(Trade expected, Map<String, AttributeValue> item) {
        return item != null && differences(expected, item).isEmpty();
    }

    /** @return what differs, e.g. {@code Version 2 (expected 3)}; empty when the item is as expected */
    static List<String> differences(Trade expected, Map<String, AttributeValue> item) {
        List<String> differences = new ArrayList<>();
        compareNumber(differences, TradeFields.ITEM_VERSION, item.get(TradeFields.ITEM_VERSION),
                BigDecimal.valueOf(expected.version()));
        compareNumber(differences, TradeFields.ITEM_VALUE, item.get(TradeFields.ITEM_VALUE), expected.value());
        compareNumber(differences, TradeFields.ITEM_TIMESTAMP, item.get(TradeFields.ITEM_TIMESTAMP),
                expected.timestamp());
        AttributeValue hierarchy = item.get(TradeFields.ITEM_HIERARCHY);
        if (hierarchy == null || hierarchy.s() == null) {
            differences.add(TradeFields.ITEM_HIERARCHY + " missing or not a string");
        } else if (!hierarchy.s().equals(expected.hierarchyJson())) {
            differences.add(TradeFields.ITEM_HIERARCHY + " " + hierarchy.s() + " (expected "
                    + expected.hierarchyJson() + ")");
        }
        return differences;
    }

    private static void compareNumber(List<String> differences, String name, AttributeValue actual,
            BigDecimal expected) {
        if (actual == null || actual.n() == null) {
            differences.add(name + " missing or not a number");
            return;
        }
        BigDecimal number;
        try {
            number = new BigDecimal(actual.n());
        } catch (NumberFormatException e) {
            differences.add(name + " " + actual.n() + " is not a number");
            return;
        }
        if (number.compareTo(expected) != 0) {
            differences.add(name + " " + actual.n() + " (expected " + expected.toPlainString() + ")");
        }
    }
}
