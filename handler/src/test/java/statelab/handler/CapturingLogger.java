package statelab.handler;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Lambda's logger as the tests see it: keeps what the handler logs, exactly as given, and parses it as JSON lines. */
final class CapturingLogger implements LambdaLogger {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final StringBuilder text = new StringBuilder();

    @Override
    public synchronized void log(String message) {
        text.append(message);
    }

    @Override
    public synchronized void log(byte[] message) {
        text.append(new String(message, StandardCharsets.UTF_8));
    }

    synchronized String text() {
        return text.toString();
    }

    /** Every line, parsed; fails the test if a line is not a JSON object or the output does not end a line. */
    synchronized List<JsonNode> lines() {
        List<JsonNode> lines = new ArrayList<>();
        if (text.length() == 0) {
            return lines;
        }
        if (text.charAt(text.length() - 1) != '\n') {
            throw new AssertionError("log output does not end with a newline: " + text);
        }
        for (String line : text.toString().split("\n")) {
            try {
                JsonNode node = MAPPER.readTree(line);
                if (node == null || !node.isObject()) {
                    throw new AssertionError("log line is not a JSON object: " + line);
                }
                lines.add(node);
            } catch (IOException e) {
                throw new UncheckedIOException("log line is not JSON: " + line, e);
            }
        }
        return lines;
    }

    List<JsonNode> linesOf(String event) {
        return lines().stream().filter(line -> event.equals(line.path("event").asText())).toList();
    }

    JsonNode onlyLineOf(String event) {
        List<JsonNode> lines = linesOf(event);
        if (lines.size() != 1) {
            throw new AssertionError("expected one " + event + " line, got " + lines.size() + ": " + text());
        }
        return lines.get(0);
    }

    synchronized void clear() {
        text.setLength(0);
    }
}
