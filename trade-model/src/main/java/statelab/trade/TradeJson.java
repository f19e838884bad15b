package statelab.trade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import com.fasterxml.jackson.core.JsonProcessingException;

/** Writes a trade as the message the workshop's generator puts on the stream (one record = one trade). */
public final class TradeJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private TradeJson() {
    }

    public static byte[] toMessage(Trade trade) {
        ObjectNode message = MAPPER.createObjectNode();
        message.put(TradeFields.TRADE_ID, trade.tradeId());
        message.put(TradeFields.VALUE, trade.value());
        message.put(TradeFields.VERSION, trade.version());
        message.put(TradeFields.TIMESTAMP, trade.timestamp());
        message.set(TradeFields.HIERARCHY, readHierarchy(trade.hierarchyJson()));
        try {
            return MAPPER.writeValueAsString(message).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readHierarchy(String hierarchyJson) {
        try {
            return MAPPER.readTree(hierarchyJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("hierarchyJson is not JSON: " + hierarchyJson, e);
        }
    }
}
