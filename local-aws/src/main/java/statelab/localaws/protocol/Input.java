package statelab.localaws.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import statelab.localaws.edge.AwsException;

/**
 * Typed reads of a JSON request with AWS's validation messages ("1 validation error detected: Value null at
 * 'functionName' failed to satisfy constraint: Member must not be null"), so that every operation rejects
 * bad input the same way and none of them throws a NullPointerException at a client.
 */
public final class Input {
    private final ObjectNode node;

    public Input(ObjectNode node) {
        this.node = node;
    }

    public ObjectNode node() {
        return node;
    }

    public boolean has(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    public String requiredString(String field) {
        return optionalString(field).orElseThrow(() -> missing(field));
    }

    public Optional<String> optionalString(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw AwsException.malformedBody("'" + field + "' must be a string");
        }
        return Optional.of(value.textValue());
    }

    public Optional<Long> optionalLong(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw AwsException.malformedBody("'" + field + "' must be an integer");
        }
        return Optional.of(value.longValue());
    }

    public Optional<Integer> optionalInt(String field) {
        return optionalLong(field).map(v -> {
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                throw AwsException.malformedBody("'" + field + "' is out of range");
            }
            return v.intValue();
        });
    }

    public int intInRange(String field, int defaultValue, int min, int max) {
        int value = optionalInt(field).orElse(defaultValue);
        if (value < min || value > max) {
            throw outOfRange(field, value, min, max);
        }
        return value;
    }

    public Optional<Boolean> optionalBoolean(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            throw AwsException.malformedBody("'" + field + "' must be a boolean");
        }
        return Optional.of(value.booleanValue());
    }

    public Optional<ObjectNode> optionalObject(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            throw AwsException.malformedBody("'" + field + "' must be an object");
        }
        return Optional.of((ObjectNode) value);
    }

    public Optional<List<String>> optionalStringList(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isArray()) {
            throw AwsException.malformedBody("'" + field + "' must be a list");
        }
        List<String> items = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw AwsException.malformedBody("'" + field + "' must be a list of strings");
            }
            items.add(item.textValue());
        }
        return Optional.of(items);
    }

    /** AWS's wording for a missing required member; field names in messages start lower-case as AWS's do. */
    public static AwsException missing(String field) {
        return AwsException.validation("1 validation error detected: Value null at '" + lowerFirst(field)
                + "' failed to satisfy constraint: Member must not be null");
    }

    public static AwsException outOfRange(String field, long value, long min, long max) {
        String constraint = value < min
                ? "Member must have value greater than or equal to " + min
                : "Member must have value less than or equal to " + max;
        return AwsException.validation("1 validation error detected: Value '" + value + "' at '" + lowerFirst(field)
                + "' failed to satisfy constraint: " + constraint);
    }

    private static String lowerFirst(String field) {
        return field.isEmpty() ? field : Character.toLowerCase(field.charAt(0)) + field.substring(1);
    }
}
