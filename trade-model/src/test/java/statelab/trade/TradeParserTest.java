package statelab.trade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TradeParserTest {

    private static final String GOOD = "{\"TradeID\":\"7d0b6e1c-5a3f-4c8e-9e7a-1b2c3d4e5f60\",\"Value\":1234.56,"
            + "\"Version\":3,\"Timestamp\":1733300000.123,"
            + "\"Hierarchy\":{\"TradeDesk\":\"FXSpot\",\"RiskType\":\"PV\",\"Region\":\"EMEA\"}}";

    private static ParseResult parse(String text) {
        return TradeParser.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String reasonOf(ParseResult result) {
        return assertInstanceOf(ParseResult.Rejected.class, result).reason();
    }

    @Test
    void aWorkshopMessageBecomesATradeWithExactNumbersAndSortedHierarchy() {
        Trade trade = assertInstanceOf(ParseResult.Valid.class, parse(GOOD)).trade();
        assertEquals("7d0b6e1c-5a3f-4c8e-9e7a-1b2c3d4e5f60", trade.tradeId());
        assertEquals(new BigDecimal("1234.56"), trade.value());
        assertEquals(3, trade.version());
        assertEquals(new BigDecimal("1733300000.123"), trade.timestamp());
        assertEquals("{\"Region\": \"EMEA\", \"RiskType\": \"PV\", \"TradeDesk\": \"FXSpot\"}", trade.hierarchyJson());
    }

    @Test
    void integerValuesAndIntegralVersionWrittenWithFractionAreAccepted() {
        Trade trade = assertInstanceOf(ParseResult.Valid.class, parse(GOOD
                .replace("1234.56", "100000").replace("\"Version\":3", "\"Version\":2.0"))).trade();
        assertEquals(new BigDecimal("100000"), trade.value());
        assertEquals(2, trade.version());
    }

    @Test
    void extraFieldsAreIgnored() {
        assertInstanceOf(ParseResult.Valid.class, parse(GOOD.replace("{\"TradeID\"", "{\"Extra\":[1,2],\"TradeID\"")));
    }

    @Test
    void bytesThatAreNotUtf8AreRejected() {
        byte[] latin1 = GOOD.replace("EMEA", "\u00c9MEA").getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("not UTF-8 text", reasonOf(TradeParser.parse(latin1)));
    }

    @Test
    void emptyRecordIsRejected() {
        assertEquals("empty record", reasonOf(TradeParser.parse(new byte[0])));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not JSON              | hello world                                  | not JSON",
        "truncated JSON        | {\"TradeID\":\"a\"                          | not JSON",
        "trailing garbage      | {} {}                                        | not JSON",
        "NaN literal           | {\"Value\":NaN}                              | not JSON",
        "array                 | [1,2]                                        | not a JSON object",
        "string                | \"trade\"                                    | not a JSON object",
        "duplicate key         | {\"TradeID\":\"a\",\"TradeID\":\"b\"}        | not JSON",
    })
    void unreadableRecordsAreRejectedWithTheirReason(String name, String text, String reasonStart) {
        assertTrue(reasonOf(parse(text)).startsWith(reasonStart), () -> reasonOf(parse(text)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "missing TradeID       | \"TradeID\":\"7d0b6e1c-5a3f-4c8e-9e7a-1b2c3d4e5f60\",  | \"Other\":1,          | missing field TradeID",
        "numeric TradeID       | \"7d0b6e1c-5a3f-4c8e-9e7a-1b2c3d4e5f60\"              | 42                   | TradeID must be a string, was a number",
        "empty TradeID         | \"7d0b6e1c-5a3f-4c8e-9e7a-1b2c3d4e5f60\"              | \"\"                 | TradeID is empty",
        "Value as string       | 1234.56                                               | \"1234.56\"          | Value must be a number, was a string",
        "Value null            | 1234.56                                               | null                 | missing field Value",
        "Value too big         | 1234.56                                               | 1e400                | Value is outside DynamoDB's number range",
        "Value too precise     | 1234.56                                               | 1.0000000000000000000000000000000000000001 | Value has more than 38 significant digits",
        "negative Version      | \"Version\":3                                         | \"Version\":-1       | Version is negative",
        "fractional Version    | \"Version\":3                                         | \"Version\":1.5      | Version is not a whole number",
        "Version as string     | \"Version\":3                                         | \"Version\":\"3\"    | Version must be a number, was a string",
        "huge Version          | \"Version\":3                                         | \"Version\":99999999999999999999 | Version is too large",
        "Timestamp as bool     | 1733300000.123                                        | true                 | Timestamp must be a number, was a boolean",
        "Hierarchy as string   | {\"TradeDesk\":\"FXSpot\",\"RiskType\":\"PV\",\"Region\":\"EMEA\"} | \"EMEA\" | Hierarchy must be an object, was a string",
        "Hierarchy missing     | \"Hierarchy\":                                        | \"Other\":           | missing field Hierarchy",
    })
    void invalidFieldsAreRejectedWithTheirReason(String name, String from, String to, String reasonStart) {
        String text = GOOD.replace(from, to);
        assertTrue(!text.equals(GOOD), "test data must change the message");
        String reason = reasonOf(parse(text));
        assertTrue(reason.startsWith(reasonStart), reason);
    }

    @Test
    void tradeIdLongerThanDynamoKeyLimitIsRejectedAndAtTheLimitAccepted() {
        String atLimit = "x".repeat(TradeFields.MAX_TRADE_ID_BYTES);
        assertInstanceOf(ParseResult.Valid.class,
                parse(GOOD.replace("7d0b6e1c-5a3f-4c8e-9e7a-1b2c3d4e5f60", atLimit)));
        String reason = reasonOf(parse(GOOD.replace("7d0b6e1c-5a3f-4c8e-9e7a-1b2c3d4e5f60", atLimit + "y")));
        assertTrue(reason.contains("DynamoDB's key limit"), reason);
    }

    @Test
    void aMessageWrittenByTradeJsonParsesBackToTheSameTrade() {
        Trade trade = new Trade("t-1", new BigDecimal("99.25"), 7, new BigDecimal("1733300000.5"),
                "{\"Region\": \"APAC\", \"RiskType\": \"Delta\", \"TradeDesk\": \"FXOptions\"}");
        Trade back = assertInstanceOf(ParseResult.Valid.class, TradeParser.parse(TradeJson.toMessage(trade))).trade();
        assertEquals(trade, back);
    }
}
