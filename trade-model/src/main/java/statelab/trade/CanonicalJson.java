package statelab.trade;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Writes JSON with object keys sorted and Python's default separators ({@code ", "} and {@code ": "}),
 * i.e. the text of {@code json.dumps(obj, sort_keys=True)} that the workshop's Python functions
 * produce and read. The same object always gives the same text, whatever order the producer used.
 */
public final class CanonicalJson {
    private CanonicalJson() {
    }

    public static String write(JsonNode node) {
        StringBuilder out = new StringBuilder();
        append(node, out);
        return out.toString();
    }

    private static void append(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            out.append('{');
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                out.append(quoted(names.get(i))).append(": ");
                append(node.get(names.get(i)), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            Iterator<JsonNode> elements = node.elements();
            boolean first = true;
            while (elements.hasNext()) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                append(elements.next(), out);
            }
            out.append(']');
        } else {
            // scalars: Jackson already writes strings escaped and numbers as parsed
            out.append(node.toString());
        }
    }

    private static String quoted(String text) {
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(text).toString();
    }
}
