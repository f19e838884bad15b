package statelab.localaws.esm.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import statelab.localaws.edge.AwsException;

/** Reads a {@code Tags} member ({@code {"key": "value"}}) with Lambda's limits. */
final class Tags {
    private static final int MAX_TAGS = 50;

    private Tags() {
    }

    static Map<String, String> read(JsonNode tags) {
        Map<String, String> read = new TreeMap<>();
        if (tags == null || tags.isNull()) {
            return read;
        }
        if (!tags.isObject()) {
            throw AwsException.malformedBody("'Tags' must be an object of string values");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = tags.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> tag = fields.next();
            if (!tag.getValue().isTextual()) {
                throw AwsException.malformedBody("the value of tag '" + tag.getKey() + "' must be a string");
            }
            String key = tag.getKey();
            String value = tag.getValue().textValue();
            if (key.isEmpty() || key.length() > 128 || value.length() > 256 || key.toLowerCase().startsWith("aws:")) {
                throw AwsException.invalidParameter("Invalid tag '" + key + "': keys are 1 to 128 characters and may not"
                        + " start with aws:, values at most 256 characters.");
            }
            read.put(key, value);
        }
        if (read.size() > MAX_TAGS) {
            throw AwsException.invalidParameter("At most " + MAX_TAGS + " tags are allowed, not " + read.size() + ".");
        }
        return read;
    }
}
