package statelab.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import statelab.trade.Trade;

class ItemCheckTest {
    static final Trade TRADE = new Trade("t-1", new BigDecimal("12.50"), 3, new BigDecimal("1733300000.120000"),
            "{\"Region\": \"EMEA\", \"RiskType\": \"PV\", \"TradeDesk\": \"FXSpot\"}");

    /** An item as DynamoDB returns it: numbers normalised (no trailing zeros). */
    static Map<String, AttributeValue> item() {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("id", AttributeValue.fromS("t-1"));
        item.put("Value", AttributeValue.fromN("12.5"));
        item.put("Version", AttributeValue.fromN("3"));
        item.put("Timestamp", AttributeValue.fromN("1733300000.12"));
        item.put("Hierarchy", AttributeValue.fromS(TRADE.hierarchyJson()));
        return item;
    }

    @Test
    void numbersAreComparedAsNumbersNotAsText() {
        assertTrue(ItemCheck.matches(TRADE, item()));
    }

    @Test
    void aLowerVersionAndAnotherValueAreBothNamed() {
        Map<String, AttributeValue> item = item();
        item.put("Version", AttributeValue.fromN("2"));
        item.put("Value", AttributeValue.fromN("99"));
        assertFalse(ItemCheck.matches(TRADE, item));
        assertEquals(List.of("Version 2 (expected 3)", "Value 99 (expected 12.50)"), ItemCheck.differences(TRADE, item));
    }

    @Test
    void missingOrMistypedAttributesAreDifferences() {
        Map<String, AttributeValue> item = item();
        item.remove("Timestamp");
        item.put("Hierarchy", AttributeValue.fromN("1"));
        assertEquals(List.of("Timestamp missing or not a number", "Hierarchy missing or not a string"),
                ItemCheck.differences(TRADE, item));
        assertFalse(ItemCheck.matches(TRADE, null));
    }
}
