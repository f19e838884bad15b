package statelab.trade;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns the bytes of one Kinesis record into a {@link Trade}, or into the single reason it cannot be one.
 *
 * <p>Never throws for bad input: a record that is not a valid trade is data, not an exception, so that the
 * handler can log it, count it and move on without blocking the shard. The rules are those of design.md:
 * UTF-8 JSON object; {@code TradeID} a non-empty string within DynamoDB's key limit; {@code Value} and
 * {@code Timestamp} finite numbers DynamoDB can store; {@code Version} a whole number >= 0;
 * {@code Hierarchy} an object. Unknown extra fields are ignored, as the workshop's function does.
 */
public final class TradeParser {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private TradeParser() {
    }

    public static ParseResult parse(byte[] data) {
        if (data == null || data.length == 0) {
            return reject("empty record");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data))
                    .toString();
        } catch (CharacterCodingException e) {
            return reject("not UTF-8 text");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return reject("not JSON: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            return reject("not JSON: " + firstLine(e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            return reject("not a JSON object");
        }
        return fromObject(root);
    }

    /** Validates an already parsed message object. */
    public static ParseResult fromObject(JsonNode root) {
        JsonNode id = root.get(TradeFields.TRADE_ID);
        if (id == null || id.isNull()) {
            return missing(TradeFields.TRADE_ID);
        }
        if (!id.isTextual()) {
            return mistyped(TradeFields.TRADE_ID, "a string", id);
        }
        String tradeId = id.textValue();
        if (tradeId.isEmpty()) {
            return reject("TradeID is empty");
        }
        int idBytes = tradeId.getBytes(StandardCharsets.UTF_8).length;
        if (idBytes > TradeFields.MAX_TRADE_ID_BYTES) {
            return reject("TradeID is " + idBytes + " bytes, more than DynamoDB's key limit of "
                    + TradeFields.MAX_TRADE_ID_BYTES);
        }

        ParseResult valueProblem = checkNumber(root, TradeFields.VALUE);
        if (valueProblem != null) {
            return valueProblem;
        }
        ParseResult timestampProblem = checkNumber(root, TradeFields.TIMESTAMP);
        if (timestampProblem != null) {
            return timestampProblem;
        }

        JsonNode versionNode = root.get(TradeFields.VERSION);
        if (versionNode == null || versionNode.isNull()) {
            return missing(TradeFields.VERSION);
        }
        if (!versionNode.isNumber()) {
            return mistyped(TradeFields.VERSION, "a number", versionNode);
        }
        BigDecimal versionNumber = versionNode.decimalValue();
        if (versionNumber.signum() < 0) {
            return reject("Version is negative: " + versionNode);
        }
        BigDecimal whole = versionNumber.stripTrailingZeros();
        if (whole.scale() > 0) {
            return reject("Version is not a whole number: " + versionNode);
        }
        long version;
        try {
            version = whole.longValueExact();
        } catch (ArithmeticException e) {
            return reject("Version is too large: " + versionNode);
        }

        JsonNode hierarchy = root.get(TradeFields.HIERARCHY);
        if (hierarchy == null || hierarchy.isNull()) {
            return missing(TradeFields.HIERARCHY);
        }
        if (!hierarchy.isObject()) {
            return mistyped(TradeFields.HIERARCHY, "an object", hierarchy);
        }

        return new ParseResult.Valid(new Trade(
                tradeId,
                root.get(TradeFields.VALUE).decimalValue(),
                version,
                root.get(TradeFields.TIMESTAMP).decimalValue(),
                CanonicalJson.write(hierarchy)));
    }

    private static ParseResult checkNumber(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return missing(field);
        }
        if (!node.isNumber()) {
            return mistyped(field, "a number", node);
        }
        if ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
            return reject(field + " is not finite");
        }
        String rangeProblem = DynamoNumbers.problemWith(node.decimalValue());
        if (rangeProblem != null) {
            return reject(field + " " + rangeProblem);
        }
        return null;
    }

    private static ParseResult missing(String field) {
        return reject("missing field " + field);
    }

    private static ParseResult mistyped(String field, String expected, JsonNode actual) {
        return reject(field + " must be " + expected + ", was " + describe(actual));
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static ParseResult reject(String reason) {
        return new ParseResult.Rejected(reason);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

}
